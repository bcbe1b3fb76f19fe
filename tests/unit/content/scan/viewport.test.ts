// Visible-first: which blocks lie under the viewport (hit-testing stubbed: happy-dom has no layout).
import { afterEach, describe, expect, it } from 'vitest';
import { viewportBlocks } from '../../../../lib/content/scan/viewport';

const original = document.elementFromPoint;
afterEach(() => {
  document.elementFromPoint = original;
});

/** Pretends the page is laid out as bands: `bands[i]` covers y in [i*100, (i+1)*100). */
function layOut(bands: (Element | null)[]) {
  document.elementFromPoint = (_x: number, y: number) => bands[Math.floor(y / 100)] ?? null;
}

describe('viewportBlocks', () => {
  it('returns the innermost blocks under the viewport, not body, not skipped regions', () => {
    document.body.innerHTML = `
      <main id="wrap"><p id="a">Kyiv <a id="link">Putin</a></p><p id="b">Kallas</p>
      <div contenteditable id="ed"><p id="e">Putin</p></div></main><p id="below">Far</p>`;
    const $ = (id: string) => document.getElementById(id);
    layOut([$('link'), $('wrap'), $('b'), $('e'), document.body, null, null, null]);
    const blocks = viewportBlocks(document, { atTop: true }).map((el) => el.id);
    expect(blocks.sort()).toEqual(['a', 'b']);
  });

  it('is empty when nothing but the body is hit', () => {
    document.body.innerHTML = '<p>Kyiv</p>';
    layOut([document.body, document.body]);
    expect(viewportBlocks(document, { atTop: true })).toEqual([]);
  });

  it('hit-tests nothing while the page is at its top (document order is visible-first there), and samples once scrolled', () => {
    document.body.innerHTML = '<p id="a">Kyiv</p>';
    let tests = 0;
    document.elementFromPoint = () => {
      tests++;
      return document.getElementById('a');
    };
    expect(viewportBlocks(document)).toEqual([]);
    expect(tests).toBe(0);
    window.scrollY = 400;
    try {
      expect(viewportBlocks(document).map((el) => el.id)).toEqual(['a']);
      expect(tests).toBeGreaterThan(0);
    } finally {
      window.scrollY = 0;
    }
  });
});
