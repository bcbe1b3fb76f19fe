// The bundled dataset: valid, up to date with its annotations, complete (names, quotes, numbers, events, relations of the article), faithful, and with facts that stand on their own.
import { describe, expect, it } from 'vitest';
import { AnnotationsSchema, buildDataset, sourceText } from '../../../../lib/shared/kb/annotations';
import { findUncoveredNames } from '../../../../lib/shared/kb/completeness';
import { dictionaryItem } from '../../../../lib/shared/kb/dictionary';
import { statedNumbers } from '../../../../lib/shared/kb/numbers';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import { standaloneIssues } from '../../../../lib/shared/kb/standalone';
import { exportDataset } from '../../../../lib/shared/kb/transfer';
import { compileMatcher } from '../../../../lib/shared/match/matcher';
import { readRepoFile } from './fixtures';

const raw = readRepoFile('assets/kb/seed.source.txt');
const committed = readRepoFile('assets/kb/seed.json');
const annotations = AnnotationsSchema.parse(
  JSON.parse(readRepoFile('assets/kb/seed.annotations.json')),
);

function loadSeed(): Dataset {
  const result = parseDataset(JSON.parse(committed));
  if (!result.ok) throw new Error(result.error.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.value;
}
const seed = loadSeed();
const source = seed.sources[0] as Dataset['sources'][number];
const dictionary = seed.entities.map(dictionaryItem);
const matcher = compileMatcher(dictionary);
/** The seed's items by id, its one source's sentences, and where the matcher finds each entity in it. */
const kb = {
  entities: () => seed.entities,
  entity: (id: string) => seed.entities.find((entity) => entity.id === id),
  sentence: (evidence: { start: number; end: number }) =>
    source.text.slice(evidence.start, evidence.end),
  mentionsInSource: (id: string) =>
    matcher.find(source.text).filter((match) => dictionary[match.entity]?.entityId === id),
};

describe('bundled dataset', () => {
  it('is what the annotations build (run `node scripts/kb-build.mjs` after editing them)', () => {
    const built = parseDataset(buildDataset(annotations, raw));
    expect(built.ok).toBe(true);
    if (built.ok) expect(exportDataset(built.value)).toBe(committed);
  });

  it('carries the article as its one source: title is the first line, nothing invented', () => {
    expect(seed.sources).toHaveLength(1);
    expect(source.title).toBe(
      'Russian Missile and Drone Attack on Kyiv Leaves 21 Dead as Peace Talks Stall',
    );
    expect(source.text).toBe(sourceText(raw, annotations));
    expect(raw.startsWith(source.text)).toBe(true);
    expect(source.publisher).toBeUndefined();
    expect(source.published).toBeUndefined();
    expect(source.url).toBeUndefined();
  });

  it('leaves the unrelated trailing headline out of the source text and explains why in notes', () => {
    const lastLine = raw.slice(raw.lastIndexOf('\n') + 1);
    expect(lastLine).toMatch(/^Dallas Weather Forecast/);
    expect(source.text).not.toContain('Dallas');
    expect(source.text.endsWith('in the crossfire.')).toBe(true);
    expect(seed.notes).toContain('Dallas Weather Forecast');
    expect(kb.entities().some((e) => /dallas/i.test(e.name))).toBe(false);
  });

  it('accounts for every capitalised name of the article file: an entity alias or a deliberately ignored name', () => {
    const uncovered = findUncoveredNames(raw, dictionary, seed.ignoredNames ?? []);
    expect(uncovered.map((u) => `${u.word} (in: ${u.line.slice(0, 80)})`)).toEqual([]);
  });

  it('ignores no name that is also an entity alias (an ignored name must not hide an entity)', () => {
    const aliases = new Set(dictionary.flatMap((d) => d.aliases.map((a) => a.text)));
    expect((seed.ignoredNames ?? []).filter((name) => aliases.has(name))).toEqual([]);
  });

  it('has every named person, organization and place of the article', () => {
    const names = (kind: string) =>
      kb
        .entities()
        .filter((e) => e.kind === kind)
        .map((e) => e.name)
        .sort();
    expect(names('person')).toEqual(
      [
        'Donald Trump',
        'Friedrich Merz',
        'Kaja Kallas',
        'Karoline Leavitt',
        'Keir Starmer',
        'Oleksandr Khilko',
        'Sophia Akylina',
        'Vladimir Putin',
        'Volodymyr Zelenskyy',
      ].sort(),
    );
    for (const name of [
      'Kyiv',
      'Ukraine',
      'Russia',
      'Brussels',
      'Alaska',
      'Darnytsia district',
      'Holosiivskyi district',
      'Vinnytsia region',
      'Denmark',
      'Netherlands',
      'Norway',
      'Germany',
      'Washington',
      'Moscow',
      'United States',
      'United Kingdom',
      'Afipsky oil refinery',
      'Novokuibyshevsk oil refinery',
    ]) {
      expect(names('place')).toContain(name);
    }
    for (const name of [
      'European Union',
      'EU Mission to Ukraine',
      'British Council',
      'United Nations Security Council',
      'NATO',
      'White House',
      'Russian Defense Ministry',
      'Ukrainian Air Force',
      'Ukrainian national railway operator',
      'Trump administration',
    ]) {
      expect(names('organization')).toContain(name);
    }
  });

  it('every entity is mentioned in the article under one of its names', () => {
    // A name may only occur inside a longer one ("United Nations" in "United Nations Security
    // Council"): the matcher then reports the longer entity, so look for the words themselves too.
    const names = (id: string) => dictionary.find((d) => d.entityId === id)?.aliases ?? [];
    const unmentioned = kb
      .entities()
      .filter(
        (e) =>
          kb.mentionsInSource(e.id).length === 0 &&
          !names(e.id).some((a) => source.text.includes(a.text)),
      )
      .map((e) => e.id);
    expect(unmentioned).toEqual([]);
    expect(kb.mentionsInSource('united-nations')).toEqual([]);
    expect(kb.mentionsInSource('kyiv').length).toBeGreaterThan(10);
  });

  it('gives readers the aliases they meet in other coverage, with case rules for short capitals', () => {
    const aliasOf = (id: string) => dictionary.find((d) => d.entityId === id)?.aliases ?? [];
    const texts = (id: string) => aliasOf(id).map((a) => a.text);
    expect(texts('volodymyr-zelenskyy')).toEqual(
      expect.arrayContaining(['Zelensky', 'Zelenskiy', 'Zelenskyy', 'Зеленський']),
    );
    expect(texts('kyiv')).toEqual(expect.arrayContaining(['Kiev', 'Київ', 'Киев']));
    expect(texts('vladimir-putin')).toEqual(expect.arrayContaining(['Putin', 'Путин']));
    for (const [id, short] of [
      ['united-states', 'US'],
      ['united-states', 'U.S.'],
      ['european-union', 'EU'],
      ['united-nations', 'UN'],
      ['united-kingdom', 'UK'],
      ['nato', 'NATO'],
    ] as const) {
      expect(aliasOf(id)).toContainEqual({ text: short, caseSensitive: true });
    }
    // Every all-caps alias of up to five letters is case-sensitive, or "us"/"un" would match everywhere.
    const loose = dictionary
      .flatMap((d) => d.aliases)
      .filter((a) => /^[\p{Lu}.]{1,6}$/u.test(a.text) && !a.caseSensitive);
    expect(loose).toEqual([]);
  });

  it('matches in any case only one-word names reviewed as no ordinary English word', () => {
    // Reviewed by hand: none of these is a lowercase English word, so "kyiv" or "putin" typed in
    // lowercase is still the name. A word that is also ordinary ("trump", "rose", "brussels
    // sprouts") must be case-sensitive, so a new one-word alias fails here until it is reviewed.
    const REVIEWED = [
      'Khilko',
      'Kallas',
      'Starmer',
      'Putin',
      'Zelenskyy',
      'Zelensky',
      'Zelenskiy',
      'Zelenskyi',
      'Merz',
      'Leavitt',
      'Akylina',
      'Kyiv',
      'Kiev',
      'Ukraine',
      'Russia',
      'Britain',
      'Germany',
      'Deutschland',
      'Denmark',
      'Netherlands',
      'Norway',
      'Bruxelles',
      'Brussel',
      'Alaska',
      'Moscow',
      'Washington',
      'Darnytsia',
      'Holosiivskyi',
      'Vinnytsia',
      'Vinnitsa',
      'Afipsky',
      'Novokuibyshevsk',
      'Ukrzaliznytsia',
    ];
    const loose = dictionary
      .flatMap((d) => d.aliases)
      .filter((a) => !a.caseSensitive && /^\p{Script=Latin}+$/u.test(a.text))
      .map((a) => a.text);
    expect([...new Set(loose)]).toEqual(REVIEWED);
  });

  it('gives the most common declined Cyrillic forms (the matcher matches whole words only)', () => {
    const found = (text: string) =>
      matcher.find(text).map((m) => [text.slice(m.start, m.end), dictionary[m.entity]?.entityId]);
    expect(
      found(
        'Удар по Києву: вибухи в Києві, атака на столицю України, заява Зеленського, Путіна і Росії.',
      ),
    ).toEqual([
      ['Києву', 'kyiv'],
      ['Києві', 'kyiv'],
      ['України', 'ukraine'],
      ['Зеленського', 'volodymyr-zelenskyy'],
      ['Путіна', 'vladimir-putin'],
      ['Росії', 'russia'],
    ]);
    expect(found('Из Москвы: заявление Путина о Киеве, Украине и России; Трампа ждут.')).toEqual([
      ['Москвы', 'moscow'],
      ['Путина', 'vladimir-putin'],
      ['Киеве', 'kyiv'],
      ['Украине', 'ukraine'],
      ['России', 'russia'],
      ['Трампа', 'donald-trump'],
    ]);
    // "путина" is also a Russian noun (a fishing season), "путину" its accusative: only the capitalised name matches.
    expect(found('Началась путина.')).toEqual([]);
    expect(found('Рыбаки вышли на путину. Письмо Путину.')).toEqual([['Путину', 'vladimir-putin']]);
  });

  it('marks nothing in names and words that only contain an alias (ordinary news, incl. the corpus pages)', () => {
    const NOT_ENTITIES = [
      'Flights to South America, Latin America, Central America and North America',
      'Better Money Habits by Bank of America, Voice of America, Good Morning America',
      'Captain America, Miss America and the America’s Cup; USA Today reported',
      'ABOUT US | CONTACT US | FOLLOW US | JOIN US',
      'Melania Trump, Ivanka Trump and Donald Trump Jr. at Trump Tower; a trump card',
      'The Washington Post, the Washington Times, George Washington, Denzel Washington',
      'the Washington Commanders and Washington state',
      'the Kyiv Independent and the Kyiv Post reported; chicken Kiev',
      'the Moscow Times; the cruiser Moskva sank',
      'Tom Holland starred; Brussels sprouts and brussels sprouts; Alaska Airlines',
      'the National Security Council met; Russia’s Security Council deputy chairman',
      'a white house on the hill; British council housing',
    ];
    for (const text of NOT_ENTITIES) {
      const marked = matcher.find(text).map((m) => text.slice(m.start, m.end));
      // Russia in "Russia’s Security Council" is Russia: the only name expected in these lines.
      expect(
        marked.filter((word) => word !== 'Russia'),
        text,
      ).toEqual([]);
    }
  });

  it('still marks the names themselves next to those phrases', () => {
    const text =
      'America backs Kyiv; Trump spoke in Washington; the UN Security Council met in Brussels; the White House said.';
    expect(matcher.find(text).map((m) => dictionary[m.entity]?.entityId)).toEqual([
      'united-states',
      'kyiv',
      'donald-trump',
      'washington',
      'un-security-council',
      'brussels',
      'white-house',
    ]);
  });

  it('states descriptions only with their evidence sentence', () => {
    for (const entity of seed.entities) {
      if (entity.description) expect(entity.descriptionEvidence, entity.id).toBeDefined();
    }
    expect(kb.entity('karoline-leavitt')?.description).toBe('White House press secretary');
    expect(kb.entity('kaja-kallas')?.description).toBe('the EU’s top diplomat');
  });
});

describe('bundled facts stand on their own (a card shows them without their sentence)', () => {
  const factsOf = (entity: string) =>
    seed.facts.filter((f) => f.entity === entity).map((f) => f.text);

  it('break none of the editorial rules (subject, attribution, says something, conditions, contexts, event roles)', () => {
    expect(standaloneIssues(seed).map((i) => `${i.path}: ${i.message}`)).toEqual([]);
  });

  it('keep who says so with every claim the article attributes', () => {
    // Read from the article by hand: words that report someone's claim, and the attribution they come with.
    const ATTRIBUTED: [words: string, attribution: string][] = [
      ['At least 33 locations', 'officials said'],
      ['Russia launched 598 drones', 'Ukraine’s Air Force reported that'],
      ['Ukraine’s envoys will meet', 'U.S. officials confirmed that'],
      ['while Washington is pushing for peace', 'The move signals that'],
      ['the U.S. may announce new steps', 'Trump warned that if Putin continues stalling'],
      ['of sabotaging peace efforts', 'Keir Starmer called the strikes “senseless” and accused'],
      [
        'the missile shook her Holosiivskyi district apartment',
        'Sophia Akylina, 21, described how',
      ],
      ['damage to tracks and equipment', 'railway operator reported'],
      ['attacks on its Afipsky', 'Russia reported'],
    ];
    for (const [words, attribution] of ATTRIBUTED) {
      const facts = seed.facts.filter((f) => f.text.includes(words));
      expect(facts.length, words).toBeGreaterThan(0);
      for (const fact of facts) expect(fact.text, fact.id).toContain(attribution);
    }
  });

  it('Zelenskyy: no "said in a statement" alone, no condition without its outcome, Leavitt as who criticized', () => {
    expect(factsOf('volodymyr-zelenskyy')).toEqual([
      'Trump warned that if Putin continues stalling on direct talks with Zelenskyy, the U.S. may announce new steps within two weeks.',
      'White House press secretary Karoline Leavitt, who criticized both Putin and Zelenskyy after the strikes.',
    ]);
  });

  it('Putin: the accusation names who made it', () => {
    expect(factsOf('vladimir-putin')[0]).toBe(
      'British Prime Minister Keir Starmer called the strikes “senseless” and accused Russian President Vladimir Putin of sabotaging peace efforts.',
    );
    for (const text of factsOf('vladimir-putin').filter((t) => t.includes('accused')))
      expect(text).toContain('Keir Starmer');
  });

  it('quote contexts are the article’s words around the quote, never an editor’s note', () => {
    // Read from the article by hand.
    const CONTEXTS: Record<string, string | undefined> = {
      'khilko-inhuman':
        'who rushed to rescue survivors from a destroyed apartment building in the Darnytsia district',
      'khilko-sirens': undefined,
      'kallas-diplomatic-mission': undefined,
      'starmer-senseless': 'called the strikes “senseless”',
      'zelenskyy-ballistics': 'said in a statement',
      'merz-no-meeting': 'declared bluntly',
      'leavitt-not-ready': 'who criticized both Putin and Zelenskyy after the strikes',
      'moscow-military-industrial-complex':
        'claimed it was targeting Ukraine’s “military-industrial complex” with precision strikes',
      'defense-ministry-objects-hit': 'Russia’s ministry said',
      'akylina-negotiations': undefined,
    };
    expect(Object.fromEntries(seed.quotes.map((q) => [q.id, q.context]))).toEqual(CONTEXTS);
    for (const quote of seed.quotes) {
      if (quote.context === undefined) continue;
      expect(kb.sentence(quote.evidence), quote.id).toContain(quote.context);
      expect(quote.context, quote.id).not.toMatch(/[()[\]]/);
    }
  });

  it('event participants are people and organizations; where lists places', () => {
    for (const event of seed.events) {
      for (const id of event.participants)
        expect(kb.entity(id)?.kind, `${event.id} participant ${id}`).toMatch(
          /^(person|organization)$/,
        );
      for (const id of event.where)
        expect(kb.entity(id)?.kind, `${event.id} where ${id}`).toBe('place');
    }
  });
});

/** Every passage between “ and ” in a text. */
function quotedPassages(text: string): string[] {
  return Array.from(text.matchAll(/“([^”]*)”/g), (match) => match[1] as string);
}

describe('bundled quotes', () => {
  // Read from the article by hand: who says each quoted passage. The only passage with no stated
  // speaker is “severely damaged.” (the article does not say who described the office so).
  const SPEAKERS: Record<string, string | null> = {
    'This is inhuman — striking civilians,': 'oleksandr-khilko',
    'Every time the sirens sound, I am afraid,': 'oleksandr-khilko',
    'No diplomatic mission should ever be a target,': 'kaja-kallas',
    'severely damaged.': null,
    senseless: 'keir-starmer',
    'Russia chooses ballistics instead of the negotiating table,': 'volodymyr-zelenskyy',
    'It is clear that a meeting between President Zelenskyy and President Putin will not take place.':
      'friedrich-merz',
    'Perhaps both sides are not ready to end this war themselves,': 'karoline-leavitt',
    'military-industrial complex': 'moscow',
    'All designated objects were hit,': 'russian-defense-ministry',
    'Negotiations haven’t yielded anything yet. Unfortunately, people are suffering,':
      'sophia-akylina',
  };

  it('the article has exactly the quoted passages listed here', () => {
    expect(quotedPassages(source.text)).toEqual(Object.keys(SPEAKERS));
  });

  it('every attributed quote is in the dataset, verbatim, with the right speaker', () => {
    for (const [passage, speaker] of Object.entries(SPEAKERS)) {
      const words = passage.replace(/,$/, '');
      const found = seed.quotes.filter((q) => q.text === words);
      if (speaker === null) {
        expect(found, passage).toEqual([]);
        // Unattributed, but not lost: a fact keeps the words.
        expect(
          seed.facts.some((f) => f.text.includes(`“${passage}”`)),
          passage,
        ).toBe(true);
      } else {
        expect(
          found.map((q) => q.speaker),
          passage,
        ).toEqual([speaker]);
      }
    }
    expect(seed.quotes).toHaveLength(Object.values(SPEAKERS).filter(Boolean).length);
  });

  it('names the speaker in the quote’s sentence or the one before it (“she said”)', () => {
    for (const quote of seed.quotes) {
      const sentence = kb.sentence(quote.evidence);
      expect(sentence, quote.id).toContain(`“${quote.text}`);
      const names =
        dictionary.find((d) => d.entityId === quote.speaker)?.aliases.map((a) => a.text) ?? [];
      const before = source.text.slice(
        Math.max(0, quote.evidence.start - 200),
        quote.evidence.start,
      );
      const named = names.some((n) => sentence.includes(n) || before.includes(n));
      expect(named, `${quote.id}: ${sentence}`).toBe(true);
    }
  });
});

/** How the dataset accounts for one number of the article. */
type NumberUse =
  /** The number of a figure of that event and kind, stated in the figure's own sentence. */
  | { figure: [event: string, kind: string] }
  /** The same figure again, in another sentence (a headline, a conclusion). */
  | { restates: [event: string, kind: string] }
  /** Part of that event's `when`. */
  | { when: string }
  | { ignored: string };

describe('bundled numbers, events and relations', () => {
  // Read from the article by hand, in text order: every definite number it states (in digits or
  // words) and what the dataset does with it. Vague quantities are not numbers (see below).
  const NUMBERS: [words: string, value: number, use: NumberUse][] = [
    ['21', 21, { restates: ['kyiv-attack', 'dead'] }], // headline "Leaves 21 Dead"
    ['one', 1, { ignored: '"one of its darkest mornings": a superlative, not a count' }],
    ['21', 21, { figure: ['kyiv-attack', 'dead'] }],
    ['48', 48, { figure: ['kyiv-attack', 'wounded'] }],
    ['four', 4, { figure: ['kyiv-attack', 'dead'] }], // four children among the dead
    ['2', 2, { ignored: 'the youngest child’s age: describes the four children, counts nothing' }],
    ['17', 17, { ignored: 'the oldest child’s age: describes the four children, counts nothing' }],
    ['33', 33, { figure: ['kyiv-attack', 'locations'] }],
    ['10', 10, { figure: ['kyiv-attack', 'districts'] }],
    ['one', 1, { ignored: '"one of the most destructive attacks": a superlative, not a count' }],
    ['2022', 2022, { when: 'russia-ukraine-war' }],
    ['598', 598, { figure: ['kyiv-attack', 'drones'] }],
    ['31', 31, { figure: ['kyiv-attack', 'missiles'] }],
    ['100', 100, { figure: ['kyiv-attack', 'buildings'] }],
    ['Two', 2, { figure: ['diplomatic-missions-damaged', 'blasts'] }],
    ['50', 50, { figure: ['diplomatic-missions-damaged', 'distance'] }],
    ['three', 3, { figure: ['russia-ukraine-war', 'duration'] }],
    ['two', 2, { figure: ['trump-two-week-warning', 'deadline'] }],
    ['825 million', 825e6, { figure: ['us-arms-package', 'money'] }],
    ['102', 102, { figure: ['russia-downs-ukrainian-drones', 'drones'] }],
    ['21', 21, { ignored: 'Sophia Akylina’s age; her fact keeps it ("Sophia Akylina, 21,")' }],
    ['21', 21, { restates: ['kyiv-attack', 'dead'] }], // "The death of 21 civilians"
  ];

  const stated = statedNumbers(source.text);
  const figuresOf = (event: string, kind: string) =>
    seed.events.find((e) => e.id === event)?.figures.filter((f) => f.kind === kind) ?? [];

  it('the article states exactly the numbers listed here', () => {
    expect(stated.map((n) => [source.text.slice(n.start, n.end), n.value])).toEqual(
      NUMBERS.map(([words, value]) => [words, value]),
    );
  });

  it('every number is a figure of its event, stated in the figure’s sentence, or its `when`, or ignored with a reason', () => {
    NUMBERS.forEach(([words, value, use], i) => {
      const at = stated[i] as (typeof stated)[number];
      const label = `${words} at ${at.start}`;
      if ('figure' in use) {
        const inOwnSentence = figuresOf(...use.figure).filter(
          (f) =>
            f.value === value &&
            f.evidence.start <= at.start &&
            at.end <= f.evidence.end &&
            statedNumbers(f.text).some((n) => n.value === value),
        );
        expect(inOwnSentence, label).toHaveLength(1);
      } else if ('restates' in use) {
        expect(
          figuresOf(...use.restates).some((f) => f.value === value),
          label,
        ).toBe(true);
      } else if ('when' in use) {
        expect(seed.events.find((e) => e.id === use.when)?.when, label).toContain(words);
      } else {
        expect(use.ignored.length, label).toBeGreaterThan(10);
        expect(
          seed.events.some((e) =>
            e.figures.some(
              (f) => f.evidence.start <= at.start && at.end <= f.evidence.end && f.value === value,
            ),
          ),
          `${label} is ignored but a figure uses it`,
        ).toBe(false);
      }
    });
  });

  it('every figure comes from exactly one number of the list (none invented, none twice)', () => {
    const claimed = NUMBERS.flatMap(([, value, use]) =>
      'figure' in use ? [`${use.figure.join(' ')} ${value}`] : [],
    );
    const figures = seed.events.flatMap((e) =>
      e.figures.map((f) => `${e.id} ${f.kind} ${f.value}`),
    );
    expect([...figures].sort()).toEqual([...claimed].sort());
  });

  it('makes no figure of a vague quantity (the article gives no number to record)', () => {
    for (const vague of [
      'Thousands of windows',
      'dozens of civilians',
      'several broke through',
      'intercepted many',
    ]) {
      expect(source.text, vague).toContain(vague);
      const word = vague
        .split(' ')
        .find((w) => /^(Thousands|dozens|several|many)$/.test(w)) as string;
      expect(
        seed.events.flatMap((e) => e.figures).filter((f) => f.text.includes(word)),
        vague,
      ).toEqual([]);
    }
  });

  // Read from the article by hand: each event, when the article says it happened (verbatim), where,
  // who took part, and its figures as `kind value unit: "words"`. Participants are people and
  // organizations only (standalone.ts): a country acting as a state (Russia attacking, the United
  // Kingdom calling in the ambassador) is no participant, and is a place only where the event happened.
  const EVENTS: Record<
    string,
    { when?: string; where: string[]; participants: string[]; figures: string[] }
  > = {
    'kyiv-attack': {
      when: 'In the early hours of Thursday',
      where: ['kyiv', 'ukraine', 'darnytsia-district', 'holosiivskyi-district'],
      participants: [
        'ukrainian-air-force',
        'russian-defense-ministry',
        'oleksandr-khilko',
        'sophia-akylina',
      ],
      figures: [
        'dead 21 people: "killed at least 21 people"',
        'dead 4 children: "four children"',
        'wounded 48 people: "wounded 48 more"',
        'drones 598 drones and decoys: "598 drones and decoys"',
        'missiles 31 missiles: "31 missiles"',
        'locations 33 locations: "At least 33 locations"',
        'districts 10 districts: "all 10 districts"',
        'buildings 100 buildings: "nearly 100 buildings"',
      ],
    },
    'diplomatic-missions-damaged': {
      where: ['kyiv'],
      participants: ['european-union', 'eu-mission-to-ukraine', 'british-council'],
      figures: ['blasts 2: "Two blasts"', 'distance 50 meters: "just 50 meters"'],
    },
    'russian-diplomats-summoned': {
      where: ['brussels'],
      participants: ['european-union', 'kaja-kallas'],
      figures: [],
    },
    'trump-putin-alaska-meeting': {
      when: 'Just weeks ago',
      where: ['alaska'],
      participants: ['donald-trump', 'vladimir-putin'],
      figures: [],
    },
    'un-security-council-session': {
      where: [],
      participants: ['un-security-council'],
      figures: [],
    },
    'ukraine-us-mediation-talks': {
      where: [],
      participants: ['trump-administration'],
      figures: [],
    },
    'trump-two-week-warning': {
      where: [],
      participants: ['donald-trump', 'vladimir-putin', 'volodymyr-zelenskyy'],
      figures: ['deadline 2 weeks: "within two weeks"'],
    },
    'us-arms-package': {
      when: 'as the bombs fell in Kyiv',
      where: ['washington'],
      participants: ['nato'],
      figures: ['money 825000000 USD: "$825 million"'],
    },
    'russia-downs-ukrainian-drones': {
      when: 'overnight',
      where: ['russia', 'afipsky-refinery', 'novokuibyshevsk-refinery'],
      participants: [],
      figures: ['drones 102 Ukrainian drones: "102 Ukrainian drones"'],
    },
    'ukrainian-strikes-on-russian-oil': {
      where: ['russia'],
      participants: [],
      figures: [],
    },
    'railway-damage': {
      where: ['kyiv', 'vinnytsia-region'],
      participants: ['ukrainian-railway-operator'],
      figures: [],
    },
    'russia-ukraine-war': {
      when: 'began in 2022',
      where: ['ukraine', 'russia'],
      participants: [],
      figures: ['duration 3 years: "three-year conflict"'],
    },
  };

  it('has exactly the events listed here, each with its when, places, participants and figures', () => {
    const actual = Object.fromEntries(
      seed.events.map((e) => [
        e.id,
        {
          ...(e.when !== undefined ? { when: e.when } : {}),
          where: e.where,
          participants: e.participants,
          figures: e.figures.map(
            (f) => `${f.kind} ${f.value}${f.unit ? ` ${f.unit}` : ''}: "${f.text}"`,
          ),
        },
      ]),
    );
    expect(actual).toEqual(EVENTS);
    expect(seed.events.map((e) => e.id)).toEqual(Object.keys(EVENTS));
  });

  // Read from the article by hand: every relation between two entities it states, as
  // `subject predicate object`, in dataset order.
  const RELATIONS = [
    'kyiv capital-of ukraine',
    'vladimir-putin president-of russia',
    'donald-trump president-of united-states',
    'volodymyr-zelenskyy president-of ukraine',
    'keir-starmer prime-minister-of united-kingdom',
    'friedrich-merz chancellor-of germany',
    'kaja-kallas top-diplomat-of european-union',
    'karoline-leavitt press-secretary-of white-house',
    'donald-trump leads trump-administration',
    'oleksandr-khilko rescued-survivors-in darnytsia-district',
    'sophia-akylina lives-in holosiivskyi-district',
    'eu-mission-to-ukraine part-of european-union',
    'british-council office-in kyiv',
    'british-council belongs-to united-kingdom',
    'un-security-council part-of united-nations',
    'denmark ally-in nato',
    'netherlands ally-in nato',
    'norway ally-in nato',
    'russian-defense-ministry ministry-of russia',
    'ukrainian-air-force air-force-of ukraine',
    'ukrainian-railway-operator national-railway-of ukraine',
    'afipsky-refinery located-in russia',
    'novokuibyshevsk-refinery located-in russia',
    'russia attacked kyiv',
    'donald-trump met-with vladimir-putin',
    'donald-trump warned vladimir-putin',
    'keir-starmer accused vladimir-putin',
    'karoline-leavitt criticized vladimir-putin',
    'karoline-leavitt criticized volodymyr-zelenskyy',
    'european-union summoned-envoy-of russia',
    'united-kingdom summoned-ambassador-of russia',
    'washington approved-arms-for ukraine',
    'ukraine envoys-to-meet trump-administration',
    'moscow claims-to-target ukraine',
    'ukraine strikes-oil-infrastructure-in russia',
  ];

  it('has exactly the relations listed here', () => {
    expect(seed.relations.map((r) => `${r.subject} ${r.predicate} ${r.object}`)).toEqual(RELATIONS);
  });
});
