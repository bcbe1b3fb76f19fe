// Search over a large collection: Fuse scores only the documents sharing letter pairs with the query, and finds
// what it finds over the whole collection.
import Fuse, { type IFuseOptions } from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { bigrams, FULL_SCAN_LIMIT, FuzzyCollection } from '../../../lib/pages/search-candidates';

interface Doc {
  id: string;
  name: string;
  aliases: string[];
}

const FIRST =
  'Anna Ben Carla David Elena Farid Grace Hugo Irene James Karin Luis Maria Nadia Omar Paula'.split(
    ' ',
  );
const LAST =
  'Smith Novak Garcia Kowalski Rossi Muller Dubois Silva Jensen Petrov Kim Tanaka Okafor Haddad'.split(
    ' ',
  );
const ORGS = [
  'Water Authority',
  'Transit Agency',
  'Teachers Union',
  'Housing Trust',
  'Health Board',
];
const TOWNS = 'North South East West New Old Port Lake'.split(' ');

/** Well over FULL_SCAN_LIMIT documents, with the names the reader looks for among them. */
function library(): Doc[] {
  const docs: Doc[] = [
    {
      id: 'zelenskyy',
      name: 'Volodymyr Zelenskyy',
      aliases: ['Zelensky', 'Zelenskiy', 'Зеленський'],
    },
    { id: 'kyiv', name: 'Kyiv', aliases: ['Kiev'] },
    { id: 'starmer', name: 'Keir Starmer', aliases: ['Starmer'] },
    { id: 'sao-paulo', name: 'São Paulo', aliases: [] },
  ];
  let n = 0;
  for (const first of FIRST)
    for (const last of LAST)
      for (let k = 0; k < 8; k++)
        docs.push({ id: `p${n++}`, name: `${first} ${last}${k ? `-${k}` : ''}`, aliases: [last] });
  for (const town of TOWNS)
    for (const org of ORGS)
      for (let k = 0; k < 20; k++)
        docs.push({ id: `o${n++}`, name: `${town}${k}ford ${org}`, aliases: [] });
  return docs;
}

const OPTIONS: IFuseOptions<Doc> = {
  includeScore: true,
  ignoreLocation: true,
  ignoreDiacritics: true,
  minMatchCharLength: 2,
  threshold: 0.5,
  keys: [
    { name: 'name', weight: 3 },
    { name: 'aliases', weight: 2 },
  ],
};

describe('FuzzyCollection', () => {
  const docs = library();
  const collection = new FuzzyCollection(docs, OPTIONS, (doc) => [doc.name, ...doc.aliases]);
  const whole = new Fuse(docs, OPTIONS);

  it('finds over a large collection the close hits Fuse finds over all of it: typos, prefixes, accents, two words', () => {
    expect(docs.length).toBeGreaterThan(FULL_SCAN_LIMIT);
    // Fuse's far hits (score 0.7 and worse: "starmr" in "Karin Smith") are noise the search drops; the rest must agree.
    const close = (results: { item: Doc; score?: number }[]) =>
      results.filter((r) => (r.score ?? 1) < 0.5).map((r) => [r.item.id, r.score]);
    for (const query of [
      'kyv',
      'kiev',
      'zelensky',
      'Volod',
      'Volodymyr Zele',
      'starmr',
      'sao paulo',
      'Grace Smith',
      'smth',
      'water authority',
      'Vo',
    ]) {
      const got = close(collection.search(query, 60));
      expect(got.length, query).toBeGreaterThan(0);
      expect(got, query).toEqual(close(whole.search(query, { limit: 60 })));
    }
    expect(collection.search('kyv', 5).map((r) => r.item.name)).toContain('Kyiv');
    expect(collection.search('starmr', 1)[0]?.item.name).toBe('Keir Starmer');
    expect(collection.search('sao paulo', 1)[0]?.item.name).toBe('São Paulo');
  });

  it('finds nothing where nothing shares a letter pair', () => {
    expect(collection.search('qqxzw', 5)).toEqual([]);
  });
});

describe('bigrams', () => {
  it('marks where words start and end, and leaves the word being typed open', () => {
    expect([...bigrams('Kyiv')]).toEqual([' k', 'ky', 'yi', 'iv', 'v ']);
    expect([...bigrams('Kyi', true)]).toEqual([' k', 'ky', 'yi']);
    expect([...bigrams('São P', true)]).toEqual([' s', 'sa', 'ao', 'o ', ' p']);
  });
});
