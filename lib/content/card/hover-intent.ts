// Hover intent for the card: decides when a card opens, switches and closes from where the pointer rests, and
// remembers how the shown card was opened. No DOM.

/** The timer functions the machine uses (window's in the page, fake ones in tests). */
export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(id: number): void;
}

/** How the shown card was opened: by the pointer resting on its mention, or from the keyboard (`openNow`). */
export type Opening = 'pointer' | 'keyboard';

/** The card shown now, and how it was opened. */
export interface Shown<T> {
  readonly target: T;
  readonly via: Opening;
}

export interface HoverIntentOptions<T> {
  /** How long the pointer must rest on a mention before its card opens (a quick pass opens nothing). */
  openDelay?: number;
  /** While a card is shown, how long the pointer must rest on another mention before the card switches to it. */
  switchDelay?: number;
  /** Grace period after the pointer leaves both the mention and the card. */
  closeDelay?: number;
  /** Called as soon as the pointer lands on a target that may open soon (lets the caller fetch its data early). */
  onCandidate?(target: T): void;
  onOpen(target: T, via: Opening): void;
  onClose(): void;
  /** Two hits on the same mention compare equal even if the caller hands out new objects; defaults to ===. */
  same?(a: T, b: T): boolean;
  timers?: Timers;
}

export const OPEN_DELAY = 300;
export const SWITCH_DELAY = 150;
export const CLOSE_DELAY = 200;

const windowTimers: Timers = {
  set: (callback, ms) => globalThis.setTimeout(callback, ms) as unknown as number,
  clear: (id) => globalThis.clearTimeout(id),
};

/**
 * What is shown. A keyboard card is sticky until the pointer reaches it (`held`), which only a keyboard card can
 * be; `closing` is the grace timer, which only a shown card can have.
 */
type ShownState<T> = (
  | { readonly target: T; readonly via: 'pointer' }
  | { readonly target: T; readonly via: 'keyboard'; held: boolean }
) & { closing: number | null };

/** A target the pointer rests on, due to open when its timer fires. */
interface Pending<T> {
  target: T;
  readonly timer: number;
}

/**
 * The pointer reports where it is (`pointerAt(target | null)`, `pointerOnCard()`); the machine keeps one card
 * shown at most and calls onOpen/onClose. A card opened from the keyboard (`openNow`) is sticky: pointer
 * movement elsewhere does not close it, only another mention under the pointer, `close()` or the caller.
 */
export class HoverIntent<T> {
  #shown: ShownState<T> | null = null;
  #pending: Pending<T> | null = null;
  readonly #options: HoverIntentOptions<T>;
  readonly #openDelay: number;
  readonly #switchDelay: number;
  readonly #closeDelay: number;
  readonly #timers: Timers;
  readonly #same: (a: T, b: T) => boolean;

  constructor(options: HoverIntentOptions<T>) {
    this.#options = options;
    this.#openDelay = options.openDelay ?? OPEN_DELAY;
    this.#switchDelay = options.switchDelay ?? SWITCH_DELAY;
    this.#closeDelay = options.closeDelay ?? CLOSE_DELAY;
    this.#timers = options.timers ?? windowTimers;
    this.#same = options.same ?? ((a, b) => a === b);
  }

  /** The card shown now and how it was opened, or null. */
  get current(): Shown<T> | null {
    return this.#shown;
  }

  /** The pointer is over `target` (a mention), or over nothing of ours (null). */
  pointerAt(target: T | null): void {
    if (target === null) {
      this.#cancelOpen();
      if (this.#shown !== null && !(this.#shown.via === 'keyboard' && this.#shown.held)) {
        this.#scheduleClose(this.#shown);
      }
      return;
    }
    if (this.#shown !== null && this.#same(target, this.#shown.target)) {
      this.#cancelOpen();
      this.#cancelClose();
      return;
    }
    // Resting on another mention: the shown card stays until the new one is due.
    this.#cancelClose();
    if (this.#pending !== null && this.#same(target, this.#pending.target)) {
      // The same mention, hit again: the newest hit stands for it (it may say where the pointer is now).
      this.#pending.target = target;
      return;
    }
    this.#cancelOpen();
    this.#options.onCandidate?.(target);
    const delay = this.#shown === null ? this.#openDelay : this.#switchDelay;
    const pending: Pending<T> = {
      target,
      timer: this.#timers.set(() => {
        this.#pending = null;
        this.#show({ target: pending.target, via: 'pointer', closing: null });
      }, delay),
    };
    this.#pending = pending;
  }

  /** The pointer is over the card: it stays open however long that takes. */
  pointerOnCard(): void {
    this.#cancelOpen();
    this.#cancelClose();
    // Reaching the card with the pointer makes a keyboard-opened card an ordinary hover card again.
    if (this.#shown?.via === 'keyboard') this.#shown.held = false;
  }

  /** Opens `target`'s card at once (keyboard path); it stays until closed or switched. */
  openNow(target: T): void {
    this.#cancelOpen();
    this.#cancelClose();
    this.#show({ target, via: 'keyboard', held: true, closing: null });
  }

  /** Closes the card at once (Esc, scroll, click outside, mute). */
  close(): void {
    this.#cancelOpen();
    this.#cancelClose();
    if (this.#shown === null) return;
    this.#shown = null;
    this.#options.onClose();
  }

  /** Stops every timer without calling back (teardown). */
  dispose(): void {
    this.#cancelOpen();
    this.#cancelClose();
    this.#shown = null;
  }

  #show(shown: ShownState<T>): void {
    this.#shown = shown;
    this.#options.onOpen(shown.target, shown.via);
  }

  #scheduleClose(shown: ShownState<T>): void {
    if (shown.closing !== null) return;
    shown.closing = this.#timers.set(() => {
      shown.closing = null;
      this.close();
    }, this.#closeDelay);
  }

  #cancelOpen(): void {
    if (this.#pending !== null) this.#timers.clear(this.#pending.timer);
    this.#pending = null;
  }

  #cancelClose(): void {
    const shown = this.#shown;
    if (shown === null || shown.closing === null) return;
    this.#timers.clear(shown.closing);
    shown.closing = null;
  }
}
