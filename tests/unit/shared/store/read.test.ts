// Reads of the knowledge store over the bundled dataset and over several datasets at once: each through its index,
// datasets in use only, in dataset order.
import { describe, expect, it } from 'vitest';
import { dictionaryItem } from '../../../../lib/shared/kb/dictionary';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import { compileMatcher } from '../../../../lib/shared/match/matcher';
import { readerWith } from '../../support/knowledge';
import { readRepoFile, validDataset } from '../kb/fixtures';

function seed(): Dataset {
  const result = parseDataset(JSON.parse(readRepoFile('assets/kb/seed.json')));
  if (!result.ok) throw new Error('bundled dataset invalid');
  return result.value;
}

describe('reads over the bundled dataset', async () => {
  const kb = await readerWith(seed());
  const sentence = async (evidence: Dataset['facts'][number]['evidence']) =>
    (await kb.sentences([evidence]))[0];

  it('looks up an entity with its role as the article states it', async () => {
    expect(await kb.entity('karoline-leavitt')).toMatchObject({
      kind: 'person',
      name: 'Karoline Leavitt',
      description: 'White House press secretary',
    });
    expect(await kb.entity('nobody')).toBeUndefined();
  });

  it('gives the quotes a person said, and the sentence each comes from', async () => {
    const quotes = await kb.quotes('oleksandr-khilko');
    expect(quotes.map((q) => q.text)).toEqual([
      'This is inhuman — striking civilians',
      'Every time the sirens sound, I am afraid',
    ]);
    expect(await sentence((quotes[1] as (typeof quotes)[number]).evidence)).toBe(
      '“Every time the sirens sound, I am afraid,” Khilko said.',
    );
  });

  it('gives the events of a place with their figures', async () => {
    const attack = (await kb.events('kyiv')).find((e) => e.id === 'kyiv-attack');
    expect(attack?.when).toBe('In the early hours of Thursday');
    const figure = (kind: string) =>
      attack?.figures.filter((f) => f.kind === kind).map((f) => [f.value, f.text]);
    expect(figure('dead')).toEqual([
      [21, 'killed at least 21 people'],
      [4, 'four children'],
    ]);
    expect(figure('wounded')).toEqual([[48, 'wounded 48 more']]);
    expect(figure('drones')).toEqual([[598, '598 drones and decoys']]);
    expect(figure('missiles')).toEqual([[31, '31 missiles']]);
    expect(figure('buildings')).toEqual([[100, 'nearly 100 buildings']]);
    const arms = await kb.event('us-arms-package');
    expect(arms?.figures).toContainEqual(
      expect.objectContaining({ kind: 'money', value: 825_000_000, unit: 'USD' }),
    );
    expect((await kb.event('russia-downs-ukrainian-drones'))?.figures[0]?.value).toBe(102);
  });

  it('gives facts with their verbatim text inside their sentence', async () => {
    const facts = await kb.facts('sophia-akylina');
    expect(facts).toHaveLength(1);
    const fact = facts[0] as (typeof facts)[number];
    expect(await sentence(fact.evidence)).toContain(fact.text);
  });

  it('relates entities through relations first, then shared events', async () => {
    const related = await kb.related('karoline-leavitt');
    const ids = related.map((r) => r.entity.id);
    expect(ids).toEqual(
      expect.arrayContaining(['white-house', 'vladimir-putin', 'volodymyr-zelenskyy']),
    );
    expect(related.find((r) => r.entity.id === 'white-house')?.relations[0]?.predicate).toBe(
      'press-secretary-of',
    );
    const fromDistrict = await kb.related('darnytsia-district');
    expect(fromDistrict.find((r) => r.entity.id === 'kyiv')?.events.map((e) => e.id)).toEqual([
      'kyiv-attack',
    ]);
    expect(fromDistrict[0]?.entity.id).toBe('oleksandr-khilko');
    expect(ids).not.toContain('karoline-leavitt');
  });

  it('links many entities at once as it links each alone (over 32, the relations and events are read whole)', async () => {
    const ids = (await kb.allEntities()).map((entity) => entity.id);
    expect(ids.length).toBeGreaterThan(32);
    const together = await kb.linkedIds(ids);
    expect(together.get('karoline-leavitt')).toEqual(expect.arrayContaining(['white-house']));
    for (const id of ids) {
      const alone = await kb.linkedIds([id]);
      expect(new Set(together.get(id) ?? []), id).toEqual(new Set(alone.get(id) ?? []));
    }
  });

  it('gives every entity in use, in the file’s order, for the dictionary', async () => {
    const dictionary = (await kb.allEntities()).map(dictionaryItem);
    expect(dictionary.map((item) => item.entityId)).toEqual(seed().entities.map((e) => e.id));
    const eu = dictionary.find((d) => d.entityId === 'european-union');
    expect(eu?.aliases[0]).toEqual({ text: 'European Union', caseSensitive: false });
    expect(eu?.aliases).toContainEqual({ text: 'EU', caseSensitive: true });
    const nato = dictionary.find((d) => d.entityId === 'nato');
    expect(nato?.aliases.filter((a) => a.text === 'NATO')).toEqual([
      { text: 'NATO', caseSensitive: true },
    ]);
    const matcher = compileMatcher(dictionary);
    const text = 'Zelensky met Putin in Kiev; the US and EU agreed, us and eu did not.';
    const found = matcher
      .find(text)
      .map((m) => [text.slice(m.start, m.end), dictionary[m.entity]?.entityId]);
    expect(found).toEqual([
      ['Zelensky', 'volodymyr-zelenskyy'],
      ['Putin', 'vladimir-putin'],
      ['Kiev', 'kyiv'],
      ['US', 'united-states'],
      ['EU', 'european-union'],
    ]);
  });
});

