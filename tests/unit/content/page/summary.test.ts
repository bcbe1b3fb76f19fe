// What the popup and side panel read of a page: entities in order of first appearance, counts, snippets, the badge count.
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../../lib/content/highlight/mentions';
import { countDistinct, snippet, summarize } from '../../../../lib/content/page/summary';
import { DEFAULT_MARKING } from '../../../../lib/shared/marking';

/** Mentions of `word` in each paragraph's text, in order. */
function mentions(html: string, word: string, entityId: string): Mention[] {
  document.body.innerHTML = html;
  return [...document.querySelectorAll('p')].map((p) => {
    const text = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf(word));
    range.setEnd(text, text.data.indexOf(word) + word.length);
    return { range, entityId, kind: 'place' };
  });
}

describe('summarize', () => {
  it('gives one row per entity in order of first appearance, with its count and first three snippets', () => {
    const kyiv = mentions(
      '<p>Kyiv one.</p><p>Kyiv two.</p><p>Kyiv three.</p><p>Kyiv four.</p>',
      'Kyiv',
      'kyiv',
    );
    const nato = { ...(kyiv[1] as Mention), entityId: 'nato', kind: 'organization' as const };
    const summary = summarize('https://x.test/', true, DEFAULT_MARKING, [nato, ...kyiv], new Set());
    expect(summary).toEqual({
      url: 'https://x.test/',
      active: true,
      marking: DEFAULT_MARKING,
      entities: [
        { entityId: 'nato', kind: 'organization', count: 1, snippets: ['Kyiv two.'] },
        {
          entityId: 'kyiv',
          kind: 'place',
          count: 4,
          snippets: ['Kyiv one.', 'Kyiv two.', 'Kyiv three.'],
        },
      ],
    });
  });

  it('leaves muted entities out', () => {
    const kyiv = mentions('<p>Kyiv.</p>', 'Kyiv', 'kyiv');
    expect(summarize('u', true, DEFAULT_MARKING, kyiv, new Set(['kyiv'])).entities).toEqual([]);
  });
});

describe('snippet', () => {
  it('keeps 40 characters either side of the mention, squeezes spaces and marks what it cut', () => {
    const long = `${'a'.repeat(60)}   Kyiv\n\nnow ${'b'.repeat(60)}`;
    const [mention] = mentions(`<p>${long}</p>`, 'Kyiv', 'kyiv');
    const text = snippet((mention as Mention).range);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toContain('a Kyiv now b');
    expect(text.length).toBeLessThanOrEqual(2 + 40 + 4 + 40);
  });
});

describe('countDistinct', () => {
  it('counts the entities with mentions, muted ones not', () => {
    const counts = new Map([
      ['kyiv', 3],
      ['nato', 1],
      ['putin', 2],
    ]);
    expect(countDistinct(counts, new Set(['nato']))).toBe(2);
  });
});
