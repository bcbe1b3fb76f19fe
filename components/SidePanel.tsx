// The whole side panel: header (history, search, sections) and the current view. Data and actions come in as props.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageStatus } from '../lib/pages/followed-page';
import type { PanelView } from '../lib/pages/history';
import type { PanelKnowledge } from '../lib/pages/knowledge';
import type { EntityRef, PageGroup, SourceSpan } from '../lib/pages/models';
import type { ReviewChange } from '../lib/pages/review';
import type { SaveSession } from '../lib/pages/save-article';
import { flattenResults, type SearchHit } from '../lib/pages/search';
import { EmptyState } from './EmptyState';
import { type EntityOnPage, EntityView } from './EntityView';
import { EventView } from './EventView';
import { LibraryView, type LibraryViewProps } from './LibraryView';
import { MarkingNote } from './MarkingNote';
import { Notice, type NoticeTone } from './Notice';
import { PageEntityList } from './PageEntityList';
import { SaveView } from './SaveView';
import { SEARCH_LIST_ID, SearchResults, searchOptionId } from './SearchResults';
import { SourceView } from './SourceView';
import { useLoaded } from './use-loaded';

export interface FocusPosition {
  entityId: string;
  index: number;
  total: number;
  /** The passage (snippet) the reader clicked to get there, if that is how. */
  snippet?: number;
}

export interface SidePanelProps {
  knowledge: PanelKnowledge | null;
  /** Changes whenever the knowledge does: the view on show reads again. */
  knowledgeVersion: number;
  /** Why the knowledge base could not be loaded, if it could not. */
  knowledgeError?: string;
  view: PanelView;
  canGoBack: boolean;
  canGoForward: boolean;
  onBack(): void;
  onForward(): void;
  onNavigate(view: PanelView): void;
  /** The page in the followed tab (lib/pages/followed-page.ts), its entities grouped by kind. */
  page: PageStatus<PageGroup[]>;
  focusPosition: FocusPosition | null;
  /** Scroll the page to the entity's next mention (or the mention of its passage `snippet`) and flash it. */
  onShowOnPage(entityId: string, snippet?: number): void;
  /** Turn highlighting on for the page's site (or globally, when it is the global switch that is off). */
  onTurnOn(): void;
  /** "Save this article": where saving the followed tab's page stands (null: not started). */
  save: SaveSession | null;
  /** Reads the followed tab's page for review and shows the save view. */
  onSaveArticle(): void;
  onReviewChange(change: ReviewChange): void;
  /** Stores the reviewed article. */
  onSaveReviewed(): void;
  onDiscardReview(): void;
  /** Removes a saved article, everywhere (the source view's "Remove this article", confirmed). */
  onRemoveSaved(datasetId: string, title: string): void;
  /** What the last action did (a removal), shown above the view it left the reader on. */
  notice?: PanelNotice | null;
  /** What the library's buttons do. */
  library: Pick<LibraryViewProps, 'onDelete' | 'onUndoDelete' | 'onExport' | 'onImport'>;
  /** Merging an entity with one of another source, separating them, or saying they are not the same. */
  across: {
    merge(from: string, into: string): Promise<string | null>;
    unmerge(from: string): Promise<void>;
    notSame(a: string, b: string): Promise<void>;
  };
}

/** A short result shown at the top of the panel's view. */
export interface PanelNotice {
  tone: NoticeTone;
  title: string;
  text?: string;
  /** Takes the action back (a removal), offered as "Undo". */
  undo?: () => void;
}

