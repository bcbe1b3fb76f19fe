// KnowledgeBase look-ups over the bundled dataset and over several datasets at once.
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../../lib/shared/kb/knowledge-base';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import { compileMatcher } from '../../../../lib/shared/match/matcher';
import { readRepoFile, validDataset } from './fixtures';

function seed(): Dataset {
  const result = parseDataset(JSON.parse(readRepoFile('assets/kb/seed.json')));
  if (!result.ok) throw new Error('bundled dataset invalid');
  return result.value;
}

describe('KnowledgeBase over the bundled dataset', () => {
  const kb = new KnowledgeBase([seed()]);

  it('looks up an entity with its role as the article states it', () => {
    expect(kb.entity('karoline-leavitt')).toMatchObject({
      kind: 'person',
      name: 'Karoline Leavitt',
      description: 'White House press secretary',
    });
    expect(kb.entity('nobody')).toBeUndefined();
  });

  it('gives the quotes a person said, and the sentence each comes from', () => {
    const quotes = kb.quotes('oleksandr-khilko');
    expect(quotes.map((q) => q.text)).toEqual([
      'This is inhuman — striking civilians',
      'Every time the sirens sound, I am afraid',
    ]);
    expect(kb.sentence((quotes[1] as (typeof quotes)[number]).evidence)).toBe(
      '“Every time the sirens sound, I am afraid,” Khilko said.',
    );
  });

  it('gives the events of a place with their figures', () => {
    const attack = kb.events('kyiv').find((e) => e.id === 'kyiv-attack');
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
    const arms = kb.event('us-arms-package');
    expect(arms?.figures).toContainEqual(
      expect.objectContaining({ kind: 'money', value: 825_000_000, unit: 'USD' }),
    );
    expect(kb.event('russia-downs-ukrainian-drones')?.figures[0]?.value).toBe(102);
  });

  it('gives facts with their verbatim text inside their sentence', () => {
    const facts = kb.facts('sophia-akylina');
    expect(facts).toHaveLength(1);
    const fact = facts[0] as (typeof facts)[number];
    expect(kb.sentence(fact.evidence)).toContain(fact.text);
  });

  it('relates entities through relations first, then shared events', () => {
    const related = kb.related('karoline-leavitt');
    const ids = related.map((r) => r.entity.id);
    expect(ids).toEqual(
      expect.arrayContaining(['white-house', 'vladimir-putin', 'volodymyr-zelenskyy']),
    );
    expect(related.find((r) => r.entity.id === 'white-house')?.relations[0]?.predicate).toBe(
      'press-secretary-of',
    );
    const fromDistrict = kb.related('darnytsia-district');
    expect(fromDistrict.find((r) => r.entity.id === 'kyiv')?.events.map((e) => e.id)).toEqual([
      'kyiv-attack',
    ]);
    expect(fromDistrict[0]?.entity.id).toBe('oleksandr-khilko');
    expect(ids).not.toContain('karoline-leavitt');
  });

  it('finds an entity’s mentions in the source under any of its names', () => {
    const text = kb.sources()[0]?.text ?? '';
    const mentions = kb
      .mentionsInSource('volodymyr-zelenskyy')
      .map((m) => text.slice(m.start, m.end));
    expect(mentions).toEqual(['Volodymyr Zelenskyy', 'Zelenskyy', 'Zelenskyy', 'Zelenskyy']);
    // "U.S." is the United States, not part of another name; "EU Mission to Ukraine" is the mission, not the EU.
    expect(kb.mentionsInSource('united-states').map((m) => text.slice(m.start, m.end))).toEqual(
      Array(5).fill('U.S.'),
    );
    expect(kb.mentionsInSource('eu-mission-to-ukraine')).toHaveLength(1);
  });

  it('builds a dictionary with the canonical name first that the matcher uses as is', () => {
    const dictionary = kb.dictionary();
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

describe('KnowledgeBase exclusions', () => {
  it('passes an entity’s exclusions to the matcher, which then marks nothing inside them', () => {
    const dataset = validDataset();
    (dataset.entities[0] as Dataset['entities'][number]).excludes = [
      { text: 'Port Town Harbour Authority', caseSensitive: false },
    ];
    const dictionary = new KnowledgeBase([dataset]).dictionary();
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

describe('KnowledgeBase over several datasets', () => {
  it('merges datasets and keeps the first dataset’s item when an id repeats', () => {
    const other = validDataset();
    other.id = 'other';
    (other.entities[0] as Dataset['entities'][number]).id = 'kyiv';
    (other.entities[0] as Dataset['entities'][number]).name = 'Not Kyiv';
    (other.events[0] as Dataset['events'][number]).where = ['kyiv'];
    const kb = new KnowledgeBase([seed(), other]);
    expect(kb.entity('kyiv')?.name).toBe('Kyiv');
    expect(kb.entity('ana-reyes')?.name).toBe('Ana Reyes');
    expect(kb.events('kyiv').map((e) => e.id)).toContain('storm-event');
    expect(kb.dictionary().filter((d) => d.entityId === 'kyiv')).toHaveLength(1);
    expect(kb.sources().map((s) => s.id)).toEqual(['kyiv-attack-article', 'storm']);
  });

  it('returns empty lists for an entity nothing is known about', () => {
    const kb = new KnowledgeBase([validDataset()]);
    expect(kb.facts('harbor-board')).toEqual([]);
    expect(kb.quotes('harbor-board')).toEqual([]);
    expect(kb.events('harbor-board')).toEqual([]);
    expect(kb.related('harbor-board').map((r) => r.entity.id)).toEqual(['ana-reyes']);
    expect(kb.sentence({ source: 'missing', start: 0, end: 3 })).toBe('');
  });
});
