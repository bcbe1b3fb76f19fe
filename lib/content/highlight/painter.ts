// Paints only the mentions near the viewport: the browser's cost of a highlight change grows with every range registered.
import type { Highlighter } from './highlighter';
import type { Mention } from './mentions';

/**
 * Why a window: Chromium re-validates the markers of every registered range whenever a highlight
 * changes, so a frame after adding one range to 42,000 took 1.5 s (measured on the 1 MB dense page),
 * while the same change with a few hundred registered takes well under a millisecond. Mentions are
 * grouped by the element holding their text; an IntersectionObserver (native, off the main thread's
 * scripting path) says which of those elements are within this margin of the viewport.
 */
const WINDOW_MARGIN = '150% 0px 150% 0px';

export class WindowedPainter {
  readonly #byElement = new Map<Element, Set<Mention>>();
  readonly #near = new Set<Element>();
  /** Where each mention was filed (its text may move before it is deleted). */
  readonly #filedUnder = new WeakMap<Mention, Element>();
  readonly #observer: IntersectionObserver | null;
  #muted: ReadonlySet<string> = new Set();

  readonly #highlighter: Highlighter;
  readonly #view: Window & typeof globalThis;

  constructor(highlighter: Highlighter, view: Window & typeof globalThis) {
    this.#highlighter = highlighter;
    this.#view = view;
    this.#observer =
      typeof view.IntersectionObserver === 'function'
        ? new view.IntersectionObserver((entries) => this.#onIntersect(entries), {
            rootMargin: WINDOW_MARGIN,
          })
        : null;
  }

  add(mention: Mention): void {
    const element = holder(mention);
    if (element) this.#file(mention, element);
  }

  #file(mention: Mention, element: Element): void {
    this.#filedUnder.set(mention, element);
    let group = this.#byElement.get(element);
    if (!group) {
      group = new Set();
      this.#byElement.set(element, group);
      this.#observer?.observe(element);
    }
    group.add(mention);
    if (!this.#observer || this.#near.has(element)) this.#paint(mention);
  }

  delete(mention: Mention): void {
    this.#highlighter.delete(mention.kind, mention.range);
    const element = this.#filedUnder.get(mention);
    const group = element && this.#byElement.get(element);
    if (!element || !group) return;
    group.delete(mention);
    if (group.size === 0) {
      this.#byElement.delete(element);
      this.#near.delete(element);
      this.#observer?.unobserve(element);
    }
  }

  setMuted(muted: ReadonlySet<string>): void {
    this.#muted = muted;
    this.#highlighter.clear();
    for (const element of this.#observer ? this.#near : this.#byElement.keys()) {
      for (const mention of this.#byElement.get(element) ?? []) this.#paint(mention);
    }
  }

  clear(): void {
    this.#observer?.disconnect();
    this.#byElement.clear();
    this.#near.clear();
    this.#highlighter.clear();
  }

  #paint(mention: Mention): void {
    if (!this.#muted.has(mention.entityId)) this.#highlighter.add(mention.kind, mention.range);
  }

  #onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const group = this.#byElement.get(entry.target);
      if (!group) continue;
      if (!entry.isIntersecting && isBoxless(entry) && this.#refile(entry.target, group)) continue;
      if (entry.isIntersecting) {
        if (this.#near.has(entry.target)) continue;
        this.#near.add(entry.target);
        for (const mention of group) this.#paint(mention);
      } else if (this.#near.delete(entry.target)) {
        for (const mention of group) this.#highlighter.delete(mention.kind, mention.range);
      }
    }
  }

  /**
   * A display: contents holder has no box, so the observer never sees it near: its mentions move to the nearest
   * ancestor that has one. Only asked for holders reported without a box, so styles stay off the common path.
   */
  #refile(element: Element, group: Set<Mention>): boolean {
    let boxed: Element | null = element;
    while (boxed && this.#view.getComputedStyle(boxed).display === 'contents')
      boxed = boxed.parentElement;
    if (!boxed || boxed === element) return false;
    this.#byElement.delete(element);
    this.#near.delete(element);
    this.#observer?.unobserve(element);
    for (const mention of group) this.#file(mention, boxed);
    return true;
  }
}

function isBoxless(entry: IntersectionObserverEntry): boolean {
  return entry.boundingClientRect.width === 0 && entry.boundingClientRect.height === 0;
}

/** The element whose box stands for the mention: the parent of its first text node. */
function holder(mention: Mention): Element | null {
  return mention.range.startContainer.parentElement;
}
