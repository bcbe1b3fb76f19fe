// One entity across sources in the store: merged only when certain, otherwise suggested; a merge the reader confirms
// shows one entity everywhere (names on pages, facts, quotes, counts); undoing it gives both back; "not the same" is
// remembered.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildCard } from '../../../../lib/background/build-card';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import { splitSentences } from '../../../../lib/shared/kb/sentences';
import type { EntityEntry } from '../../../../lib/shared/messaging';
import { freshKnowledge, type TestKnowledge } from '../../support/knowledge';

let knowledge: TestKnowledge;

beforeEach(async () => {
  fakeBrowser.reset();
  knowledge = await freshKnowledge();
});

interface Person {
  id: string;
  kind?: string;
  name: string;
  aliases?: string[];
}

/** A saved article naming `people`, one fact each (sentence n of `text` is about person n). */
function article(key: string, text: string, people: Person[]): Dataset {
  const sentences = splitSentences(text);
  const source = `${key}-article`;
  const dataset = {
    schemaVersion: 1,
    id: `saved-${key}`,
    name: `Article ${key}`,
    sources: [{ id: source, title: `Article ${key}`, text }],
    entities: people.map((person) => ({
      id: person.id,
      kind: person.kind ?? 'person',
      name: person.name,
      aliases: (person.aliases ?? []).map((alias) => ({ text: alias, caseSensitive: true })),
    })),
    facts: people.map((person, i) => {
      const span = sentences[i] as { start: number; end: number };
      return {
        id: `${key}-fact-${i + 1}`,
        entity: person.id,
        text: text.slice(span.start, span.end),
        evidence: { source, ...span },
      };
    }),
    quotes: [],
    events: [],
    relations: [],
  };
  const parsed = parseDataset(dataset);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

/** `dataset` with a relation stated by sentence `sentence` of its article. */
function related(
  dataset: Dataset,
  relation: { subject: string; predicate: string; object: string; sentence: number },
): Dataset {
  const source = dataset.sources[0] as { id: string; text: string };
  const span = splitSentences(source.text)[relation.sentence] as { start: number; end: number };
  const { sentence: _, ...link } = relation;
  const parsed = parseDataset({
    ...dataset,
    relations: [
      ...dataset.relations,
      {
        id: `${dataset.id}-relation-${dataset.relations.length + 1}`,
        ...link,
        text: source.text.slice(span.start, span.end),
        evidence: { source: source.id, ...span },
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

/**
 * Every name pages mark as entity `id`: its entry's, and those of entries that name it alone (its case-sensitive
 * names, bound to the knowledge base's language: lib/background/page-dictionary.ts).
 */
async function namesOf(id: string): Promise<string[]> {
  const { entries } = await knowledge.owner.dictionary();
  const index = entries.findIndex((entry) => 'entityId' in entry && entry.entityId === id);
  return entries.flatMap((entry, i) =>
    i === index || ('among' in entry && entry.among.length === 1 && entry.among[0] === index)
      ? entry.aliases.map((alias) => alias.text)
      : [],
  );
}

async function save(dataset: Dataset) {
  const saved = await knowledge.access.requests.saveArticle({
    dataset,
    mentions: dataset.entities.map((entity) => ({ entity: entity.id, count: 1 })),
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
}

/** The dictionary's entries of one entity each (shared names and other places aside). */
const names = async () =>
  (await knowledge.owner.dictionary()).entries.filter(
    (entry): entry is EntityEntry => 'entityId' in entry,
  );

describe('merged only when certain', () => {
  it('a new entity with a stored full name of the same kind is merged on save; a one-word name is only suggested', async () => {
    const { reader } = knowledge.access;
    await save(
      article('one', 'Mark Warner spoke on Monday. Washington agreed on Tuesday.', [
        { id: 'mark-warner', name: 'Mark Warner', aliases: ['Warner'] },
        { id: 'washington-one', kind: 'place', name: 'Washington' },
      ]),
    );
    await save(
      article('two', 'Senator Mark Warner spoke again. Washington waited for news.', [
        { id: 'mark-warner-2', name: 'Mark Warner' },
        { id: 'washington-two', kind: 'place', name: 'Washington' },
      ]),
    );
    // Certain: one Mark Warner, both articles' facts.
    expect((await reader.entity('mark-warner-2'))?.id).toBe('mark-warner');
    expect((await reader.facts('mark-warner')).map((fact) => fact.id)).toEqual([
      'one-fact-1',
      'two-fact-1',
    ]);
    expect(await reader.sourcesNaming('mark-warner')).toBe(2);
    expect((await reader.mergedInto('mark-warner')).map((m) => [m.entity.id, m.how])).toEqual([
      ['mark-warner-2', 'certain'],
    ]);
    // Not certain: the bundled Washington (the US government), and the two saved ones, stay apart …
    expect((await reader.entity('washington-two'))?.id).toBe('washington-two');
    // … but are suggested, saying why.
    const washington = (await reader.entity('washington-two')) as NonNullable<
      Awaited<ReturnType<typeof reader.entity>>
    >;
    const suggested = await reader.sameSuggestions(washington);
    expect(suggested.map((s) => s.entity.id).sort()).toEqual(['washington', 'washington-one']);
    expect(suggested[0]?.why).toMatch(/names more than one thing/);
  });
});

describe('a merge the reader confirms, and its undo', () => {
  it('shows one entity everywhere, and undoing gives both back as they were', async () => {
    const { reader, requests } = knowledge.access;
    await save(
      article('one', 'Muammar Gaddafi ruled Libya for decades.', [
        { id: 'muammar-gaddafi', name: 'Muammar Gaddafi', aliases: ['Gaddafi'] },
      ]),
    );
    await save(
      article('two', 'Moammar Qaddafi was killed in 2011.', [
        { id: 'moammar-qaddafi', name: 'Moammar Qaddafi', aliases: ['Qaddafi'] },
      ]),
    );
    const before = {
      entity: await reader.entity('moammar-qaddafi'),
      facts: await reader.facts('muammar-gaddafi'),
      entries: (await names()).map((entry) => entry.entityId),
    };
    // Not certain (another spelling), so suggested, saying why.
    expect(before.entity?.id).toBe('moammar-qaddafi');
    const suggested = await reader.sameSuggestions(
      before.entity as NonNullable<typeof before.entity>,
    );
    expect(suggested[0]).toMatchObject({
      entity: { id: 'muammar-gaddafi' },
      why: expect.stringMatching(/another spelling/),
    });
    expect(await requests.mergeEntities('moammar-qaddafi', 'muammar-gaddafi')).toEqual({
      ok: true,
      value: null,
    });
    expect((await reader.entity('moammar-qaddafi'))?.id).toBe('muammar-gaddafi');
    expect((await reader.facts('muammar-gaddafi')).map((fact) => fact.id)).toEqual([
      'one-fact-1',
      'two-fact-1',
    ]);
    expect(await reader.sourcesNaming('muammar-gaddafi')).toBe(2);
    // On pages: its names are the other's; it is no entry of its own.
    const entries = await names();
    expect(entries.map((entry) => entry.entityId)).not.toContain('moammar-qaddafi');
    expect(await namesOf('muammar-gaddafi')).toEqual(
      expect.arrayContaining(['Moammar Qaddafi', 'Qaddafi']),
    );
    // The card says so too: both articles.
    const card = await buildCard(reader, 'moammar-qaddafi');
    expect(card?.name).toBe('Muammar Gaddafi');
    expect(card?.facts.map((fact) => fact.text)).toEqual([
      'Muammar Gaddafi ruled Libya for decades.',
      'Moammar Qaddafi was killed in 2011.',
    ]);

    await requests.unmergeEntity('moammar-qaddafi');
    expect(await reader.entity('moammar-qaddafi')).toEqual(before.entity);
    expect(await reader.facts('muammar-gaddafi')).toEqual(before.facts);
    expect((await names()).map((entry) => entry.entityId)).toEqual(before.entries);
  });

  it('an entity merged into another links as that one (what decides a shared name on a page)', async () => {
    const { reader, requests } = knowledge.access;
    await save(
      related(
        article('one', 'Muammar Gaddafi ruled Libya. Libya is in Africa.', [
          { id: 'muammar-gaddafi', name: 'Muammar Gaddafi' },
          { id: 'libya', kind: 'place', name: 'Libya' },
        ]),
        { subject: 'muammar-gaddafi', predicate: 'leads', object: 'libya', sentence: 0 },
      ),
    );
    await save(
      related(
        article('two', 'Moammar Qaddafi was born near Sirte. Sirte is a city.', [
          { id: 'moammar-qaddafi', name: 'Moammar Qaddafi' },
          { id: 'sirte', kind: 'place', name: 'Sirte' },
        ]),
        { subject: 'moammar-qaddafi', predicate: 'born-near', object: 'sirte', sentence: 0 },
      ),
    );
    const links = async () =>
      Object.fromEntries(
        [...(await reader.linkedIds(['muammar-gaddafi', 'sirte']))].map(([id, ids]) => [
          id,
          ids.sort(),
        ]),
      );
    expect(await links()).toEqual({ 'muammar-gaddafi': ['libya'], sirte: ['moammar-qaddafi'] });
    await requests.mergeEntities('moammar-qaddafi', 'muammar-gaddafi');
    expect(await links()).toEqual({
      'muammar-gaddafi': ['libya', 'sirte'],
      sirte: ['muammar-gaddafi'],
    });
  });

  it('"not the same" is remembered: no suggestion, and no merge', async () => {
    const { reader, requests } = knowledge.access;
    await save(
      article('one', 'John Warner retired in 2009.', [
        { id: 'john-warner', name: 'John Warner', aliases: ['Warner'] },
      ]),
    );
    await save(article('two', 'Warner spoke to reporters.', [{ id: 'warner', name: 'Warner' }]));
    const lone = (await reader.entity('warner')) as NonNullable<
      Awaited<ReturnType<typeof reader.entity>>
    >;
    expect((await reader.sameSuggestions(lone)).map((s) => s.entity.id)).toContain('john-warner');
    await requests.markDistinct('warner', 'john-warner');
    expect((await reader.sameSuggestions(lone)).map((s) => s.entity.id)).not.toContain(
      'john-warner',
    );
    const refused = await requests.mergeEntities('warner', 'john-warner');
    expect(refused).toEqual({
      ok: false,
      error: 'you said Warner and John Warner are not the same',
    });
  });

  it('removing the article an entity came from ends its merges', async () => {
    const { reader, requests } = knowledge.access;
    await save(
      article('one', 'Muammar Gaddafi ruled Libya for decades.', [
        { id: 'muammar-gaddafi', name: 'Muammar Gaddafi' },
      ]),
    );
    await save(
      article('two', 'Moammar Qaddafi was killed in 2011.', [
        { id: 'moammar-qaddafi', name: 'Moammar Qaddafi' },
      ]),
    );
    await requests.mergeEntities('moammar-qaddafi', 'muammar-gaddafi');
    await requests.removeDataset('saved-two');
    expect(await reader.mergedInto('muammar-gaddafi')).toEqual([]);
    expect(await knowledge.owner.db.merges.count()).toBe(0);
  });

  it('a saved name the bundled dataset lists in full is one entity with it at once', async () => {
    const { reader } = knowledge.access;
    await save(
      article('one', 'Volodymyr Zelensky thanked the allies.', [
        { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky' },
      ]),
    );
    expect((await reader.entity('volodymyr-zelensky'))?.id).toBe('volodymyr-zelenskyy');
    expect((await reader.facts('volodymyr-zelenskyy')).map((fact) => fact.id)).toContain(
      'one-fact-1',
    );
  });
});
