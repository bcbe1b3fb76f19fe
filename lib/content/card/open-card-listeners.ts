// Listeners that exist only while a card is shown: what closes it, what places it again, and its source sentences.
import { placeSentence } from './position';

export interface OpenCard {
  /** The card's shadow host: a press on it is a press inside the card. */
  readonly host: HTMLElement;
  /** The card's root element, inside the shadow root. */
  readonly card: HTMLElement;
  /** The mention the card is about: a scroll of a box holding it carries it away. */
  readonly mention: AbstractRange;
}

export interface OpenCardEvents {
  /** True while the card was opened from the keyboard: it follows its mention and ignores the pointer leaving. */
  fromKeyboard(): boolean;
  /** Esc, a press outside the card, or a scroll that carries a hover card's mention away. */
  close(): void;
  /** The pointer left the window: no pointermove will say so. */
  pointerLeft(): void;
  /** The card, the viewport or a keyboard card's mention moved or changed size. */
  placeAgain(): void;
}

/** Listens until `signal` aborts (the card closed, or the next one replaced it). */
export function listenWhileOpen(open: OpenCard, events: OpenCardEvents, signal: AbortSignal): void {
  const doc = open.host.ownerDocument;
  const win = doc.defaultView ?? window;
  const options = { capture: true, passive: true, signal };
  win.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape') events.close();
    },
    options,
  );
  win.addEventListener(
    'pointerdown',
    (event) => {
      // Events from inside the shadow root reach the window retargeted to the host.
      if (event.isTrusted && event.target !== open.host) events.close();
    },
    options,
  );
  win.addEventListener(
    'scroll',
    (event) => {
      // A keyboard-opened card follows its mention (the keyboard path itself scrolls it into view);
      // a hover card closes when the page, or the box the mention sits in, scrolls.
      if (events.fromKeyboard()) return events.placeAgain();
      const target = event.target;
      if (
        target === doc ||
        (target instanceof Node && target.contains(open.mention.startContainer))
      ) {
        events.close();
      }
    },
    options,
  );
  win.addEventListener('resize', () => events.placeAgain(), options);
  doc.addEventListener(
    'pointerout',
    (event) => {
      if (event.relatedTarget === null && !events.fromKeyboard()) events.pointerLeft();
    },
    options,
  );
  // A marker's sentence is a fixed tooltip: placed when the marker is hovered or focused, before it shows.
  const reveal = (event: Event) => {
    const marker = (event.target as Element).closest('.source-marker');
    const sentence = marker?.nextElementSibling;
    if (sentence instanceof HTMLElement) void placeSentence(marker as Element, sentence);
  };
  open.card.addEventListener('pointerover', reveal, options);
  open.card.addEventListener('focusin', reveal, options);
  // The card changes size when its content does (and when the size cap applies): place it again.
  const resize = new ResizeObserver(() => events.placeAgain());
  resize.observe(open.card);
  signal.addEventListener('abort', () => resize.disconnect(), { once: true });
}
