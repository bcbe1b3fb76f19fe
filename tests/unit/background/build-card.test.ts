// What the hover card says about an entity, chosen from the bundled knowledge base: the event, the quote, the facts.
import { describe, expect, test } from 'vitest';
import seed from '../../../assets/kb/seed.json';
import { buildCard } from '../../../lib/background/build-card';
import type { CardData } from '../../../lib/shared/card-data';
import { parseDataset } from '../../../lib/shared/kb/parse';
import type { Dataset, Event, Evidence } from '../../../lib/shared/kb/schema';
import { factTextProblems } from '../../../lib/shared/kb/standalone';
import { evidenceFor, seedText } from '../pages/seed-dataset';
import { readerWith } from '../support/knowledge';

const parsed = parseDataset(seed);
if (!parsed.ok) throw new Error('bundled dataset invalid');
// The bundled dataset in a store, read as the background reads it.
const reader = await readerWith(parsed.value);
const entities = parsed.value.entities;
const cards = new Map(
  await Promise.all(
    entities.map(async (entity) => [entity.id, await buildCard(reader, entity.id)] as const),
  ),
);
/** How many events and related entities each entity has, as the store answers. */
const counts = new Map(
  await Promise.all(
    entities.map(
      async (entity) =>
        [
          entity.id,
          {
            events: (await reader.events(entity.id)).length,
            related: (await reader.related(entity.id)).length,
          },
        ] as const,
    ),
  ),
);

function card(id: string): CardData {
  const built = cards.get(id);
  if (!built) throw new Error(`no card for ${id}`);
  return built;
}

/** The sentences of each event of the bundled dataset, as text. */
const eventSentences = new Map(
  await Promise.all(
    parsed.value.events.map(
      async (event) => [event.id, await reader.sentences(event.evidence)] as const,
    ),
  ),
);
function sentencesOf(eventId: string): string[] {
  const sentences = eventSentences.get(eventId);
  if (!sentences) throw new Error(`no event ${eventId}`);
  return sentences;
}

/** The card of `id` with only `dataset` in the store. */
async function cardIn(dataset: Dataset, id: string): Promise<CardData | null> {
  return buildCard(await readerWith(dataset), id);
}

describe('a place: the event it is most involved in', () => {
  test('Kyiv → the missile and drone attack, with a sentence of that event as its source', () => {
    const kyiv = card('kyiv');
    expect(kyiv.quote).toBeUndefined();
    expect(kyiv.event).toMatchObject({
      id: 'kyiv-attack',
      title: 'Russian missile and drone attack on Kyiv',
      when: 'In the early hours of Thursday',
    });
    expect(sentencesOf('kyiv-attack')).toContain(kyiv.event?.sentence);
  });

  test("Kyiv's facts tell the attack: three, one per sentence, from the attack's sentences, in article order", () => {
    const { facts } = card('kyiv');
    expect(facts.map((fact) => fact.text)).toEqual([
      'Russia unleashed a massive wave of drones and missiles against Ukraine’s capital',
      'The strike, which included a rare direct hit on the city center, killed at least 21 people, wounded 48 more, and left European Union offices and cultural centers in ruins.',
      // Whole: "officials said" is the attribution of the count, so the fact keeps it.
      'At least 33 locations across all 10 districts of the city were damaged, officials said, making this one of the most destructive attacks on Kyiv since the full-scale war began in 2022.',
    ]);
    const attack = sentencesOf('kyiv-attack');
    for (const fact of facts) {
      expect(attack).toContain(fact.sentence);
      expect(fact.sentence).toContain(fact.text);
    }
    expect(new Set(facts.map((fact) => fact.sentence)).size).toBe(facts.length);
  });

  test('Kyiv counts every related event and entity', () => {
    const kyiv = card('kyiv');
    // kyiv-attack, diplomatic-missions-damaged, railway-damage.
    expect(kyiv.relatedEvents).toBe(3);
    expect(kyiv.relatedEvents).toBe(counts.get('kyiv')?.events);
    expect(kyiv.relatedEntities).toBe(counts.get('kyiv')?.related);
    expect(kyiv.relatedEntities).toBeGreaterThan(10);
  });

  test('an organization: the EU → the damage to the diplomatic missions, not the summons', () => {
    expect(card('european-union').event?.id).toBe('diplomatic-missions-damaged');
  });

  test('a district named in one sentence of the attack → the attack, with that sentence', () => {
    const darnytsia = card('darnytsia-district');
    expect(darnytsia.event?.id).toBe('kyiv-attack');
    expect(darnytsia.event?.sentence).toContain('Darnytsia district');
  });
});

