// The side panel's event view: what happened, when and where in the article's words, who took part, the figures.
import type { EntityRef, EventDetail, SourceSpan } from '../lib/pages/models';
import { EntityButton } from './EntityButton';
import { KindIcon } from './KindIcon';

export interface EventViewProps {
  event: EventDetail;
  onOpenEntity(entity: EntityRef): void;
  onOpenSource(span: SourceSpan): void;
}

export function EventView({ event, onOpenEntity, onOpenSource }: EventViewProps) {
  return (
    <article class="detail" data-event-id={event.id} aria-labelledby="detail-title">
      <header class="detail-header">
        <KindIcon kind="event" withLabel />
        <h1 id="detail-title" class="detail-title" tabIndex={-1}>
          {event.title}
        </h1>
        {event.when || event.where ? (
          <dl class="when-where">
            {event.when ? (
              <div>
                <dt>When</dt>
                <dd>{event.when}</dd>
              </div>
            ) : null}
            {event.where ? (
              <div>
                <dt>Where</dt>
                <dd>{event.where}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
      </header>

      {event.figures.length > 0 ? (
        <section aria-labelledby="figures-heading" class="detail-section">
          <h2 id="figures-heading">Figures</h2>
          <dl class="figures">
            {event.figures.map((figure) => (
              <div class="figure" key={`${figure.label}:${figure.value}`}>
                {/* dt before dd as HTML requires; CSS shows the number above its label. */}
                <dt class="figure-label">{figure.label}</dt>
                <dd class="figure-value">
                  {figure.qualifier ? (
                    <span class="figure-qualifier">{figure.qualifier} </span>
                  ) : null}
                  {figure.value}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      {event.participants.length > 0 ? (
        <section aria-labelledby="participants-heading" class="detail-section">
          <h2 id="participants-heading">Who and where</h2>
          <ul class="entity-list">
            {event.participants.map((entity) => (
              <li key={entity.id}>
                <EntityButton entity={entity} onSelect={onOpenEntity} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {event.sentences.length > 0 ? (
        <section aria-labelledby="sources-heading" class="detail-section">
          <h2 id="sources-heading">From the article</h2>
          {event.sentences.map((sentence) => (
            <div key={`${sentence.span.sourceId}:${sentence.span.start}`} class="source-quote">
              <blockquote class="sentence">{sentence.text}</blockquote>
              <button type="button" class="link" onClick={() => onOpenSource(sentence.span)}>
                Show in the article
              </button>
            </div>
          ))}
        </section>
      ) : null}
    </article>
  );
}
