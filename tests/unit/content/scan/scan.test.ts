// DOM scanning: blocks, inline joins, skipped regions, hidden text, time slices, and no DOM changes.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScanRoot } from '../../../../lib/content/scan/blocks';
import { enclosingBlock, isInSkippedRegion } from '../../../../lib/content/scan/blocks';
import {
  createScanJob,
  type ScanHit,
  type ScannedBlock,
  type ScanOptions,
  toRange,
} from '../../../../lib/content/scan/scan';
import { compileMatcher } from '../../../../lib/shared/match/matcher';

const ci = (text: string) => ({ text, caseSensitive: false });
const cs = (text: string) => ({ text, caseSensitive: true });
const DICT = [
  { id: 'putin', aliases: [ci('Vladimir Putin'), ci('Putin')] },
  { id: 'zelenskyy', aliases: [ci('Volodymyr Zelenskyy'), ci('Zelenskyy'), ci('Зеленський')] },
  { id: 'kallas', aliases: [ci('Kaja Kallas'), ci('Kallas')] },
  { id: 'kyiv', aliases: [ci('Kyiv'), ci('Київ')] },
  { id: 'eu', aliases: [cs('EU'), ci('European Union')] },
];
const matcher = compileMatcher(DICT);

/** The whole root in one slice, through the job the content script runs in many. */
function scan(root: ScanRoot, options: ScanOptions): ScannedBlock[] {
  return createScanJob(root, options).step(Number.POSITIVE_INFINITY);
}
function hitsOf(blocks: ScannedBlock[]): ScanHit[] {
  return blocks.flatMap((b) => b.hits);
}
/** The mention as written on the page. */
const textOf = (hit: ScanHit): string => toRange(hit).toString();
/** What a reader would see highlighted: the text of each range and its entity. */
function seen(
  root: Document | Element | ShadowRoot = document.body,
  skip?: (el: Element) => boolean,
) {
  return hitsOf(scan(root, { matcher, skip })).map((h) => [
    toRange(h).toString(),
    DICT[h.entity]?.id,
  ]);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scan', () => {
  it('joins inline elements within a block: Volodymyr <a>Zelenskyy</a>', () => {
    document.body.innerHTML = '<p>President Volodymyr <a href="#">Zelenskyy</a> said.</p>';
    const [hit] = hitsOf(scan(document.body, { matcher }));
    expect(hit && textOf(hit)).toBe('Volodymyr Zelenskyy');
    expect(hit?.startNode.data).toBe('President Volodymyr ');
    expect(hit?.startOffset).toBe(10);
    expect(hit?.endNode.data).toBe('Zelenskyy');
    expect(hit?.endOffset).toBe(9);
    expect(hit?.nodes).toHaveLength(2);
    expect(hit && toRange(hit).toString()).toBe('Volodymyr Zelenskyy');
  });

  it('matches a name split over three inline nodes, with a possessive after it', () => {
    document.body.innerHTML =
      '<p>Vla<b>dimir Pu</b>tin’s envoy and <span>Kaja <em>Kallas</em></span></p>';
    const hits = hitsOf(scan(document.body, { matcher }));
    expect(hits.map((h) => [toRange(h).toString(), h.nodes.length])).toEqual([
      ['Vladimir Putin', 3],
      ['Kaja Kallas', 2],
    ]);
    expect(hits[0]?.endOffset).toBe(3);
  });

  it('keeps inline elements side by side with no text between apart: tag lists, breadcrumbs', () => {
    document.body.innerHTML =
      '<p><a href="#">Kyiv</a><a href="#">Putin</a><span><a href="#">Kallas</a></span><b>EU</b></p>' +
      '<p>Zelensk<b>yy</b> and <i>Vladimir</i> <i>Putin</i></p>';
    expect(seen()).toEqual([
      ['Kyiv', 'kyiv'],
      ['Putin', 'putin'],
      ['Kallas', 'kallas'],
      ['EU', 'eu'],
      ['Zelenskyy', 'zelenskyy'],
      ['Vladimir Putin', 'putin'],
    ]);
  });

  it('never matches across block boundaries', () => {
    document.body.innerHTML =
      '<div>Vladimir</div><div>Putin</div><ul><li>Kaja</li><li>Kallas</li></ul>' +
      '<p>Volodymyr<br>Zelenskyy</p><table><tr><td>Kaja</td><td>Kallas</td></tr></table>' +
      '<h1>Vladimir</h1>Putin';
    expect(seen()).toEqual([
      ['Putin', 'putin'],
      ['Kallas', 'kallas'],
      ['Zelenskyy', 'zelenskyy'],
      ['Kallas', 'kallas'],
      ['Putin', 'putin'],
    ]);
  });

  it('skips form fields, code, scripts, styles, svg, math and templates', () => {
    document.body.innerHTML = `
      <input value="Putin"><textarea>Putin</textarea><select><option>Putin</option></select>
      <script>var Putin = 1;</script><style>.Putin{}</style><noscript>Putin</noscript>
      <template><p>Putin</p></template><code>Putin</code><pre>Putin</pre><kbd>Putin</kbd>
      <samp>Putin</samp><svg><text>Putin</text></svg><math><mi>Putin</mi></math>
      <p>Kyiv</p>`;
    expect(seen()).toEqual([['Kyiv', 'kyiv']]);
  });

  it('skips contenteditable regions of any value but "false", and design mode', () => {
    document.body.innerHTML = `
      <div contenteditable>Putin</div><div contenteditable="true"><p>Putin</p></div>
      <div contenteditable="plaintext-only">Putin</div><div contenteditable="false">Kyiv</div>`;
    expect(seen()).toEqual([['Kyiv', 'kyiv']]);
    const inner = document.querySelector('[contenteditable="true"] p');
    expect(inner && isInSkippedRegion(inner)).toBe(true);
    expect(inner && seen(inner)).toEqual([]);
  });

  it('skips hidden subtrees and the extension’s own UI', () => {
    document.body.innerHTML = `
      <p hidden>Putin</p><div style="display:none"><p>Putin <b>Kallas</b></p></div>
      <backstory-card><p>Putin</p></backstory-card><p>Kyiv</p>`;
    expect(seen(document.body, (el) => el.localName === 'backstory-card')).toEqual([
      ['Kyiv', 'kyiv'],
    ]);
  });

  it('finishes when the root ends with a skipped element, finding each name once', () => {
    document.body.innerHTML =
      '<div id="r"><p>Kyiv</p><div><p>Putin</p><script>Kallas</script></div></div>';
    const root = document.getElementById('r');
    if (!root) throw new Error('missing');
    expect(seen(root)).toEqual([
      ['Kyiv', 'kyiv'],
      ['Putin', 'putin'],
    ]);
  });

  it('ends a block at a skipped element inside it', () => {
    document.body.innerHTML = '<p>Vladimir <code>x</code> Putin</p>';
    expect(seen()).toEqual([['Putin', 'putin']]);
  });

  it('keeps the rules of the matcher on page text: case, whole words, Cyrillic, NBSP', () => {
    document.body.innerHTML =
      '<p>Tell us about the EU; Putinism; Володимир <b>Зеленський</b> у Київ; Kaja&nbsp;Kallas</p>';
    expect(seen()).toEqual([
      ['EU', 'eu'],
      ['Зеленський', 'zelenskyy'],
      ['Київ', 'kyiv'],
      ['Kaja\u00a0Kallas', 'kallas'],
    ]);
  });

  it('never changes the DOM', () => {
    document.body.innerHTML =
      '<article><h1>Kyiv</h1><p>Vladimir <a href="#x">Putin</a> and <span>Kaja <em>Kallas</em></span></p></article>';
    const before = document.documentElement.outerHTML;
    const hits = hitsOf(scan(document, { matcher }));
    hits.map(toRange);
    expect(hits).toHaveLength(3);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('lists every text node of a block so old mentions can be dropped', () => {
    document.body.innerHTML = '<p>a <b>Putin</b> b <i>c</i></p><p>d</p>';
    const blocks = scan(document.body, { matcher });
    expect(blocks.map((b) => b.textNodes.map((t) => t.data))).toEqual([
      ['a ', 'Putin', ' b ', 'c'],
      ['d'],
    ]);
    expect(blocks[0]?.hits[0]?.nodes.map((t) => t.data)).toEqual(['Putin']);
  });

  it('finds the block to re-scan when text inside inline elements changes', () => {
    document.body.innerHTML = '<div><p>Vladimir <b><i>Putin</i></b></p></div>';
    const text = document.querySelector('i')?.firstChild;
    expect(text && enclosingBlock(text)).toBe(document.querySelector('p'));
  });

  it('reports open shadow roots and scans them on request', () => {
    document.body.innerHTML = '<p>Kyiv</p><news-card></news-card>';
    const host = document.querySelector('news-card');
    const shadow = host?.attachShadow({ mode: 'open' });
    if (!shadow) throw new Error('no shadow root');
    shadow.innerHTML = '<p>Kaja <b>Kallas</b></p>';
    const roots: ShadowRoot[] = [];
    const blocks = scan(document.body, { matcher, onShadowRoot: (r) => roots.push(r) });
    expect(hitsOf(blocks).map(textOf)).toEqual(['Kyiv']);
    expect(roots).toEqual([shadow]);
    expect(seen(shadow)).toEqual([['Kaja Kallas', 'kallas']]);
  });

  it('scans visible-first roots, then the rest without them', () => {
    document.body.innerHTML = '<p id="a">Kyiv</p><p id="b">Putin</p><p id="c">Kallas</p>';
    const first = document.getElementById('b');
    if (!first) throw new Error('missing');
    const early = hitsOf(scan(first, { matcher })).map(textOf);
    const rest = hitsOf(scan(document.body, { matcher, exclude: new Set([first]) })).map(textOf);
    expect(early).toEqual(['Putin']);
    expect(rest).toEqual(['Kyiv', 'Kallas']);
  });

  it('scans in slices that stop at the deadline and together find everything', () => {
    // Long blocks: the clock is read about every 4 KB of text.
    const filler = 'and so on '.repeat(410);
    document.body.innerHTML = Array.from(
      { length: 20 },
      (_, i) => `<p>Kyiv ${i} ${filler} Putin</p>`,
    ).join('');
    const job = createScanJob(document.body, { matcher });
    let clock = 0;
    const now = () => ++clock;
    const slices: number[] = [];
    const hits: ScanHit[] = [];
    while (!job.done) {
      const blocks = job.step(clock + 3, now);
      slices.push(blocks.length);
      hits.push(...hitsOf(blocks));
    }
    expect(Math.max(...slices)).toBeLessThanOrEqual(3);
    expect(hits).toHaveLength(40);
    expect(hits.map(textOf)).toEqual(hitsOf(scan(document.body, { matcher })).map(textOf));
  });

  it('picks up again after the DOM changed under a paused scan', () => {
    const filler = 'and so on '.repeat(410);
    document.body.innerHTML = `<div id="x"><p>Kyiv ${filler}</p><p>Putin</p></div><p>Kallas</p><p>Zelenskyy</p>`;
    const job = createScanJob(document.body, { matcher });
    let clock = 0;
    const first = job.step(1, () => ++clock);
    expect(hitsOf(first).map(textOf)).toEqual(['Kyiv']);
    document.getElementById('x')?.remove();
    const rest: string[] = [];
    while (!job.done) rest.push(...hitsOf(job.step(Number.POSITIVE_INFINITY)).map(textOf));
    expect(rest).toEqual(['Kallas', 'Zelenskyy']);
  });

  it('can keep hits in hidden text when asked not to check visibility', () => {
    document.body.innerHTML = '<div style="display:none"><p>Kyiv</p></div>';
    expect(hitsOf(scan(document.body, { matcher })).length).toBe(0);
    expect(hitsOf(scan(document.body, { matcher, checkVisibility: false })).length).toBe(1);
  });
});