describe('a person: their quote most about the article', () => {
  test('Oleksandr Khilko → what he said at the scene of the attack, not his longer later quote', () => {
    const khilko = card('oleksandr-khilko');
    expect(khilko.quote).toEqual({
      text: 'This is inhuman — striking civilians',
      speaker: 'Oleksandr Khilko',
      sentence: expect.stringContaining(
        '“This is inhuman — striking civilians,” said Oleksandr Khilko',
      ),
    });
    expect(sentencesOf('kyiv-attack')).toContain(khilko.quote?.sentence);
    // A person with a quote shows it instead of an event.
    expect(khilko.event).toBeUndefined();
  });

  test('Karoline Leavitt → her quote, with its sentence, her role and facts', () => {
    const leavitt = card('karoline-leavitt');
    expect(leavitt).toMatchObject({
      name: 'Karoline Leavitt',
      kind: 'person',
      description: 'White House press secretary',
      quote: {
        text: 'Perhaps both sides are not ready to end this war themselves',
        speaker: 'Karoline Leavitt',
      },
    });
    expect(leavitt.quote?.sentence).toContain(leavitt.quote?.text);
    expect(leavitt.facts.length).toBeGreaterThan(0);
  });

  test('a fact that only restates the name and role is left out (Kaja Kallas, the EU’s top diplomat)', () => {
    const kallas = card('kaja-kallas');
    expect(kallas.description).toBe('the EU’s top diplomat');
    expect(kallas.facts.map((fact) => fact.text)).not.toContain(
      'Kaja Kallas, the EU’s top diplomat',
    );
  });

  test('a person without a quote gets the event they take part in, traced to a sentence naming them', () => {
    const putin = card('vladimir-putin');
    expect(putin.quote).toBeUndefined();
    expect(['trump-putin-alaska-meeting', 'trump-two-week-warning']).toContain(putin.event?.id);
    expect(putin.event?.sentence).toContain('Putin');
  });
});

describe('facts that stand on their own (the card shows them without their sentence)', () => {
  test('Zelenskyy’s facts do not read as if he criticised himself, and say more than "said in a statement"', () => {
    const texts = card('volodymyr-zelenskyy').facts.map((fact) => fact.text);
    expect(texts).toEqual([
      'Trump warned that if Putin continues stalling on direct talks with Zelenskyy, the U.S. may announce new steps within two weeks.',
      'White House press secretary Karoline Leavitt, who criticized both Putin and Zelenskyy after the strikes.',
    ]);
    for (const text of texts) expect(text).not.toMatch(/^who\b/);
    expect(texts).not.toContain('Ukrainian President Volodymyr Zelenskyy said in a statement');
  });

  test('Putin’s first fact names Starmer, who made the accusation', () => {
    expect(card('vladimir-putin').facts[0]?.text).toMatch(
      /^British Prime Minister Keir Starmer called the strikes “senseless” and accused Russian President Vladimir Putin/,
    );
  });

  test('no card fact of any entity is cut from its sentence so as to lose its subject, attribution or condition', () => {
    for (const entity of entities) {
      for (const fact of card(entity.id).facts)
        expect(factTextProblems(fact.sentence, fact.text), `${entity.id}: ${fact.text}`).toEqual(
          [],
        );
    }
  });
});

describe('every card of the bundled dataset', () => {
  test('at most three facts, every fact, quote and event traced to a sentence that contains it', () => {
    for (const entity of entities) {
      const built = card(entity.id);
      expect(built.facts.length, entity.id).toBeLessThanOrEqual(3);
      for (const fact of built.facts) expect(fact.sentence, entity.id).toContain(fact.text);
      if (built.quote) expect(built.quote.sentence, entity.id).toContain(built.quote.text);
      if (built.event) expect(seedText, entity.id).toContain(built.event.sentence);
      if (built.event) expect(built.event.sentence.length, entity.id).toBeGreaterThan(0);
      expect(built.relatedEvents, entity.id).toBe(counts.get(entity.id)?.events);
    }
  });

  test('every fact names its source: the bundled article’s title (it states no site or date)', () => {
    const title = parsed.value.sources[0]?.title;
    for (const entity of entities) {
      for (const fact of card(entity.id).facts) {
        expect(fact.source, entity.id).toEqual({ id: 'kyiv-attack-article', line: title });
      }
    }
  });

  test('an id no dataset knows has no card', async () => {
    expect(await buildCard(reader, 'atlantis')).toBeNull();
  });
});

