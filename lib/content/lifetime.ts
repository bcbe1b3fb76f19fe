// What content-script code needs of WXT's ContentScriptContext: timers, frames and listeners that stop when the
// extension is reloaded or removed. The context itself in the product; window's timers and an AbortSignal in tests.
export interface Lifetime {
  /** Aborted when the content script is invalidated: pass it to addEventListener to end a listener with it. */
  readonly signal: AbortSignal;
  /** A timeout that never fires after invalidation. */
  setTimeout(handler: () => void, ms: number): number;
  /** An animation frame that never runs after invalidation. */
  requestAnimationFrame(callback: FrameRequestCallback): number;
}
