import { describe, expect, test } from 'vitest';
import {
  bestEntityFor,
  bestEntityQuery,
  flattenResults,
  SearchIndex,
} from '../../../lib/pages/search';
import { corpus } from './fixtures';

const index = new SearchIndex(corpus);
const topEntity = (query: string) => index.search(query).entities[0]?.entity.id;

describe('search', () => {
  test.each([
    ['zelensky', 'zelenskyy'],
    ['Zelenskiy', 'zelenskyy'],
    ['Зеленський', 'zelenskyy'],
    ['kyv', 'kyiv'],
    ['Kiev', 'kyiv'],
    ['starmr', 'starmer'],
    ['vinnitsia', 'vinnytsia'],
    ['putn', 'putin'],
  ])('%s finds %s first', (query, id) => {
    expect(topEntity(query)).toBe(id);
  });

  test('roles find the entity', () => {
    expect(topEntity('prime minister')).toBe('starmer');
    expect(topEntity('top diplomat')).toBe('kallas');
  });

  test('quotes and events are searched, and their speakers and places too', () => {
    const results = index.search('negotiating table');
    expect(results.quotes[0]?.quote.id).toBe('q-zelenskyy');
    expect(index.search('Alaska').events.map((hit) => hit.event.id)).toContain('e-alaska');
    // Words are matched one by one, typos allowed, in any order.
    expect(index.search('misile attack kyiv').events[0]?.event.id).toBe('e-attack');
    expect(index.search('table negotiating').quotes[0]?.quote.id).toBe('q-zelenskyy');
    expect(index.search("O'Brien $825").events).toEqual([]);
  });

  test('a one-letter query finds nothing rather than everything', () => {
    expect(flattenResults(index.search('k'))).toEqual([]);
  });

  test('gibberish finds nothing', () => {
    expect(flattenResults(index.search('qqxzw'))).toEqual([]);
  });

  test('the matched alias is reported when it is not the name', () => {
    expect(index.search('Kiev').entities[0]?.matched).toBe('Kiev');
  });

  test('bestEntityFor: exact aliases land on the entity, vague text does not', () => {
    const best = (text: string) =>
      bestEntityFor(index.search(bestEntityQuery(text), 5), bestEntityQuery(text));
    expect(best('Zelensky')?.id).toBe('zelenskyy');
    expect(best('Kiev')?.id).toBe('kyiv');
    expect(best('Putin’s')?.id).toBe('putin');
    expect(best('president')).toBeUndefined();
  });
});