describe('the role in an event counts', () => {
  // Two events over real sentences of the seed: Kyiv is the place of a small one and only a participant of a big
  // one with more participants and figures (which the old "most participants and figures" rule preferred).
  const small: Event = {
    id: 'rescue',
    title: 'Rescue crews search the rubble',
    where: ['kyiv'],
    participants: [],
    figures: [],
    evidence: [evidenceFor('Rescue crews scrambled across Kyiv')],
  };
  const big: Event = {
    id: 'summit',
    title: 'A summit about everything',
    where: ['brussels'],
    participants: ['kyiv', 'russia', 'ukraine', 'nato'],
    figures: [
      {
        kind: 'dead',
        value: 21,
        text: 'at least 21',
        evidence: evidenceFor('killed at least 21 people'),
      },
      {
        kind: 'locations',
        value: 33,
        text: 'At least 33',
        evidence: evidenceFor('At least 33 locations'),
      },
    ],
    evidence: [
      evidenceFor('destructive attacks on Kyiv'),
      evidenceFor('killed at least 21 people'),
    ],
  };
  const place = (id: string, name: string) => ({
    id,
    kind: 'place',
    name,
    aliases: [{ text: name, caseSensitive: false }],
  });
  const dataset = (events: Event[]): Dataset => ({
    schemaVersion: 1,
    id: 'roles',
    name: 'Roles',
    sources: [{ id: 'seed', title: 'Seed', text: seedText }],
    entities: [
      place('kyiv', 'Kyiv'),
      place('brussels', 'Brussels'),
      place('russia', 'Russia'),
      place('ukraine', 'Ukraine'),
      { id: 'nato', kind: 'organization', name: 'NATO', aliases: [] },
    ],
    facts: [],
    quotes: [],
    events,
    relations: [],
  });

  test('the place of an event beats a participant of a bigger one, whichever is listed first', async () => {
    for (const events of [
      [big, small],
      [small, big],
    ]) {
      expect((await cardIn(dataset(events), 'kyiv'))?.event?.id).toBe('rescue');
    }
  });

  test('between two events it is the place of, the one whose sentences are more about it', async () => {
    const more: Event = {
      ...big,
      id: 'more',
      where: ['kyiv'],
      participants: [],
      figures: [],
      evidence: [
        evidenceFor('destructive attacks on Kyiv'),
        evidenceFor('penetrated so deep into Kyiv'),
      ],
    };
    expect((await cardIn(dataset([small, more]), 'kyiv'))?.event).toMatchObject({
      id: 'more',
      sentence: expect.stringContaining('destructive attacks on Kyiv'),
    });
  });
});

