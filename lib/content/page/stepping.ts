// Keyboard stepping through a page's mentions (all of them, or one entity's), cycling at the ends, the mention
// stepped to brought into view and held by the focus highlight.
import type { FocusRequest, FocusResult } from '../../shared/messaging';
import { liveRange, type Mention } from '../highlight/mentions';

export interface Step {
  result: FocusResult;
  mention: Mention | null;
}

export class Stepper {
  #focused: Mention | null = null;
  /** Where stepping through all mentions is (-1: not started). */
  #cursor = -1;
  readonly #entityCursors = new Map<string, number>();
  readonly #setFocus: (range: AbstractRange | null) => void;

  /** `setFocus` paints the focus highlight (Highlighter.setFocus). */
  constructor(setFocus: (range: AbstractRange | null) => void) {
    this.#setFocus = setFocus;
  }

  get focused(): Mention | null {
    return this.#focused;
  }

  /**
   * Steps to the next/previous mention of `all` (document order, muted ones left out), or to a snippet's mention:
   * `scanOrder` is the order summary() listed the snippets in.
   */
  step(request: FocusRequest, all: readonly Mention[], scanOrder: Iterable<Mention>): Step {
    const key = request.entityId;
    const pool = key ? all.filter((m) => m.entityId === key) : all;
    if (pool.length === 0) return { result: { found: false }, mention: null };
    const current = key ? (this.#entityCursors.get(key) ?? -1) : this.#cursor;
    // A snippet's mention (listed in scan order), found in document order.
    const picked =
      key && request.index !== undefined
        ? pool.indexOf([...scanOrder].filter((m) => m.entityId === key)[request.index] as Mention)
        : -1;
    const next =
      picked >= 0
        ? picked
        : current < 0 && request.direction < 0
          ? pool.length - 1
          : (current + request.direction + pool.length) % pool.length;
    if (key) this.#entityCursors.set(key, next);
    else this.#cursor = next;
    const mention = pool[next] ?? null;
    this.#focus(mention);
    if (mention) scrollIntoView(mention.range);
    return { result: { found: true, index: next, total: pool.length }, mention };
  }

  /** The mention went (its text changed, left the page or was muted): it loses the focus highlight if it had it. */
  release(mention: Mention): void {
    if (mention === this.#focused) this.#focus(null);
  }

  /** No mention focused (the page was switched off). */
  clear(): void {
    this.#focus(null);
  }

  #focus(mention: Mention | null): void {
    this.#focused = mention;
    this.#setFocus(mention?.range ?? null);
  }
}

/**
 * Brings a mention into view: its element first (that scrolls any box it sits in), then the window by what is left,
 * since in an element taller than the viewport, centring the element can leave the name itself out of view.
 */
function scrollIntoView(range: AbstractRange): void {
  const element =
    range.startContainer.nodeType === 1
      ? (range.startContainer as Element)
      : range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
  const view = element?.ownerDocument.defaultView;
  if (!view) return;
  const box = liveRange(range).getBoundingClientRect();
  if (box.top < 0 || box.bottom > view.innerHeight) {
    view.scrollBy({ top: box.top + box.height / 2 - view.innerHeight / 2, behavior: 'instant' });
  }
}
