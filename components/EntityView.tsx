// The side panel's entity view: who or what it is, its facts with their sources, quotes, events, related entities.
import type {
  EntityDetail,
  EntityRef,
  PageEntity,
  SourceSpan,
  TimelineItem,
} from '../lib/pages/models';
import { calendarLabel } from '../lib/pages/timeline';
import { EntityButton } from './EntityButton';
import { KindIcon } from './KindIcon';
import { SameEntities, type SameEntitiesProps } from './SameEntities';

/** What the followed tab's page says about this entity. */
export type EntityOnPage =
  | { status: 'loading' | 'restricted' | 'unreachable' }
  | { status: 'off'; host: string | null; globalOff: boolean }
  /** `mentions` absent: the page doesn't name it. */
  | { status: 'ready'; mentions?: PageEntity };

export interface EntityViewProps {
  entity: EntityDetail;
  onPage: EntityOnPage;
  /** After "Show on page" or a passage: which mention is shown (`snippet`: which passage led there). */
  pagePosition?: { index: number; total: number; snippet?: number } | null;
  /** Scroll the page to the entity's next mention, or with `snippet` to that passage's mention. */
  onShowOnPage(entityId: string, snippet?: number): void;
  /** Turn highlighting on where it is off (the page's site, or everywhere). */
  onTurnOn(): void;
  onOpenEntity(entity: EntityRef): void;
  onOpenEvent(eventId: string): void;
  onOpenSource(span: SourceSpan): void;
  /** Merging with entities of other sources, separating, "not the same" (absent: not offered). */
  across?: Pick<SameEntitiesProps, 'onMerge' | 'onUnmerge' | 'onNotSame'>;
}