describe('dictionary items', () => {
  it('passes an entity’s exclusions to the matcher, which then marks nothing inside them', () => {
    const dataset = validDataset();
    (dataset.entities[0] as Dataset['entities'][number]).excludes = [
      { text: 'Port Town Harbour Authority', caseSensitive: false },
    ];
    const dictionary = dataset.entities.map(dictionaryItem);
    expect(dictionary[0]?.excludes).toEqual([
      { text: 'Port Town Harbour Authority', caseSensitive: false },
    ]);
    expect(dictionary[1]?.excludes).toBeUndefined();
    const text = 'The Port Town Harbour Authority met in Port Town.';
    expect(
      compileMatcher(dictionary)
        .find(text)
        .map((m) => text.slice(m.start, m.end)),
    ).toEqual(['Port Town']);
  });
});

describe('reads over several datasets', () => {
  it('answers from every dataset in use, in the order they were added', async () => {
    const other = validDataset();
    other.id = 'other';
    (other.events[0] as Dataset['events'][number]).where = ['port-town', 'kyiv'];
    const kb = await readerWith(seed(), other);
    expect((await kb.entity('ana-reyes'))?.name).toBe('Ana Reyes');
    expect((await kb.events('kyiv')).map((e) => e.id).at(-1)).toBe('storm-event');
    expect((await kb.allEntities()).map((e) => e.dataset).at(-1)).toBe('other');
    expect((await kb.datasets()).map((row) => row.id)).toEqual(['seed-kyiv-attack', 'other']);
  });

  it('names sources without their text: a one-source dataset’s from its row, another’s from the source', async () => {
    const two = validDataset();
    two.id = 'two-sources';
    two.sources.push({
      id: 'storm-2',
      title: 'Storm, day two',
      text: 'It rained.',
      publisher: 'Paper',
    });
    const source = two.sources[0] as Dataset['sources'][number];
    const one: Dataset = {
      ...validDataset(),
      id: 'one-source',
      sources: [{ ...source, id: 'storm-1', published: '2025-02-03' }],
      entities: [],
      facts: [],
      quotes: [],
      events: [],
      relations: [],
    };
    const kb = await readerWith(two, one);
    const summaries = await kb.sourceSummaries(['storm-1', 'storm-2', 'storm-1', 'missing']);
    expect(Object.fromEntries(summaries)).toEqual({
      'storm-1': {
        id: 'storm-1',
        title: 'Storm Hits Port Town',
        url: 'https://example.org/storm',
        published: '2025-02-03',
      },
      'storm-2': { id: 'storm-2', title: 'Storm, day two', publisher: 'Paper' },
    });
  });

  it('returns empty lists for an entity nothing is known about', async () => {
    const kb = await readerWith(validDataset());
    expect(await kb.facts('harbor-board')).toEqual([]);
    expect(await kb.quotes('harbor-board')).toEqual([]);
    expect(await kb.events('harbor-board')).toEqual([]);
    expect((await kb.related('harbor-board')).map((r) => r.entity.id)).toEqual(['ana-reyes']);
    expect(await kb.sentences([{ source: 'missing', start: 0, end: 3 }])).toEqual(['']);
  });
});
