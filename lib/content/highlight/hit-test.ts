// Finds the mention under a pointer position: the highlight registry's own hit test where the browser has it, else
// the caret position there checked against the candidate ranges' boxes.
import { liveRange, type Mention, type MentionIndex } from './mentions';

interface Caret {
  node: Node;
  offset: number;
}

type CaretOptions = { shadowRoots?: ShadowRoot[] };
type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number, options?: CaretOptions): CaretPosition | null;
};

/**
 * caretPositionFromPoint (standard; Firefox, Chrome 128+) with caretRangeFromPoint as the fallback. The standard
 * one answers with the host, not the text, for a point inside a shadow root, unless that root is named in
 * `shadowRoots` (the open roots the scan found).
 */
export function caretFromPoint(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): Caret | null {
  const caretDoc = doc as CaretDocument;
  if (typeof caretDoc.caretPositionFromPoint === 'function') {
    const position =
      shadowRoots.length > 0
        ? caretDoc.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] })
        : caretDoc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** `CSS.highlights.highlightsFromPoint` (Chrome 140+): the highlights, and their ranges, painted at a point. */
type HitResult = { highlight?: Highlight; ranges?: readonly AbstractRange[] };
type HitRegistry = {
  highlightsFromPoint?(x: number, y: number, options?: CaretOptions): readonly unknown[];
};

/**
 * The ranges the registry reports at the point, or null where it can't say which ranges (no highlightsFromPoint,
 * or an early version that names only the highlights).
 */
function rangesFromPoint(
  registry: HighlightRegistry | undefined,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[],
): AbstractRange[] | null {
  const fromPoint = (registry as HitRegistry | undefined)?.highlightsFromPoint;
  if (typeof fromPoint !== 'function') return null;
  const results = fromPoint.call(registry, x, y, { shadowRoots: [...shadowRoots] });
  const ranges: AbstractRange[] = [];
  for (const result of results) {
    const hit = result as HitResult;
    if (!Array.isArray(hit.ranges)) return null;
    ranges.push(...hit.ranges);
  }
  return ranges;
}

function rectsContain(range: AbstractRange, x: number, y: number): boolean {
  for (const rect of liveRange(range).getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * The mention painted at (x, y). The registry's hit test is exact; the caret can land on the nearest text even when
 * the pointer is in a margin or past the end of a line, so there a candidate counts only if the point really lies
 * inside one of its client rects.
 */
export function mentionAt(
  doc: Document,
  index: MentionIndex,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): Mention | null {
  const registry = doc.defaultView?.CSS?.highlights;
  // An empty answer is not trusted: Chromium 156 answers nothing at a device scale factor of 2 (200% zoom).
  for (const range of rangesFromPoint(registry, x, y, shadowRoots) ?? []) {
    const mention = index.at(range.startContainer).find((m) => m.range === range);
    if (mention) return mention;
  }
  const caret = caretFromPoint(doc, x, y, shadowRoots);
  if (!caret) return null;
  for (const mention of index.at(caret.node)) {
    if (rectsContain(mention.range, x, y)) return mention;
  }
  return null;
}
