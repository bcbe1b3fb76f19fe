// New people, organizations and places: titles stripped into roles, short forms linked, what is never a name.
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../../../lib/pages/extract/extract';
import { dictionaryItem } from '../../../../lib/shared/kb/dictionary';
import { articlePage, candidate, draftOf, parse, seedDictionary } from './helpers';

describe('new names', () => {
  it('never takes an id the store holds outside the dictionary (a dataset switched off)', () => {
    const html = articlePage([
      'Germany’s Chancellor Friedrich Merz declared that the talks would not take place this month after all.',
    ]);
    const result = extractDraft(parse(html), { dictionary: [], reservedIds: ['friedrich-merz'] });
    if (!result.ok) throw new Error(result.error.message);
    expect(candidate(result.value, 'Friedrich Merz')?.ref.id).toBe('friedrich-merz-2');
  });

  it('strips titles into the role: Germany’s Chancellor Friedrich Merz, British Prime Minister Keir Starmer', () => {
    const draft = draftOf(
      articlePage([
        'Germany’s Chancellor Friedrich Merz declared that the talks would not take place this month after all.',
        'British Prime Minister Keir Starmer called the strikes on the capital senseless and unacceptable.',
      ]),
    );
    const merz = candidate(draft, 'Friedrich Merz');
    expect(merz?.kind).toBe('person');
    expect(merz?.role?.text).toBe('Chancellor');
    const starmer = candidate(draft, 'Keir Starmer');
    expect(starmer?.kind).toBe('person');
    expect(starmer?.role?.text).toBe('British Prime Minister');
    expect(candidate(draft, 'Germany')?.kind).toBe('place');
    expect(draft.candidates.map((c) => c.name)).not.toContain(
      'British Prime Minister Keir Starmer',
    );
  });

  it('reads titles after their head and with "of": Chief Executive, Secretary of State, Police Chief', () => {
    const draft = draftOf(
      articlePage([
        'Acme Chief Executive Tim Cook met Secretary of State Antony Blinken and Chief Justice John Roberts on Monday.',
        'Police Chief Omar Haddad said the roads would stay closed until the evening.',
      ]),
    );
    expect(candidate(draft, 'Tim Cook')?.role?.text).toBe('Acme Chief Executive');
    expect(candidate(draft, 'Antony Blinken')?.role?.text).toBe('Secretary of State');
    expect(candidate(draft, 'John Roberts')?.role?.text).toBe('Chief Justice');
    expect(candidate(draft, 'Omar Haddad')?.role?.text).toBe('Police Chief');
  });

  it('links "Mr. Warner" and "Warner" to Mark Warner as an alias, with the case rules a reader expects', () => {
    const draft = draftOf(
      articlePage([
        'Senator Mark Warner of Virginia said on Tuesday that the committee would hold a hearing next month.',
        'Mr. Warner told reporters that the inquiry had only just begun and that more witnesses were needed.',
        'Warner added that he expected the White House to cooperate fully with the investigation.',
        'The National Rifle Association (NRA) declined to comment, and an NRA spokesman did not respond.',
      ]),
    );
    const warner = candidate(draft, 'Mark Warner');
    expect(warner?.kind).toBe('person');
    expect(warner?.aliases).toContainEqual({ text: 'Warner', caseSensitive: false });
    expect(warner?.mentions).toBe(3);
    expect(draft.candidates.filter((c) => c.name === 'Warner')).toEqual([]);
    const nra = candidate(draft, 'National Rifle Association');
    expect(nra?.kind).toBe('organization');
    expect(nra?.aliases).toContainEqual({ text: 'NRA', caseSensitive: true });
  });

  it('makes a surname that is also a common word case-sensitive', () => {
    const draft = draftOf(
      articlePage([
        'Former secretary of state Condoleezza Rice spoke at the conference in Washington on Monday evening.',
        'Rice said the alliance had never been more important, and the audience applauded her at length.',
      ]),
    );
    expect(candidate(draft, 'Condoleezza Rice')?.aliases).toContainEqual({
      text: 'Rice',
      caseSensitive: true,
    });
  });

  it('never creates pronouns, groups, demonyms, weekdays, months or ordinary sentence-initial words', () => {
    const draft = draftOf(
      articlePage([
        'Officials said on Thursday that Russian and American negotiators had met in June.',
        'He said the Ukrainians wanted peace. Perhaps both sides were not ready, she added.',
        'Among the dead were four children. Rescue crews worked through the night in Kyiv.',
      ]),
    );
    const names = draft.candidates.map((c) => c.name);
    for (const word of [
      'Officials',
      'Thursday',
      'Russian',
      'American',
      'June',
      'He',
      'Ukrainians',
      'Perhaps',
      'Among',
      'Rescue',
    ]) {
      expect(names).not.toContain(word);
    }
    expect(candidate(draft, 'Kyiv')?.kind).toBe('place');
  });

  it('reads a fuller name than the dictionary knows as a name of its own: Barack Obama where only “Obama” is known', () => {
    const obama = dictionaryItem({
      id: 'obama',
      kind: 'person',
      name: 'Obama',
      aliases: [{ text: 'Obama', caseSensitive: true }],
    });
    const draft = draftOf(
      articlePage([
        'Barack Obama said on Friday that gun control was the area where he had been most frustrated.',
        'President Obama then left for Kenya, where he was due to meet the country’s leaders.',
        'Yesterday Obama met officials in Nairobi, according to a statement from the White House.',
      ]),
      [obama],
    );
    const barack = candidate(draft, 'Barack Obama');
    expect(barack?.kind).toBe('person');
    expect(candidate(draft, 'Barack')).toBeUndefined();
    // After a title, and after a word the text also writes in lowercase, "Obama" stays the known one.
    expect(draft.known.find((k) => k.ref.id === 'obama')?.mentions).toBeGreaterThanOrEqual(1);
  });

  it('lets the dictionary win: no new Vladimir Putin when the knowledge base has him', () => {
    const draft = draftOf(
      articlePage([
        'Russian President Vladimir Putin met Kaja Kallas, the EU’s top diplomat, in a room in Geneva.',
        'Putin said afterwards that the meeting had been useful, according to officials present.',
      ]),
      seedDictionary(),
    );
    expect(draft.known.map((k) => k.ref.id)).toEqual(
      expect.arrayContaining(['vladimir-putin', 'kaja-kallas', 'european-union']),
    );
    expect(draft.known.find((k) => k.ref.id === 'vladimir-putin')?.mentions).toBe(2);
    expect(draft.candidates.map((c) => c.name)).not.toEqual(
      expect.arrayContaining(['Vladimir Putin']),
    );
    expect(draft.candidates.map((c) => c.name)).not.toContain('Putin');
    expect(candidate(draft, 'Geneva')?.kind).toBe('place');
  });

  it('reads what the words around a name say: "-based", "a … spokesman", a capitalised "The"', () => {
    const draft = draftOf(
      articlePage([
        'The Tacoma-based company said on Monday that it would hire more staff before the winter season.',
        'A Vandelay spokesman declined to comment when asked about the deal by The Daily Planet on Tuesday.',
      ]),
    );
    expect(candidate(draft, 'Tacoma')?.kind).toBe('place');
    expect(candidate(draft, 'Vandelay')?.kind).toBe('organization');
    expect(candidate(draft, 'Daily Planet')?.aliases.map((a) => a.text)).toContain(
      'The Daily Planet',
    );
  });

  it('reads places and organizations from the words around them, and does not count repetition as evidence', () => {
    const draft = draftOf(
      articlePage([
        'The storm reached Springfield, Illinois, late on Monday and moved on to the town of Oakvale.',
        'Aid convoys were still stuck in Tarsana while Acme’s chief executive promised help from the IAEA.',
        'Shoppers at Silver Maple were angry. Silver Maple later restocked, Silver Maple apologised and Silver Maple reopened.',
      ]),
    );
    expect(candidate(draft, 'Springfield')?.kind).toBe('place');
    expect(candidate(draft, 'Oakvale')?.kind).toBe('place');
    expect(candidate(draft, 'Tarsana')).toMatchObject({ kind: 'place', status: 'proposed' });
    expect(candidate(draft, 'Acme')?.kind).toBe('organization');
    expect(candidate(draft, 'IAEA')?.kind).toBe('organization');
    expect(candidate(draft, 'Silver Maple')?.status).toBe('unsure');
    const joined = draftOf(
      articlePage([
        'She joined Vandelay in 2009 and later worked for Kramerica before founding her own firm.',
      ]),
    );
    expect(candidate(joined, 'Vandelay')?.kind).toBe('organization');
    expect(candidate(joined, 'Kramerica')?.kind).toBe('organization');
  });

  it('reads a role from an appositive: "Kaja Kallas, the EU’s top diplomat"', () => {
    const draft = draftOf(
      articlePage([
        '“No diplomatic mission should ever be a target,” said Kaja Kallas, the EU’s top diplomat.',
      ]),
    );
    expect(candidate(draft, 'Kaja Kallas')?.role?.text).toBe('the EU’s top diplomat');
  });

  it('gives new entities ids that are slugs, unique, and never a dictionary id', () => {
    const dictionary = seedDictionary();
    const draft = draftOf(
      articlePage([
        'Acting mayor Kyiv Kyivson met Mark Warner and then Mark Warner-Smith at the Harvard University campus.',
      ]),
      [
        ...dictionary,
        {
          entityId: 'mark-warner',
          kind: 'person',
          name: 'Someone Else',
          aliases: [{ text: 'Someone Else', caseSensitive: false }],
        },
      ],
    );
    const ids = draft.candidates.map((c) => c.ref.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(ids).not.toContain('mark-warner');
    expect(candidate(draft, 'Mark Warner')?.ref.id).toBe('mark-warner-2');
  });

  it('reads hyphenated titles and the organization named before a title’s head', () => {
    const draft = draftOf(
      articlePage([
        'The roadshow included Attorney-General Jane Harlow and Federal Transit Police Commissioner Omar Haddad.',
        'White House Press Secretary Dana Reyes said the talks would resume on Friday.',
      ]),
    );
    expect(candidate(draft, 'Jane Harlow')).toMatchObject({
      kind: 'person',
      role: { text: 'Attorney-General' },
    });
    expect(candidate(draft, 'Omar Haddad')?.kind).toBe('person');
    expect(candidate(draft, 'Federal Transit Police')?.kind).toBe('organization');
    expect(candidate(draft, 'Dana Reyes')?.kind).toBe('person');
    const names = draft.candidates.map((c) => c.name);
    expect(names).not.toContain('Attorney-General Jane Harlow');
    expect(names).not.toContain('White House Press');
  });

  it('keeps the name before a party or nationality word: “the Virginia Democrat”, “House Republicans”', () => {
    const draft = draftOf(
      articlePage([
        'Mr. Warner, the Virginia Democrat, called the bill a disgrace on Tuesday afternoon.',
        'The senator from Oklahoma, an Oklahoma Republican, disagreed, and South Korean officials stayed silent.',
      ]),
    );
    const names = draft.candidates.map((c) => c.name);
    for (const name of ['Virginia Democrat', 'Oklahoma Republican', 'South Korean', 'South'])
      expect(names).not.toContain(name);
    expect(candidate(draft, 'Virginia')?.kind).toBe('place');
    expect(candidate(draft, 'Oklahoma')?.kind).toBe('place');
  });

  it('reads organizations from what is said around them: jobs at them, their address, their parties', () => {
    const draft = draftOf(
      articlePage([
        '“Debt matters,” said Jeffrey Frankel, an economist at Harrowgate, and Ann Lee, a writer for Fieldnotes.',
        'Emery works for the fact-checking website Snopes.com and often criticises the Likud party in his posts.',
        'For those who need glasses, Apple has partnered with Zeiss to sell prescription inserts.',
        'This is what the Committee for a Responsible Federal Budget feared in 2013.',
        'Lyon Dynamics and its rivals were named, and Tarven Edison, which maintains the gas mains, sent a Tarven Edison worker.',
        'The failures of Lyon Dynamics were plain to see by the end of the year.',
      ]),
    );
    for (const name of [
      'Harrowgate',
      'Fieldnotes',
      'Snopes.com',
      'Likud',
      'Committee for a Responsible Federal Budget',
      'Lyon Dynamics',
      'Tarven Edison',
    ])
      expect(candidate(draft, name), name).toMatchObject({
        kind: 'organization',
        status: 'proposed',
      });
    // "partnered with" alone is a clue, not proof: shown, saved only if accepted.
    expect(candidate(draft, 'Zeiss')).toMatchObject({ kind: 'organization', status: 'unsure' });
  });

  it('gives names listed as “other companies” or “cities such as” that kind', () => {
    const draft = draftOf(
      articlePage([
        'The company owns Pixelgram, Atlasio, Chatwise, and dozens of other internet and technology companies.',
        'Protests spread to cities such as Tarnow and Kielce by the weekend.',
      ]),
    );
    for (const name of ['Pixelgram', 'Atlasio', 'Chatwise'])
      expect(candidate(draft, name), name).toMatchObject({
        kind: 'organization',
        status: 'proposed',
      });
    for (const name of ['Tarnow', 'Kielce'])
      expect(candidate(draft, name), name).toMatchObject({ kind: 'place', status: 'proposed' });
  });
});