export function SidePanel(props: SidePanelProps) {
  const { view, onNavigate, onBack, onForward, knowledge } = props;
  const main = useRef<HTMLElement | null>(null);
  const search = useRef<HTMLInputElement | null>(null);
  const [activeIndex, setActiveIndex] = useState(-1);
  const query = view.view === 'search' ? view.query : '';
  // Results are read from the store: each answer says which query it is for. Until the typed query's arrives,
  // the previous results stay on screen (no flicker while typing), marked busy, and Enter waits for the new ones.
  const [found, setFound] = useState<{ query: string; hits: SearchHit[] }>({
    query: '',
    hits: [],
  });
  const hits = found.hits;
  const searching = found.query !== query;
  const enterPending = useRef<string | null>(null);
  useEffect(() => {
    if (!knowledge || !query) {
      setFound({ query, hits: [] });
      return;
    }
    let live = true;
    // A slower answer for an older query is dropped.
    void knowledge
      .search(query)
      .then((results) => live && setFound({ query, hits: flattenResults(results) }));
    return () => {
      live = false;
    };
  }, [knowledge, query, props.knowledgeVersion]);
  useEffect(() => setActiveIndex(-1), [query]);

  // Enter pressed before the results of the typed query came: they have now.
  useEffect(() => {
    if (enterPending.current === null || enterPending.current !== found.query) return;
    enterPending.current = null;
    const hit = found.hits[0];
    if (hit) openHit(hit);
  }, [found]);

  // Alt+Left / Alt+Right go back and forward, as in a browser. Inside a text field they move the caret.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const target = event.target as HTMLElement | null;
      if (target?.tagName === 'INPUT' || target?.tagName === 'TEXTAREA') return;
      event.preventDefault();
      if (event.key === 'ArrowLeft') onBack();
      else onForward();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack, onForward]);

  // A new view moves focus to its heading, so keyboard and screen-reader users land on it (typing a search keeps focus).
  const viewKey = JSON.stringify(view);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (view.view === 'search' || view.view === 'source') return;
    if (document.activeElement === search.current) return;
    main.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: false });
    main.current?.scrollTo?.({ top: 0 });
  }, [viewKey]);

  // The keyboard's option stays in view as the arrows walk a list longer than the panel.
  useEffect(() => {
    if (activeIndex < 0) return;
    document.getElementById(searchOptionId(activeIndex))?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex]);

  const openHit = (hit: SearchHit) => {
    if (hit.type === 'entity') onNavigate({ view: 'entity', entityId: hit.entity.id });
    else if (hit.type === 'event') onNavigate({ view: 'event', eventId: hit.event.id });
    else if (hit.quote.speaker) onNavigate({ view: 'entity', entityId: hit.quote.speaker.id });
    else {
      // No speaker to open: the quote where the article says it.
      const { sourceId, start, end } = hit.quote.span;
      onNavigate({ view: 'source', sourceId, span: { start, end } });
    }
  };

  const onSearchKey = (event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => {
        const next = index + step;
        if (next >= hits.length) return 0;
        return next < 0 ? hits.length - 1 : next;
      });
    } else if (event.key === 'Enter') {
      if (searching) {
        // The results on screen answer an older query: open the first of the new ones when they come.
        event.preventDefault();
        enterPending.current = query;
        return;
      }
      const hit = hits[activeIndex] ?? (hits.length > 0 ? hits[0] : undefined);
      if (hit) {
        event.preventDefault();
        openHit(hit);
      }
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      onBack();
    }
  };

  return (
    <div class="panel">
      <header class="panel-header">
        <nav class="history-nav" aria-label="Panel history">
          <button
            type="button"
            class="icon-button"
            aria-label="Back"
            title="Back (Alt+Left)"
            aria-keyshortcuts="Alt+ArrowLeft"
            disabled={!props.canGoBack}
            onClick={onBack}
          >
            <span aria-hidden="true">←</span>
          </button>
          <button
            type="button"
            class="icon-button"
            aria-label="Forward"
            title="Forward (Alt+Right)"
            aria-keyshortcuts="Alt+ArrowRight"
            disabled={!props.canGoForward}
            onClick={onForward}
          >
            <span aria-hidden="true">→</span>
          </button>
          <button
            type="button"
            class="tab-button"
            aria-current={view.view === 'page' ? 'page' : undefined}
            onClick={() => onNavigate({ view: 'page' })}
          >
            On this page
          </button>
          <button
            type="button"
            class="tab-button"
            aria-current={view.view === 'library' ? 'page' : undefined}
            onClick={() => onNavigate({ view: 'library' })}
          >
            Library
          </button>
        </nav>
        <search class="search-box">
          <label for="search-input" class="visually-hidden">
            Search the knowledge base
          </label>
          <input
            ref={search}
            id="search-input"
            type="search"
            role="combobox"
            autocomplete="off"
            spellcheck={false}
            placeholder="Search people, places, quotes…"
            aria-autocomplete="list"
            aria-expanded={view.view === 'search' && hits.length > 0}
            aria-controls={SEARCH_LIST_ID}
            aria-activedescendant={activeIndex >= 0 ? searchOptionId(activeIndex) : undefined}
            value={query}
            disabled={!knowledge}
            onInput={(event) => {
              const text = event.currentTarget.value;
              onNavigate(text ? { view: 'search', query: text } : { view: 'page' });
            }}
            onKeyDown={onSearchKey}
          />
        </search>
      </header>
      <main class="panel-main" ref={main}>
        {props.notice ? (
          <Notice
            tone={props.notice.tone}
            title={props.notice.title}
            actions={
              props.notice.undo ? (
                <button type="button" onClick={props.notice.undo}>
                  Undo
                </button>
              ) : undefined
            }
          >
            {props.notice.text ? <p>{props.notice.text}</p> : null}
          </Notice>
        ) : null}
        <CurrentView
          {...props}
          hits={hits}
          hitsFor={found.query}
          searching={searching}
          activeIndex={activeIndex}
          onOpenHit={openHit}
        />
      </main>
    </div>
  );
}

