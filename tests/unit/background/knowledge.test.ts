// The dictionary the background sends to tabs: every entity with its aliases and, where it has any, its exclusions.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadKnowledge } from '../../../lib/background/knowledge';
import { compileMatcher, matcherFromTables } from '../../../lib/shared/match/matcher';
import { decodeTables } from '../../../lib/shared/match/tables-transfer';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loadKnowledge', () => {
  it('sends exclusions along, so a tab marks America but not South America', async () => {
    const { dictionary } = await loadKnowledge();
    const us = dictionary.find((entry) => entry.entityId === 'united-states');
    expect(us?.excludes).toContainEqual({ text: 'South America', caseSensitive: false });
    // Entities without exclusions carry no empty list to every tab.
    expect(dictionary.find((entry) => entry.entityId === 'norway')).not.toHaveProperty('excludes');
    const text = 'America and South America';
    const matches = compileMatcher(dictionary).find(text);
    expect(
      matches.map((m) => [text.slice(m.start, m.end), dictionary[m.entity]?.entityId]),
    ).toEqual([['America', 'united-states']]);
  });

  it('sends the built matcher along, so a tab needs not compile one', async () => {
    const { dictionary, tables } = await loadKnowledge();
    if (!tables) throw new Error('the seed dictionary should come with its tables');
    // Small enough to copy into every frame (the seed's are tens of kilobytes).
    expect(JSON.stringify(tables).length).toBeLessThan(200_000);
    const text = 'Zelenskyy’s aide met Putin in Kyiv; South America, the US and us.';
    const carried = matcherFromTables(decodeTables(JSON.parse(JSON.stringify(tables))));
    expect(carried.find(text)).toEqual(compileMatcher(dictionary).find(text));
    expect(carried.find(text).map((m) => dictionary[m.entity]?.entityId)).toEqual([
      'volodymyr-zelenskyy',
      'vladimir-putin',
      'kyiv',
      'united-states',
    ]);
  });
});
