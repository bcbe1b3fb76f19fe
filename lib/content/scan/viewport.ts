// Finds the blocks under the viewport so a scan can do what the reader sees first and the rest later.
import { enclosingBlock, isInSkippedRegion } from './blocks';

export interface ViewportOptions {
  /**
   * Sample grid: `columns` points per row, a row every `rowStep` px. Each point is a hit test, which costs up to
   * 40 µs on a real news page (228 of them, 4 × (900 / 16), took 9.7 ms of cnn.html's scan, bench/profile.mjs): the
   * default 3 × (height / 48) finds the blocks that fill the screen; a one-line block it misses comes a slice later.
   */
  readonly columns?: number;
  readonly rowStep?: number;
  readonly skip?: (element: Element) => boolean;
  /** Sample even when the page is at its top (tests). */
  readonly atTop?: boolean;
}

/**
 * Block elements under a grid of points in the viewport (innermost ones). Scan these first,
 * then the whole document with `exclude` set to them. Empty when the page is at its top, or when the sample only
 * hits the page's body (then the whole document is the visible part anyway).
 */
export function viewportBlocks(doc: Document, options: ViewportOptions = {}): Element[] {
  const view = doc.defaultView;
  if (!view || typeof doc.elementFromPoint !== 'function') return [];
  // At the top of the page (where a page usually is when the content script starts) document order already
  // reaches what is on screen first, and the first hit test alone can cost milliseconds (it may lay the page out).
  if (!options.atTop && view.scrollY === 0 && view.scrollX === 0) return [];
  const columns = options.columns ?? 3;
  const rows = Math.max(1, Math.ceil(view.innerHeight / (options.rowStep ?? 48)));
  const found = new Set<Element>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const x = ((c + 0.5) * view.innerWidth) / columns;
      const y = ((r + 0.5) * view.innerHeight) / rows;
      const hit = doc.elementFromPoint(x, y);
      if (!hit) continue;
      const block = enclosingBlock(hit);
      if (block.nodeType !== 1) continue;
      const el = block as Element;
      if (el === doc.body || el === doc.documentElement) continue;
      if (isInSkippedRegion(el, options.skip)) continue;
      found.add(el);
    }
  }
  const list = [...found];
  // Innermost only: a wrapper hit in a margin would otherwise pull in the whole page.
  return list.filter((el) => !list.some((other) => other !== el && el.contains(other)));
}