interface CurrentViewProps extends SidePanelProps {
  hits: SearchHit[];
  /** The query `hits` answer (the typed one, or an older one while `searching`). */
  hitsFor: string;
  searching: boolean;
  activeIndex: number;
  onOpenHit(hit: SearchHit): void;
}

function CurrentView(props: CurrentViewProps) {
  const { view, knowledge, onNavigate } = props;
  if (props.knowledgeError) {
    return (
      <EmptyState title="The knowledge base could not be loaded">
        <p>{props.knowledgeError}</p>
      </EmptyState>
    );
  }
  if (view.view === 'page') return <PageView {...props} />;
  if (!knowledge) return <p class="muted">Loading the knowledge base…</p>;
  const openEntity = (entity: EntityRef) => onNavigate({ view: 'entity', entityId: entity.id });
  const openSource = (span: SourceSpan) =>
    onNavigate({
      view: 'source',
      sourceId: span.sourceId,
      span: { start: span.start, end: span.end },
    });
  if (view.view === 'search') {
    return (
      <section aria-labelledby="search-heading">
        <h1 id="search-heading" class="view-heading visually-hidden">
          Search results
        </h1>
        <SearchResults
          query={view.query}
          hitsFor={props.hitsFor}
          searching={props.searching}
          hits={props.hits}
          activeIndex={props.activeIndex}
          onOpen={props.onOpenHit}
        />
      </section>
    );
  }
  if (view.view === 'entity') {
    return (
      <EntityPane
        {...props}
        knowledge={knowledge}
        entityId={view.entityId}
        openEntity={openEntity}
        openSource={openSource}
      />
    );
  }
  if (view.view === 'event') {
    const { eventId } = view;
    return (
      <Pane
        key="event"
        what="event"
        load={() => knowledge.event(eventId)}
        inputs={[knowledge, eventId, props.knowledgeVersion]}
        render={(event) => (
          <EventView event={event} onOpenEntity={openEntity} onOpenSource={openSource} />
        )}
      />
    );
  }
  if (view.view === 'save') {
    return (
      <SaveView
        session={props.save}
        onStart={props.onSaveArticle}
        onChange={props.onReviewChange}
        onSave={props.onSaveReviewed}
        onDiscard={props.onDiscardReview}
        onOpenSource={(sourceId) => onNavigate({ view: 'source', sourceId })}
        onShowPage={() => onNavigate({ view: 'page' })}
      />
    );
  }
  if (view.view === 'library') {
    return (
      <Pane
        key="library"
        what="library"
        load={() => knowledge.library()}
        inputs={[knowledge, props.knowledgeVersion]}
        render={(entries) => (
          <LibraryView
            entries={entries}
            onOpen={(entry) =>
              entry.sourceId && onNavigate({ view: 'source', sourceId: entry.sourceId })
            }
            {...props.library}
          />
        )}
      />
    );
  }
  const { sourceId, span } = view;
  return (
    <Pane
      key="article"
      what="article"
      load={() => knowledge.source(sourceId, span)}
      inputs={[knowledge, sourceId, span?.start, span?.end, props.knowledgeVersion]}
      render={(source) => <SourceView source={source} onRemove={props.onRemoveSaved} />}
    />
  );
}

/**
 * A view of one item read from the knowledge: loading, the item, or why it is not there. Each kind of view renders
 * it with its own `key`, so moving to a view of another kind starts from nothing rather than from the value read
 * for the other (an event's value shown as an article).
 */
function Pane<T>(props: {
  what: string;
  load: () => Promise<T | undefined>;
  inputs: readonly unknown[];
  render: (value: T) => JSX.Element;
}) {
  const loaded = useLoaded(props.load, props.inputs);
  if (loaded.status === 'loading') return <p class="muted">Loading…</p>;
  if (loaded.status === 'failed') {
    return (
      <EmptyState title={`This ${props.what} could not be read`}>
        <p>{loaded.error}</p>
      </EmptyState>
    );
  }
  if (loaded.value === undefined) return <NotFound what={props.what} />;
  return props.render(loaded.value);
}

