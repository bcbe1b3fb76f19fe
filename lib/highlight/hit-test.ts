// Finds the mention under a pointer position: caret position first, then a check against the range's boxes.
import { liveRange, type Mention, type MentionIndex } from './mentions';

interface Caret {
  node: Node;
  offset: number;
}

/** caretPositionFromPoint (standard; Firefox, Chrome 128+) with caretRangeFromPoint as the fallback. */
export function caretFromPoint(doc: Document, x: number, y: number): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function rectsContain(range: AbstractRange, x: number, y: number): boolean {
  for (const rect of liveRange(range).getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * The caret can land on the nearest text even when the pointer is in a margin or past the end of a
 * line, so a candidate counts only if the point really lies inside one of its client rects.
 */
export function mentionAt(
  doc: Document,
  index: MentionIndex,
  x: number,
  y: number,
): Mention | null {
  const caret = caretFromPoint(doc, x, y);
  if (!caret) return null;
  for (const mention of index.at(caret.node)) {
    if (rectsContain(mention.range, x, y)) return mention;
  }
  return null;
}
