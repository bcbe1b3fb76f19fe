// Custom elements the page had not defined when they were scanned. Defining one later gives it its shadow root
// with no mutation a MutationObserver sees, so the hosts are looked at again: soon at first, then less often,
// until a minute after the last one was met (a page that never defines a tag costs a few look-ups, then none).
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;
const GIVE_UP_AFTER_MS = 60_000;

type Timers = Pick<Window, 'setTimeout' | 'clearTimeout'>;

export class LateHosts {
  readonly #hosts = new Set<Element>();
  #timer: number | undefined;
  #delay = FIRST_DELAY_MS;
  #waited = 0;

  readonly #timers: Timers;
  readonly #onShadowRoot: (root: ShadowRoot) => void;

  constructor(timers: Timers, onShadowRoot: (root: ShadowRoot) => void) {
    this.#timers = timers;
    this.#onShadowRoot = onShadowRoot;
  }

  add(host: Element): void {
    if (this.#hosts.has(host)) return;
    this.#hosts.add(host);
    this.#delay = FIRST_DELAY_MS;
    this.#waited = 0;
    this.#schedule();
  }

  /** Hands over the shadow roots that appeared; forgets hosts that left the page or were defined without one. */
  check(): void {
    for (const host of this.#hosts) {
      const shadow = host.shadowRoot;
      if (shadow || !host.isConnected || host.matches(':defined')) this.#hosts.delete(host);
      if (shadow && host.isConnected) this.#onShadowRoot(shadow);
    }
  }

  clear(): void {
    this.#hosts.clear();
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#hosts.size === 0) return;
    if (this.#waited >= GIVE_UP_AFTER_MS) {
      this.#hosts.clear();
      return;
    }
    const delay = this.#delay;
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = undefined;
      this.#waited += delay;
      this.#delay = Math.min(delay * 2, MAX_DELAY_MS);
      this.check();
      this.#schedule();
    }, delay);
  }
}