function EntityPane(
  props: CurrentViewProps & {
    knowledge: PanelKnowledge;
    entityId: string;
    openEntity(entity: EntityRef): void;
    openSource(span: SourceSpan): void;
  },
) {
  const { knowledge, entityId, page, onNavigate } = props;
  return (
    <Pane
      key="entity"
      what="entity"
      load={() => knowledge.entity(entityId)}
      inputs={[knowledge, entityId, props.knowledgeVersion]}
      render={(entity) => {
        const position =
          props.focusPosition && props.focusPosition.entityId === entity.id
            ? props.focusPosition
            : null;
        return (
          <EntityView
            entity={entity}
            onPage={entityOnPage(page, entity.id)}
            pagePosition={position}
            onShowOnPage={props.onShowOnPage}
            onTurnOn={props.onTurnOn}
            onOpenEntity={props.openEntity}
            onOpenEvent={(eventId) => onNavigate({ view: 'event', eventId })}
            onOpenSource={props.openSource}
            across={{
              onMerge: (other) => props.across.merge(other.id, entity.id),
              onUnmerge: (other) => props.across.unmerge(other.id),
              onNotSame: (other) => props.across.notSame(entity.id, other.id),
            }}
          />
        );
      }}
    />
  );
}

/** What the page in the followed tab says about one entity, for its view. */
function entityOnPage(page: PageStatus<PageGroup[]>, entityId: string): EntityOnPage {
  switch (page.status) {
    case 'ready':
      return {
        status: 'ready',
        mentions: page.found
          .flatMap((group) => group.entities)
          .find((other) => other.id === entityId),
      };
    case 'off':
      return { status: 'off', host: page.host, globalOff: page.globalOff };
    case 'unreachable':
      // Without a hostname it may as well be a browser page.
      return { status: page.host ? 'unreachable' : 'restricted' };
    default:
      return { status: page.status };
  }
}

function NotFound({ what }: { what: string }) {
  return (
    <EmptyState title={`This ${what} is no longer in the knowledge base`}>
      <p>A dataset may have been removed or turned off in the options.</p>
    </EmptyState>
  );
}

function PageView(props: CurrentViewProps) {
  const { page, onNavigate } = props;
  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading" class="view-heading" tabIndex={-1}>
        On this page
        {'host' in page && page.host ? <span class="host"> · {page.host}</span> : null}
      </h1>
      {canSave(page) ? (
        <div class="page-actions">
          <button type="button" onClick={props.onSaveArticle}>
            Save this article
          </button>
        </div>
      ) : null}
      <PageBody
        {...props}
        onDetails={(entity) => onNavigate({ view: 'entity', entityId: entity.id })}
      />
    </section>
  );
}

/** Whether the page may be an article to save: a web page (highlighting off or not), not one no extension may read. */
function canSave(page: PageStatus<PageGroup[]>): boolean {
  if (page.status === 'restricted' || page.status === 'loading') return false;
  return page.status !== 'unreachable' || page.host !== null;
}

function PageBody(props: CurrentViewProps & { onDetails(entity: EntityRef): void }) {
  const { page } = props;
  switch (page.status) {
    case 'loading':
      return <p class="muted">Reading the page…</p>;
    case 'restricted':
      return (
        <EmptyState title="Backstory can’t run on this page">
          <p>
            Browser pages, PDFs and extension stores don’t allow extensions to read them. Open a
            news article to see who and what it mentions.
          </p>
        </EmptyState>
      );
    case 'unreachable':
      // Without a hostname the page may as well be a browser page: say both, honestly.
      return page.host ? (
        <EmptyState title="This page hasn’t been read yet">
          <p>
            It may still be loading, or it was open before Backstory was installed or updated.
            Reload the tab to read it.
          </p>
        </EmptyState>
      ) : (
        <EmptyState title="Backstory can’t read this page">
          <p>
            Browser pages, PDFs and extension stores don’t allow extensions to read them. If this is
            a web page, it may still be loading, or it was open before Backstory was installed:
            reload it.
          </p>
        </EmptyState>
      );
    case 'off':
      return (
        <EmptyState
          title={
            page.globalOff
              ? 'Highlighting is off everywhere'
              : `Highlighting is off on ${page.host ?? 'this site'}`
          }
          action={
            <button type="button" class="primary" onClick={props.onTurnOn}>
              {page.globalOff ? 'Turn Backstory on' : `Turn on for ${page.host ?? 'this site'}`}
            </button>
          }
        >
          <p>Turn it on to see who and what this page mentions.</p>
        </EmptyState>
      );
    case 'ready':
      if (page.found.length === 0) {
        return (
          <EmptyState title="Nothing from the knowledge base on this page">
            <p>
              No person, organization or place that Backstory knows is named{' '}
              {page.marking.scope === 'article' ? 'in its article' : 'here'}. Search to look someone
              up anyway.
            </p>
          </EmptyState>
        );
      }
      return (
        <>
          <PageEntityList
            groups={page.found}
            actionTitle="Show the next mention on the page"
            position={props.focusPosition}
            onSelect={(entity) => props.onShowOnPage(entity.id)}
            onDetails={props.onDetails}
          />
          <MarkingNote marking={page.marking} />
        </>
      );
  }
}
