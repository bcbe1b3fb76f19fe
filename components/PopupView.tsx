// The toolbar popup: this site's switch, the global switch, what the page mentions, muted entities, the way to more.
import { useState } from 'preact/hooks';
import type { PageStatus } from '../lib/pages/followed-page';
import type { EntityRef, PageGroup } from '../lib/pages/models';
import type { Marking } from '../lib/shared/marking';
import { EmptyState } from './EmptyState';
import { MarkingChoice } from './MarkingChoice';
import { MarkingNote } from './MarkingNote';
import { Notice } from './Notice';
import { PageEntityList } from './PageEntityList';
import { Switch } from './Switch';

export interface PopupViewProps {
  /** The page in the followed tab (lib/pages/followed-page.ts), its entities grouped by kind. */
  page: PageStatus<PageGroup[]>;
  globalOn: boolean;
  /** Whether the page's site is highlighted when the global switch is on. */
  siteOn: boolean;
  /** How much the page's site is marked: its own choice (`markingOwn`) or the default. */
  marking: Marking;
  markingOwn: boolean;
  muted: EntityRef[];
  /** How many stored values could not be read and were set aside (kept for export in options). */
  setAside?: number;
  onSiteChange(on: boolean): void;
  /** A choice for this site only. */
  onMarkingChange(patch: Partial<Marking>): void;
  /** The site follows the default again. */
  onMarkingDefault(): void;
  onGlobalChange(on: boolean): void;
  onOpenEntity(entity: EntityRef): void;
  onOpenPanel(): void;
  /** "Save this article": opens the side panel on the review of this page. */
  onSaveArticle(): void;
  onOpenOptions(): void;
  onUnmute(entity: EntityRef): void;
  onMute(entity: EntityRef): void;
}

export function PopupView(props: PopupViewProps) {
  const { page, globalOn, siteOn } = props;
  const [unmuted, setUnmuted] = useState<EntityRef | null>(null);
  const host = 'host' in page ? page.host : null;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1 class="popup-title">Backstory</h1>
        {host ? <p class="host">{host}</p> : null}
      </header>

      {props.setAside ? (
        <Notice
          tone="warning"
          title="Some saved data could not be read"
          actions={
            <button type="button" class="link" onClick={props.onOpenOptions}>
              Review in options
            </button>
          }
        >
          <p>
            It was set aside, not deleted; meanwhile Backstory uses defaults or leaves it out.
            Options can export it.
          </p>
        </Notice>
      ) : null}

      <section class="popup-section" aria-label="Highlighting">
        {page.status === 'restricted' || (page.status === 'unreachable' && !page.host) ? (
          <Notice tone="info" title="Backstory can’t run on this page">
            <p>
              Browser pages, PDFs and extension stores don’t allow extensions to read them, so there
              is nothing to highlight here.
              {page.status === 'unreachable'
                ? ' If this is a web page, it may still be loading, or it was open before Backstory was installed: reload it.'
                : ''}
            </p>
          </Notice>
        ) : page.status === 'loading' ? (
          <p class="muted">Reading the page…</p>
        ) : host ? (
          <>
            <Switch
              id="site-switch"
              label="Highlight on this site"
              checked={siteOn}
              disabled={!globalOn}
              hint={globalOn ? undefined : 'Turn Backstory on to choose per site.'}
              onChange={props.onSiteChange}
            />
            <MarkingChoice
              id="site-marking"
              value={props.marking}
              disabled={!globalOn || !siteOn}
              onChange={props.onMarkingChange}
            />
            <p class="hint marking-source">
              {props.markingOwn ? (
                <>
                  This site’s own choice.{' '}
                  <button type="button" class="link" onClick={props.onMarkingDefault}>
                    Use the default
                  </button>
                </>
              ) : (
                'The default for every site (options); a change here is for this site only.'
              )}
            </p>
          </>
        ) : null}
        <Switch
          id="global-switch"
          label="Highlight on all sites"
          checked={globalOn}
          hint={globalOn ? undefined : 'Backstory is off everywhere.'}
          onChange={props.onGlobalChange}
        />
      </section>

      <section class="popup-section" aria-labelledby="popup-page-heading">
        <h2 id="popup-page-heading">On this page</h2>
        <PageSummary {...props} />
      </section>

      <div class="popup-actions">
        <button type="button" class="primary" onClick={props.onOpenPanel}>
          Open side panel
        </button>
        {/* Not where no extension may read the page: there is nothing to save there. */}
        {page.status === 'restricted' || (page.status === 'unreachable' && !page.host) ? null : (
          <button type="button" onClick={props.onSaveArticle}>
            Save this article
          </button>
        )}
        <button type="button" onClick={props.onOpenOptions}>
          Options
        </button>
      </div>

      {props.muted.length > 0 || unmuted ? (
        <section class="popup-section" aria-labelledby="muted-heading">
          <h2 id="muted-heading">Muted</h2>
          {unmuted ? (
            <Notice
              tone="success"
              actions={
                <button
                  type="button"
                  onClick={() => {
                    props.onMute(unmuted);
                    setUnmuted(null);
                  }}
                >
                  Undo
                </button>
              }
            >
              <p>{unmuted.name} is highlighted again.</p>
            </Notice>
          ) : null}
          <ul class="muted-list">
            {props.muted.map((entity) => (
              <li key={entity.id}>
                <span>{entity.name}</span>
                <button
                  type="button"
                  class="small"
                  aria-label={`Unmute ${entity.name}`}
                  onClick={() => {
                    props.onUnmute(entity);
                    setUnmuted(entity);
                  }}
                >
                  Unmute
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

function PageSummary(props: PopupViewProps) {
  const { page } = props;
  if (page.status === 'loading') return null;
  if (page.status === 'restricted' || (page.status === 'unreachable' && !page.host)) {
    return <p class="muted">Nothing can be read here.</p>;
  }
  if (page.status === 'unreachable') {
    return (
      <p class="muted">
        This page hasn’t been read yet: it may still be loading, or it was open before Backstory was
        installed. Reload the tab to read it.
      </p>
    );
  }
  // The switches answer at once; the page follows when its tab has applied them.
  if (!props.globalOn || !props.siteOn) {
    return <p class="muted">Highlighting is off here, so the page wasn’t read.</p>;
  }
  if (page.status === 'off') return <p class="muted">Reading the page…</p>;
  if (page.found.length === 0) {
    return (
      <EmptyState title="Nothing from the knowledge base here">
        <p>
          No person, organization or place Backstory knows is named{' '}
          {page.marking.scope === 'article' ? 'in this page’s article' : 'on this page'}.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <PageEntityList
        groups={page.found}
        headingLevel={3}
        actionTitle="Open in the side panel"
        onSelect={props.onOpenEntity}
      />
      <MarkingNote marking={page.marking} />
    </>
  );
}
