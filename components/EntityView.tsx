// The side panel's entity view: who or what it is, its facts with their sources, quotes, events, related entities.
import type { EntityDetail, EntityRef, SourceSpan } from '../lib/panel/models';
import { EntityButton } from './EntityButton';
import { KindIcon } from './KindIcon';

export interface EntityViewProps {
  entity: EntityDetail;
  /** Mentions of this entity on the shown page (undefined: the page is not known). */
  pageCount?: number;
  /** After "Show on page": which mention is shown. */
  pagePosition?: { index: number; total: number } | null;
  onShowOnPage(entityId: string): void;
  onOpenEntity(entity: EntityRef): void;
  onOpenEvent(eventId: string): void;
  onOpenSource(span: SourceSpan): void;
}

export function EntityView({
  entity,
  pageCount,
  pagePosition,
  onShowOnPage,
  onOpenEntity,
  onOpenEvent,
  onOpenSource,
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
        {pageCount === undefined ? (
          <p class="muted">The page in the active tab is not available.</p>
        ) : pageCount === 0 ? (
          <p class="muted">Not mentioned on this page.</p>
        ) : (
          <p class="on-page">
            <span>
              {pageCount} {pageCount === 1 ? 'mention' : 'mentions'}
              {pagePosition ? ` · showing ${pagePosition.index + 1} of ${pagePosition.total}` : ''}
            </span>{' '}
            <button type="button" class="small" onClick={() => onShowOnPage(entity.id)}>
              {pagePosition ? 'Next mention' : 'Show on page'}
            </button>
          </p>
        )}
      </section>

      {entity.facts.length > 0 ? (
        <section aria-labelledby="facts-heading" class="detail-section">
          <h2 id="facts-heading">Facts</h2>
          <ul class="facts">
            {entity.facts.map((fact) => (
              <li key={fact.id} class="fact">
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
          <h2 id="events-heading">Events</h2>
          <ol class="timeline">
            {entity.events.map((event) => (
              <li key={event.id}>
                <button type="button" class="timeline-item" onClick={() => onOpenEvent(event.id)}>
                  {event.when ? <span class="when">{event.when}</span> : null}
                  <span class="event-title">{event.title}</span>
                  {event.where ? <span class="where">{event.where}</span> : null}
                </button>
              </li>
            ))}
          </ol>
        </section>
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
