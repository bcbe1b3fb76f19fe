// The side panel's back/forward history: which views the reader went through, like a browser tab's history.

/** One screen of the side panel. */
export type PanelView =
  | { view: 'page' }
  | { view: 'entity'; entityId: string }
  | { view: 'event'; eventId: string }
  | { view: 'search'; query: string }
  /** Every source the reader has: saved articles, imported datasets, the bundled article. */
  | { view: 'library' }
  /** "Save this article": the review of the page being saved (the session lives in the panel, not the history). */
  | { view: 'save' }
  /** `span` is the part of the source (a fact's sentence) to scroll to and emphasise. */
  | { view: 'source'; sourceId: string; span?: { start: number; end: number } };

export interface ViewHistory {
  readonly entries: readonly PanelView[];
  readonly index: number;
}

/** Enough to go back through a long reading session without growing without bound. */
export const MAX_ENTRIES = 100;

export function startHistory(view: PanelView): ViewHistory {
  return { entries: [view], index: 0 };
}

export function currentView(history: ViewHistory): PanelView {
  // index always points into entries: every function here keeps it so.
  return history.entries[history.index] as PanelView;
}

export function sameView(a: PanelView, b: PanelView): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Goes to `view`, dropping whatever was forward of the current entry (as a browser does). Going to
 * the view already shown changes nothing; a new search query replaces the search being typed, so
 * each keystroke does not become a step back.
 */
export function navigate(history: ViewHistory, view: PanelView): ViewHistory {
  const current = currentView(history);
  if (sameView(current, view)) return history;
  const kept = history.entries.slice(0, history.index + 1);
  if (current.view === 'search' && view.view === 'search') {
    kept[kept.length - 1] = view;
    return { entries: kept, index: kept.length - 1 };
  }
  kept.push(view);
  const overflow = Math.max(0, kept.length - MAX_ENTRIES);
  const entries = kept.slice(overflow);
  return { entries, index: entries.length - 1 };
}

export function canGoBack(history: ViewHistory): boolean {
  return history.index > 0;
}

export function canGoForward(history: ViewHistory): boolean {
  return history.index < history.entries.length - 1;
}

export function goBack(history: ViewHistory): ViewHistory {
  return canGoBack(history) ? { ...history, index: history.index - 1 } : history;
}

export function goForward(history: ViewHistory): ViewHistory {
  return canGoForward(history) ? { ...history, index: history.index + 1 } : history;
}
