// Hover intent for the card: decides when a card opens, switches and closes from where the pointer rests. No DOM.

/** The timer functions the machine uses (window's in the page, fake ones in tests). */
export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(id: number): void;
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
  onOpen(target: T): void;
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
 * The pointer reports where it is (`pointerAt(target | null)`, `pointerOnCard()`); the machine keeps one card
 * shown at most and calls onOpen/onClose. A card opened from the keyboard (`openNow`) is sticky: pointer
 * movement elsewhere does not close it, only another mention under the pointer, `close()` or the caller.
 */
export class HoverIntent<T> {
  private shown: T | null = null;
  private sticky = false;
  private pending: T | null = null;
  private openTimer: number | null = null;
  private closeTimer: number | null = null;
  private readonly openDelay: number;
  private readonly switchDelay: number;
  private readonly closeDelay: number;
  private readonly timers: Timers;
  private readonly same: (a: T, b: T) => boolean;

  constructor(private readonly options: HoverIntentOptions<T>) {
    this.openDelay = options.openDelay ?? OPEN_DELAY;
    this.switchDelay = options.switchDelay ?? SWITCH_DELAY;
    this.closeDelay = options.closeDelay ?? CLOSE_DELAY;
    this.timers = options.timers ?? windowTimers;
    this.same = options.same ?? ((a, b) => a === b);
  }

  /** The target whose card is shown, or null. */
  get current(): T | null {
    return this.shown;
  }

  /** True while a timer is running (the caller keeps listening to the pointer closely only then or while shown). */
  get busy(): boolean {
    return this.openTimer !== null || this.closeTimer !== null;
  }

  /** The pointer is over `target` (a mention), or over nothing of ours (null). */
  pointerAt(target: T | null): void {
    if (target === null) {
      this.cancelOpen();
      if (this.shown !== null && !this.sticky) this.scheduleClose();
      return;
    }
    if (this.shown !== null && this.same(target, this.shown)) {
      this.cancelOpen();
      this.cancelClose();
      return;
    }
    // Resting on another mention: the shown card stays until the new one is due.
    this.cancelClose();
    if (this.pending !== null && this.same(target, this.pending)) return;
    this.cancelOpen();
    this.pending = target;
    this.options.onCandidate?.(target);
    const delay = this.shown === null ? this.openDelay : this.switchDelay;
    this.openTimer = this.timers.set(() => {
      this.openTimer = null;
      this.pending = null;
      this.show(target, false);
    }, delay);
  }

  /** The pointer is over the card: it stays open however long that takes. */
  pointerOnCard(): void {
    this.cancelOpen();
    this.cancelClose();
    // Reaching the card with the pointer makes a keyboard-opened card an ordinary hover card again.
    this.sticky = false;
  }

  /** Opens `target`'s card at once (keyboard path); it stays until closed or switched. */
  openNow(target: T): void {
    this.cancelOpen();
    this.cancelClose();
    this.show(target, true);
  }

  /** Closes the card at once (Esc, scroll, click outside, mute). */
  close(): void {
    this.cancelOpen();
    this.cancelClose();
    if (this.shown === null) return;
    this.shown = null;
    this.sticky = false;
    this.options.onClose();
  }

  /** Stops every timer without calling back (teardown). */
  dispose(): void {
    this.cancelOpen();
    this.cancelClose();
    this.shown = null;
  }

  private show(target: T, sticky: boolean): void {
    this.shown = target;
    this.sticky = sticky;
    this.options.onOpen(target);
  }

  private scheduleClose(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = this.timers.set(() => {
      this.closeTimer = null;
      this.close();
    }, this.closeDelay);
  }

  private cancelOpen(): void {
    if (this.openTimer !== null) this.timers.clear(this.openTimer);
    this.openTimer = null;
    this.pending = null;
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) this.timers.clear(this.closeTimer);
    this.closeTimer = null;
  }
}
