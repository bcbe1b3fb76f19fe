// Places the card next to its mention with floating-ui: never over the mention, always inside the viewport.
import {
  computePosition,
  flip,
  offset,
  type Platform,
  type Rect,
  shift,
  size,
} from '@floating-ui/core';

/**
 * floating-ui's engine (@floating-ui/core, the same computePosition and middleware @floating-ui/dom wraps) with
 * the one platform the card needs: a position:fixed element measured against the layout viewport. The DOM
 * platform of @floating-ui/dom walks offset parents and clipping ancestors for any element anywhere; the card is
 * always fixed in its own shadow root, so all of that is 7.1 KB the content script (80 KB budget) does not need
 * (content.js 87.9 KB with @floating-ui/dom's platform against 80.8 KB, measured 2026-12-03).
 */
export function viewportPlatform(doc: Document): Platform {
  const viewport = (): Rect => ({
    x: 0,
    y: 0,
    // clientWidth/Height: the viewport without its scrollbars, in CSS px (so browser zoom is already applied).
    width: doc.documentElement.clientWidth,
    height: doc.documentElement.clientHeight,
  });
  return {
    getElementRects: ({ reference, floating }) => {
      const box = (reference as VirtualElement).getBoundingClientRect();
      return {
        reference: { x: box.x, y: box.y, width: box.width, height: box.height },
        floating: { x: 0, y: 0, width: floating.offsetWidth, height: floating.offsetHeight },
      };
    },
    getDimensions: (element) => ({
      width: (element as HTMLElement).offsetWidth,
      height: (element as HTMLElement).offsetHeight,
    }),
    getClippingRect: viewport,
  };
}

/** What floating-ui needs of a reference: its box, read fresh on every computation. */
export interface VirtualElement {
  getBoundingClientRect(): Box;
}

/** Space kept between the card and the mention, and between the card and the viewport's edges. */
export const GAP = 8;
export const EDGE_PADDING = 8;

interface Point {
  x: number;
  y: number;
}

export type Box = Pick<
  DOMRect,
  'left' | 'top' | 'right' | 'bottom' | 'width' | 'height' | 'x' | 'y'
>;

/**
 * The box of a mention the card should stick to. A mention broken over two lines has two boxes. Across the line,
 * the box under (or nearest to) the pointer wins, so the card opens where the reader is looking (without a pointer,
 * as on the keyboard path, the first line). Along the page, the box spans every line of the mention: placed below
 * or above, the card then clears all of them, never covering the second line of a name. (floating-ui's inline()
 * does the horizontal half at 2 KB more in the content script.)
 */
export function anchorBox(range: Range, pointer?: Point): Box {
  const rects = Array.from(range.getClientRects()).filter(
    (rect) => rect.width > 0 || rect.height > 0,
  );
  if (rects.length === 0) return range.getBoundingClientRect();
  let best = rects[0] as DOMRect;
  let bestDistance = Number.POSITIVE_INFINITY;
  let top = best.top;
  let bottom = best.bottom;
  for (const rect of rects) {
    top = Math.min(top, rect.top);
    bottom = Math.max(bottom, rect.bottom);
    if (!pointer) continue;
    const dx = Math.max(rect.left - pointer.x, 0, pointer.x - rect.right);
    const dy = Math.max(rect.top - pointer.y, 0, pointer.y - rect.bottom);
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = rect;
      bestDistance = distance;
    }
  }
  const { left, right, width } = best;
  return { left, right, width, x: left, top, bottom, y: top, height: bottom - top };
}

/** A floating-ui reference made from a live Range. */
export function rangeReference(range: Range, pointer?: Point): VirtualElement {
  return { getBoundingClientRect: () => anchorBox(range, pointer) };
}

/** True when no part of the box is inside the viewport (the mention was scrolled away). */
export function isOutOfView(box: Box, viewport: { width: number; height: number }): boolean {
  return (
    box.bottom <= 0 || box.top >= viewport.height || box.right <= 0 || box.left >= viewport.width
  );
}

export interface Placement {
  x: number;
  y: number;
  /** Where the card ended up relative to the mention (after flipping). */
  side: 'top' | 'bottom' | 'left' | 'right';
  maxHeight: number;
  maxWidth: number;
}

/**
 * Computes where the card goes: below the mention first, flipping above (then beside) when there is no room;
 * shifted along the line to stay inside the viewport; capped in size so that, when no side has room for all of
 * it, the card scrolls inside itself instead of covering the mention. `strategy: 'fixed'`: the card is
 * position:fixed in its shadow root, so page scrolling and the page's positioned ancestors don't matter.
 */
export async function placeCard(
  range: Range,
  card: HTMLElement,
  pointer?: Point,
): Promise<Placement> {
  let maxHeight = Number.POSITIVE_INFINITY;
  let maxWidth = Number.POSITIVE_INFINITY;
  const result = await computePosition(rangeReference(range, pointer), card, {
    platform: viewportPlatform(card.ownerDocument),
    placement: 'bottom-start',
    strategy: 'fixed',
    middleware: [
      offset(GAP),
      // Flip on the vertical axis only: sideways overflow is shift's job (a card sticking out to the right must
      // move left, not jump beside a mention that has room below it).
      flip({
        padding: EDGE_PADDING,
        crossAxis: false,
        fallbackPlacements: ['top-start', 'right-start', 'left-start'],
      }),
      shift({ padding: EDGE_PADDING }),
      size({
        padding: EDGE_PADDING,
        apply({ availableHeight, availableWidth, elements }) {
          const floating = elements.floating as HTMLElement;
          maxHeight = Math.max(0, Math.floor(availableHeight));
          maxWidth = Math.max(0, Math.floor(availableWidth));
          // Applied here, not by the caller: floating-ui measures again and re-places the smaller card. Custom
          // properties, so the stylesheet combines them with its own limits (min(360px, var(--available-width))).
          floating.style.setProperty('--available-height', `${maxHeight}px`);
          floating.style.setProperty('--available-width', `${maxWidth}px`);
        },
      }),
    ],
  });
  return {
    x: Math.round(result.x),
    y: Math.round(result.y),
    side: result.placement.split('-')[0] as Placement['side'],
    maxHeight,
    maxWidth,
  };
}

/**
 * Places a source marker's sentence (a position: fixed tooltip) below the marker, or above it when the viewport
 * has no room below, shifted to stay inside the viewport. Fixed against the viewport, not absolute in the card:
 * the card scrolls, and a box inside it would be clipped at its edge.
 */
export async function placeSentence(marker: Element, sentence: HTMLElement): Promise<void> {
  const { x, y } = await computePosition(marker, sentence, {
    platform: viewportPlatform(sentence.ownerDocument),
    placement: 'bottom-start',
    strategy: 'fixed',
    // card.css bridges the gap (.source-sentence::before), so the pointer can move onto the sentence.
    middleware: [offset(4), flip({ padding: EDGE_PADDING }), shift({ padding: EDGE_PADDING })],
  });
  sentence.style.left = `${Math.round(x)}px`;
  sentence.style.top = `${Math.round(y)}px`;
}
