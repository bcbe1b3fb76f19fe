// "Look up in Backstory": turns a selection into the side panel view that answers it.
import { compileMatcher, type Matcher } from '../match/matcher';
import type { DictionaryEntry, PanelTarget } from '../messaging';

/** A selection that names an entity lands on it; anything else becomes a search. */
export function lookupTarget(
  selection: string,
  dictionary: readonly DictionaryEntry[],
  matcher: Matcher = compileMatcher(dictionary),
): PanelTarget {
  const text = selection.trim().slice(0, 500);
  const first = matcher.find(text)[0];
  if (first) {
    const entry = dictionary[first.entity];
    if (entry) return { view: 'entity', entityId: entry.entityId };
  }
  return { view: 'search', query: text };
}
