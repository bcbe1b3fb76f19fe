// The one listener that runs before the first hover: keeps where the reader's pointer is and hit-tests it once a frame.
import type { Lifetime } from '../lifetime';

export interface PointerWatchOptions<T> {
  /** True for the card's host: events from inside the card reach the document retargeted to it. */
  isCard(target: EventTarget | null): boolean;
  /** What lies under the pointer at (x, y) of the viewport (a mention), or null. */
  hit(x: number, y: number): T | null;
  /** The pointer rests on the card. */
  onCard(): void;
  /** The pointer is over `hit`, or over nothing of ours (null). */
  onPage(hit: T | null): void;
}

/**
 * Until the first hover this costs a pointermove listener that stores three values and asks for a frame; the hit
 * test, which may lay the page out, runs at most once per frame, with the last position.
 */
export function watchPointer<T>(
  doc: Document,
  lifetime: Lifetime,
  options: PointerWatchOptions<T>,
): void {
  let x = 0;
  let y = 0;
  let onCard = false;
  let frame = 0;
  const report = (): void => {
    frame = 0;
    if (onCard) options.onCard();
    else options.onPage(options.hit(x, y));
  };
  doc.addEventListener(
    'pointermove',
    (event: PointerEvent) => {
      // Only the reader's own pointer: a page's synthetic events must not open cards it could then read.
      if (!event.isTrusted || event.pointerType === 'touch') return;
      x = event.clientX;
      y = event.clientY;
      onCard = options.isCard(event.target);
      if (!frame) frame = lifetime.requestAnimationFrame(report);
    },
    { passive: true, capture: true, signal: lifetime.signal },
  );
}
