// Places the card next to its mention with @floating-ui/dom: never over the mention, always inside the viewport.
import {
  computePosition,
  flip,
  hide,
  inline,
  type Middleware,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';

/** Space kept between the card and the mention, and between the card and the viewport's edges. */
export const GAP = 8;
export const EDGE_PADDING = 8;

/** A floating-ui reference made from a live Range: its boxes are read fresh on every computation. */
export function rangeReference(range: Range): VirtualElement {
  const parent = range.commonAncestorContainer;
  const contextElement = parent instanceof Element ? parent : (parent.parentElement ?? undefined);
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement,
  };
}

export interface Placement {
  x: number;
  y: number;
  /** Where the card ended up relative to the mention (after flipping). */
  side: 'top' | 'bottom' | 'left' | 'right';
  /** Set when the mention is scrolled out of view (the card hides rather than float over unrelated text). */
  referenceHidden: boolean;
  maxHeight: number;
  maxWidth: number;
}

/**
 * Computes where the card goes. A mention broken over two lines is a set of boxes; `pointer` picks the one the
 * pointer rests on (inline()). Below first, flipping above (then beside) when there is no room; shifted along
 * the line to stay inside the viewport; capped in size so that, even when neither side has room, the card
 * scrolls inside itself instead of covering the mention.
 */
export async function placeCard(
  range: Range,
  card: HTMLElement,
  pointer?: { x: number; y: number },
): Promise<Placement> {
  let maxHeight = Number.POSITIVE_INFINITY;
  let maxWidth = Number.POSITIVE_INFINITY;
  const middleware: Middleware[] = [
    inline(pointer),
    offset(GAP),
    flip({ padding: EDGE_PADDING, fallbackPlacements: ['top-start', 'right-start', 'left-start'] }),
    shift({ padding: EDGE_PADDING }),
    size({
      padding: EDGE_PADDING,
      apply({ availableHeight, availableWidth, elements }) {
        maxHeight = Math.max(0, Math.floor(availableHeight));
        maxWidth = Math.max(0, Math.floor(availableWidth));
        // Applied here, not by the caller: floating-ui measures again and re-places the smaller card. Custom
        // properties, so the stylesheet can combine them with its own limits (min(360px, var(--available-width))).
        elements.floating.style.setProperty('--available-height', `${maxHeight}px`);
        elements.floating.style.setProperty('--available-width', `${maxWidth}px`);
      },
    }),
    hide({ strategy: 'referenceHidden' }),
  ];
  const result = await computePosition(rangeReference(range), card, {
    placement: 'bottom-start',
    strategy: 'fixed',
    middleware,
  });
  const side = result.placement.split('-')[0] as Placement['side'];
  return {
    x: Math.round(result.x),
    y: Math.round(result.y),
    side,
    referenceHidden: result.middlewareData.hide?.referenceHidden === true,
    maxHeight,
    maxWidth,
  };
}