export function EntityView({
  entity,
  onPage,
  pagePosition,
  onShowOnPage,
  onTurnOn,
  onOpenEntity,
  onOpenEvent,
  onOpenSource,
  across,
}: EntityViewProps) {
  const otherAliases = entity.aliases.filter((alias) => alias !== entity.name);
  return (
    <article class="detail" data-entity-id={entity.id} aria-labelledby="detail-title">
      <header class="detail-header">
        <KindIcon kind={entity.kind} withLabel />
        <h1 id="detail-title" class="detail-title" tabIndex={-1}>
          {entity.name}
        </h1>
        {entity.description ? <p class="detail-description">{entity.description}</p> : null}
        {otherAliases.length > 0 ? (
          <p class="aliases">
            <span class="label">Also written </span>
            {otherAliases.join(' · ')}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="on-page-heading" class="detail-section">
        <h2 id="on-page-heading">On this page</h2>
        <OnPage
          entity={entity}
          onPage={onPage}
          position={pagePosition}
          onShowOnPage={onShowOnPage}
          onTurnOn={onTurnOn}
        />
      </section>

      {entity.facts.length > 0 ? (
        <section aria-labelledby="facts-heading" class="detail-section">
          <h2 id="facts-heading">Facts</h2>
          <ul class="facts">
            {entity.facts.map((fact, index) => (
              <li key={fact.id} class="fact">
                {/* Grouped by source (most recent first): its line opens each group. */}
                {fact.sourceLine &&
                fact.span.sourceId !== entity.facts[index - 1]?.span.sourceId ? (
                  <p class="fact-source">{fact.sourceLine}</p>
                ) : null}
                <details>
                  <summary>
                    {fact.text}
                    <span class="visually-hidden"> (show source sentence)</span>
                  </summary>
                  <blockquote class="sentence">{fact.sentence}</blockquote>
                  <button type="button" class="link" onClick={() => onOpenSource(fact.span)}>
                    Show in the article
                  </button>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {entity.quotes.length > 0 ? (
        <section aria-labelledby="quotes-heading" class="detail-section">
          <h2 id="quotes-heading">Quotes</h2>
          {entity.quotes.map((quote) => (
            <figure key={quote.id} class="quote">
              <blockquote>“{quote.text}”</blockquote>
              <figcaption>
                — {quote.speaker ? quote.speaker.name : 'Unattributed'}
                {quote.context ? <span class="quote-context">, {quote.context}</span> : null}{' '}
                <button type="button" class="link" onClick={() => onOpenSource(quote.span)}>
                  Source
                </button>
              </figcaption>
            </figure>
          ))}
        </section>
      ) : null}

      {entity.events.length > 0 ? (
        <section aria-labelledby="events-heading" class="detail-section">
          <h2 id="events-heading">Timeline</h2>
          <ol class="timeline">
            {entity.events.map((event) => (
              <li
                key={event.id}
                data-event-id={event.id}
                data-placement={event.placement}
                data-date={event.date}
              >
                <button type="button" class="timeline-item" onClick={() => onOpenEvent(event.id)}>
                  <span class="timeline-date">{placedAt(event)}</span>
                  {event.when ? <span class="when">{event.when}</span> : null}
                  <span class="event-title">{event.title}</span>
                  {event.where ? <span class="where">{event.where}</span> : null}
                  {event.source ? <span class="event-source">{event.source}</span> : null}
                </button>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {across ? (
        <SameEntities
          entity={entity}
          merged={entity.merged}
          candidates={entity.candidates}
          {...across}
        />
      ) : null}

      {entity.related.length > 0 ? (
        <section aria-labelledby="related-heading" class="detail-section">
          <h2 id="related-heading">Related</h2>
          <ul class="entity-list">
            {entity.related.map((other) => (
              <li key={other.id}>
                <EntityButton entity={other} note={other.relation} onSelect={onOpenEntity} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** The entity on the followed tab's page: how often, the passages around its mentions, or why not. */
function OnPage({
  entity,
  onPage,
  position,
  onShowOnPage,
  onTurnOn,
}: Pick<EntityViewProps, 'entity' | 'onPage' | 'onShowOnPage' | 'onTurnOn'> & {
  position: EntityViewProps['pagePosition'];
}) {
  switch (onPage.status) {
    case 'loading':
      return <p class="muted">Reading the page…</p>;
    case 'restricted':
      return <p class="muted">Backstory can’t run on the page in this tab.</p>;
    case 'unreachable':
      return <p class="muted">The page in this tab hasn’t been read yet: reload it to see.</p>;
    case 'off': {
      const where = onPage.globalOff ? 'everywhere' : `on ${onPage.host ?? 'this site'}`;
      return (
        <p class="on-page">
          <span class="muted">Highlighting is off {where}, so its mentions here aren’t shown.</span>{' '}
          <button type="button" class="small" onClick={onTurnOn}>
            {onPage.globalOff ? 'Turn Backstory on' : `Turn on for ${onPage.host ?? 'this site'}`}
          </button>
        </p>
      );
    }
    case 'ready':
      break;
  }
  const mentions = onPage.mentions;
  if (!mentions) return <p class="muted">Not mentioned on this page.</p>;
  const { count, snippets } = mentions;
  return (
    <>
      <p class="on-page">
        <span>
          {count} {count === 1 ? 'mention' : 'mentions'}
          {position ? ` · showing ${position.index + 1} of ${position.total}` : ''}
        </span>{' '}
        <button type="button" class="small" onClick={() => onShowOnPage(entity.id)}>
          {position ? 'Next mention' : 'Show on page'}
        </button>
      </p>
      {snippets.length > 0 ? (
        <ol class="snippets" aria-label="Where it is mentioned">
          {snippets.map((snippet, index) => (
            // The index is the passage's identity (two mentions can share a passage's text).
            <li key={index}>
              <button
                type="button"
                class="snippet"
                title="Show this mention on the page"
                aria-current={position?.snippet === index ? 'true' : undefined}
                onClick={() => onShowOnPage(entity.id, index)}
              >
                {snippet}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {count > snippets.length && snippets.length > 0 ? (
        <p class="muted snippets-more">…and {count - snippets.length} more.</p>
      ) : null}
    </>
  );
}

/** Where the timeline puts an event, said so: its own date, its source's date (marked), or none. */
function placedAt(event: TimelineItem): string {
  if (event.placement === 'undated' || !event.date) return 'Undated';
  const date = calendarLabel(event.date);
  return event.placement === 'dated' ? date : `${date} (published; no date of its own)`;
}
