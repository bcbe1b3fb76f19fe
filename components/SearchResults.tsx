// Search results over the whole knowledge base, as a listbox the search field steps through with the arrow keys.
import type { SearchHit } from '../lib/pages/search';
import { KindIcon } from './KindIcon';

export interface SearchResultsProps {
  /** What the reader typed. */
  query: string;
  /** The query `hits` answer: an older one while the typed one is `searching`. */
  hitsFor: string;
  searching: boolean;
  hits: SearchHit[];
  /** Index into `hits` of the option the keyboard is on (-1: none). */
  activeIndex: number;
  onOpen(hit: SearchHit): void;
}

export const SEARCH_LIST_ID = 'search-results';

export function searchOptionId(index: number): string {
  return `search-option-${index}`;
}

const SECTION_LABELS: Record<SearchHit['type'], string> = {
  entity: 'People, organizations and places',
  event: 'Events',
  quote: 'Quotes',
};

export function SearchResults(props: SearchResultsProps) {
  const { query, hitsFor, searching, hits, activeIndex, onOpen } = props;
  if (query.trim().length < 2) {
    return (
      <p class="muted search-hint">
        Type at least two letters. Names, other spellings, roles, quotes and events are searched;
        small typos are fine.
      </p>
    );
  }
  if (hits.length === 0) {
    if (searching) return <p class="muted search-hint">Searching…</p>;
    return (
      <div role="status" class="empty-state">
        <p class="empty-title">Nothing found for “{hitsFor.trim()}”</p>
        <p class="empty-text">Try another spelling or a shorter part of the name.</p>
      </div>
    );
  }
  return (
    <>
      <p role="status" class="visually-hidden">
        {hits.length} {hits.length === 1 ? 'result' : 'results'}
      </p>
      <div
        id={SEARCH_LIST_ID}
        role="listbox"
        aria-label="Search results"
        aria-busy={searching}
        data-query={hitsFor}
        class="search-results"
      >
        {hits.map((hit, index) => {
          const first = index === 0 || hits[index - 1]?.type !== hit.type;
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the search field handles the keys for the listbox (combobox pattern)
            <div
              key={`${hit.type}:${hitId(hit)}`}
              id={searchOptionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              class={`search-option${first ? ' section-start' : ''}`}
              data-section={first ? SECTION_LABELS[hit.type] : undefined}
              tabIndex={-1}
              onClick={() => onOpen(hit)}
            >
              <HitContent hit={hit} />
            </div>
          );
        })}
      </div>
    </>
  );
}

export function hitId(hit: SearchHit): string {
  if (hit.type === 'entity') return hit.entity.id;
  if (hit.type === 'event') return hit.event.id;
  return hit.quote.id;
}

function HitContent({ hit }: { hit: SearchHit }) {
  if (hit.type === 'entity') {
    const { entity, matched } = hit;
    return (
      <>
        <KindIcon kind={entity.kind} />
        <span class="hit-main">
          <span class="hit-title">{entity.name}</span>
          {matched !== entity.name ? <span class="hit-note"> · “{matched}”</span> : null}
          {entity.description ? <span class="hit-sub">{entity.description}</span> : null}
        </span>
      </>
    );
  }
  if (hit.type === 'event') {
    const { event } = hit;
    return (
      <>
        <KindIcon kind="event" />
        <span class="hit-main">
          <span class="hit-title">{event.title}</span>
          {event.when || event.where ? (
            <span class="hit-sub">{[event.when, event.where].filter(Boolean).join(' · ')}</span>
          ) : null}
        </span>
      </>
    );
  }
  const { quote } = hit;
  return (
    <>
      <KindIcon kind="other" />
      <span class="hit-main">
        <span class="hit-title">“{quote.text}”</span>
        <span class="hit-sub">— {quote.speaker ? quote.speaker.name : 'Unattributed'}</span>
      </span>
    </>
  );
}
