// Finds the blocks under the viewport so a scan can do what the reader sees first and the rest later.
import { enclosingBlock, isInSkippedRegion } from './blocks';

export interface ViewportOptions {
  /** Sample grid: `columns` points per row, a row every `rowStep` px (a text line is rarely
   * shorter). The default 4 × (height / 16) points costs well under a millisecond. */
  readonly columns?: number;
  readonly rowStep?: number;
  readonly skip?: (element: Element) => boolean;
}

/**
 * Block elements under a grid of points in the viewport (innermost ones). Scan these first,
 * then the whole document with `exclude` set to them. Empty when the sample only hits the page's
 * body (then the whole document is the visible part anyway).
 */
export function viewportBlocks(doc: Document, options: ViewportOptions = {}): Element[] {
  const view = doc.defaultView;
  if (!view || typeof doc.elementFromPoint !== 'function') return [];
  const columns = options.columns ?? 4;
  const rows = Math.max(1, Math.ceil(view.innerHeight / (options.rowStep ?? 16)));
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
