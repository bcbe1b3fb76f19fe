// The dictionary the background sends to tabs: every entity with its aliases and, where it has any, its exclusions.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadKnowledge } from '../../../lib/background/knowledge';
import { compileMatcher } from '../../../lib/match/matcher';

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
});
