// A long list shown a page at a time: the first items at once, the rest on request (a saved page may have 500 quotes).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface ShowMoreProps<T> {
  items: readonly T[];
  render(item: T, index: number): ComponentChildren;
  class?: string;
  /** How many are shown before "Show all". */
  first?: number;
}

export function ShowMore<T>({ items, render, class: className, first = 50 }: ShowMoreProps<T>) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, first);
  return (
    <>
      <ul class={className}>{shown.map(render)}</ul>
      {shown.length < items.length ? (
        <button type="button" class="link show-more" onClick={() => setAll(true)}>
          Show all {items.length} (another {items.length - shown.length})
        </button>
      ) : null}
    </>
  );
}