describe('a card across the reader’s articles', () => {
  test('puts the most recently published article’s facts first and says in how many articles it appears', async () => {
    const { freshKnowledge } = await import('../support/knowledge');
    const { savedArticle } = await import('../support/articles');
    const knowledge = await freshKnowledge();
    const save = async (key: string, text: string, published: string) => {
      const saved = await knowledge.access.requests.saveArticle({
        dataset: savedArticle(key, text, { published, publisher: `Paper ${key}` }),
        mentions: [
          { entity: 'maria-testova', count: 1 },
          { entity: 'kyiv', count: 1 },
        ],
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    };
    await save(
      'old',
      'Maria Testova opened the old bridge. Kyiv was calm that spring.',
      '2024-03-01',
    );
    await save('new', 'Maria Testova resigned from the council. Kyiv held a vote.', '2025-09-02');
    await save('mid', 'Maria Testova chaired the hearing. Kyiv sent its delegates.', '2025-01-15');
    const built = await buildCard(knowledge.owner.reader, 'maria-testova');
    expect(built?.facts.map((fact) => fact.text)).toEqual([
      'Maria Testova resigned from the council.',
      'Maria Testova chaired the hearing.',
      'Maria Testova opened the old bridge.',
    ]);
    expect(built?.facts[0]?.source?.line).toBe('Article new · Paper new · 2 Sept 2025');
    expect(built?.articles).toBe(3);
    // Kyiv: the bundled article names it too, but that is not one of the reader's articles.
    expect((await buildCard(knowledge.owner.reader, 'kyiv'))?.articles).toBe(3);
    expect(card('volodymyr-zelenskyy').articles).toBe(0);
  });
});

describe('a card of entities merged across saved articles', () => {
  // Three articles, each with its own copy of Maria Testova and of the Harbour Water Authority (merged by their
  // full names into the first saved), a town of its own, a fact, a quote and an event.
  const towns = { a: 'Northford', b: 'Southwick', c: 'Eastdale' } as const;
  const said = {
    a: 'We will finish it',
    b: 'The bridge will open in spring, whatever it costs',
    c: 'Nobody asked us',
  } as const;
  const published = { a: '2025-01-10', b: '2025-06-02', c: '2024-11-20' } as const;
  function article(key: keyof typeof towns): Dataset {
    const town = towns[key];
    const source = `${key}-source`;
    const sentences = [
      `Maria Testova opened the new bridge in ${town} after two years of works.`,
      `“${said[key]},” Maria Testova said.`,
      `A vote on the bridge tolls was held in ${town}, with the Harbour Water Authority attending.`,
      `The Harbour Water Authority raised its prices for ${town} households again.`,
    ];
    const spans: Evidence[] = [];
    let at = 0;
    for (const sentence of sentences) {
      spans.push({ source, start: at, end: at + sentence.length });
      at += sentence.length + 1;
    }
    const span = (i: number) => spans[i] as Evidence;
    const text = sentences.join(' ');
    return {
      schemaVersion: 1,
      id: `saved-${key}`,
      name: `Article ${key}`,
      sources: [
        {
          id: source,
          title: `Bridge news ${key}`,
          text,
          publisher: `Paper ${key}`,
          published: published[key],
        },
      ],
      entities: [
        {
          id: `${key}-maria`,
          kind: 'person',
          name: 'Maria Testova',
          aliases: [{ text: 'Maria Testova', caseSensitive: false }],
        },
        {
          id: `${key}-water`,
          kind: 'organization',
          name: 'Harbour Water Authority',
          aliases: [{ text: 'Harbour Water Authority', caseSensitive: false }],
        },
        {
          id: `${key}-town`,
          kind: 'place',
          name: town,
          aliases: [{ text: town, caseSensitive: false }],
        },
      ],
      facts: [
        {
          id: `${key}-fact-1`,
          entity: `${key}-maria`,
          text: `opened the new bridge in ${town} after two years of works`,
          evidence: span(0),
        },
        {
          id: `${key}-fact-2`,
          entity: `${key}-water`,
          text: `raised its prices for ${town} households again`,
          evidence: span(3),
        },
      ],
      quotes: [
        {
          id: `${key}-quote`,
          speaker: `${key}-maria`,
          text: said[key],
          evidence: span(1),
        },
      ],
      events: [
        {
          id: `${key}-vote`,
          title: `Vote on the bridge tolls in ${town}`,
          where: [`${key}-town`],
          participants: [`${key}-water`],
          figures: [],
          evidence: [span(2)],
        },
      ],
      relations: [],
    };
  }

  test('shows the family’s facts newest first, its longest quote, its event and counts across the articles', async () => {
    const { freshKnowledge } = await import('../support/knowledge');
    const knowledge = await freshKnowledge();
    for (const key of ['a', 'b', 'c'] as const) {
      const saved = await knowledge.access.requests.saveArticle({
        dataset: article(key),
        mentions: [
          { entity: `${key}-maria`, count: 2 },
          { entity: `${key}-water`, count: 2 },
          { entity: `${key}-town`, count: 2 },
        ],
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    }
    const { reader } = knowledge.owner;
    expect(await reader.family('c-maria')).toHaveLength(3);
    const maria = await buildCard(reader, 'a-maria');
    expect(maria).toEqual({
      entityId: 'a-maria',
      name: 'Maria Testova',
      kind: 'person',
      description: undefined,
      facts: [
        {
          text: 'opened the new bridge in Southwick after two years of works',
          sentence: 'Maria Testova opened the new bridge in Southwick after two years of works.',
          source: { id: 'b-source', line: 'Bridge news b · Paper b · 2 Jun 2025' },
        },
        {
          text: 'opened the new bridge in Northford after two years of works',
          sentence: 'Maria Testova opened the new bridge in Northford after two years of works.',
          source: { id: 'a-source', line: 'Bridge news a · Paper a · 10 Jan 2025' },
        },
        {
          text: 'opened the new bridge in Eastdale after two years of works',
          sentence: 'Maria Testova opened the new bridge in Eastdale after two years of works.',
          source: { id: 'c-source', line: 'Bridge news c · Paper c · 20 Nov 2024' },
        },
      ],
      relatedEvents: 0,
      relatedEntities: 0,
      articles: 3,
      quote: {
        text: said.b,
        speaker: 'Maria Testova',
        sentence: `“${said.b},” Maria Testova said.`,
      },
    });
    // Asked by a member's id, the card is the family's.
    expect({ ...(await buildCard(reader, 'c-maria')), entityId: 'a-maria' }).toEqual(maria);

    const water = await buildCard(reader, 'a-water');
    expect(water?.facts.map((fact) => fact.source?.id)).toEqual([
      'b-source',
      'a-source',
      'c-source',
    ]);
    expect(water).toMatchObject({ relatedEvents: 3, relatedEntities: 3, articles: 3 });
    // Its own event (the one it is asked by takes part in), traced to the sentence that names it.
    expect(water?.event).toEqual({
      id: 'a-vote',
      title: 'Vote on the bridge tolls in Northford',
      when: undefined,
      sentence:
        'A vote on the bridge tolls was held in Northford, with the Harbour Water Authority attending.',
    });
  });
});
