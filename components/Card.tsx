// The hover card: who or what an entity is, in a few lines, with its sources one hover away. Pure Preact, no browser.*.
import type { JSX } from 'preact';
import type { CardData } from '../lib/shared/card-data';
import { KindIcon } from './KindIcon';
import { SourceMarker } from './SourceMarker';

export interface CardProps {
  data: CardData;
  /** Each action gets the event that caused it, so the caller can refuse synthetic ones (event.isTrusted). */
  onOpenPanel(event: Event): void;
  onMute(event: Event): void;
  onClose(event: Event): void;
  /** Lets the caller focus or measure the card's root (keyboard path, placement). */
  rootRef?: (element: HTMLElement | null) => void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * A non-modal dialog named after the entity. Dataset strings are passed as children only, so Preact renders
 * them as text: markup in a name, fact or quote shows as characters and never runs.
 */
export function Card({ data, onOpenPanel, onMute, onClose, rootRef }: CardProps) {
  // Ids only need to be unique inside the card's own shadow root (or the panel showing one card).
  const base = `card-${data.entityId.replace(/[^\w-]/g, '_')}`;
  const titleId = `${base}-title`;
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(event);
    } else if (event.key === 'Enter' && event.target === event.currentTarget) {
      // Enter on the card itself (the keyboard path focuses it); buttons inside handle their own Enter.
      event.preventDefault();
      onOpenPanel(event);
    }
  };
  return (
    <section
      class="card"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-entity-id={data.entityId}
      ref={rootRef}
      onKeyDown={onKeyDown}
    >
      <header class="card-header">
        <KindIcon kind={data.kind} withLabel />
        <h2 class="card-name" id={titleId}>
          {data.name}
        </h2>
      </header>
      {data.description ? <p class="card-description">{data.description}</p> : null}
      {data.facts.length > 0 ? (
        <ul class="card-facts" aria-label="Key facts">
          {data.facts.map((fact, index) => (
            // Facts have no id; their order is stable for one card.
            <li key={index} class="card-fact">
              <span class="card-fact-text">{fact.text}</span>{' '}
              <SourceMarker
                sentence={fact.sentence}
                label={`Source of fact ${index + 1}`}
                id={`${base}-fact-${index}`}
              />
              {/* Said once under each run of facts from one source (build-card sorts them by source). */}
              {fact.source && fact.source.id !== data.facts[index + 1]?.source?.id ? (
                <span class="card-fact-source">{fact.source.line}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {data.quote ? (
        <figure class="card-quote">
          <blockquote class="card-quote-text">“{data.quote.text}”</blockquote>
          <figcaption class="card-quote-speaker">
            — {data.quote.speaker}{' '}
            <SourceMarker
              sentence={data.quote.sentence}
              label="Source of the quote"
              id={`${base}-quote`}
            />
          </figcaption>
        </figure>
      ) : null}
      {!data.quote && data.event ? (
        <p class="card-event">
          <KindIcon kind="event" />
          {/* One inline run, so a long title wraps under itself with the date and marker after it. */}
          <span class="card-event-text">
            <span class="card-event-title">{data.event.title}</span>
            {data.event.when ? <span class="card-event-when"> · {data.event.when}</span> : null}{' '}
            <SourceMarker
              sentence={data.event.sentence}
              label="Source of the event"
              id={`${base}-event`}
            />
          </span>
        </p>
      ) : null}
      <p class="card-counts">
        {data.articles > 0 ? (
          <>
            <span class="card-articles">
              In {plural(data.articles, 'of your articles', 'of your articles')}
            </span>{' '}
            ·{' '}
          </>
        ) : null}
        {plural(data.relatedEvents, 'related event', 'related events')} ·{' '}
        {plural(data.relatedEntities, 'related entity', 'related entities')}
      </p>
      <div class="card-actions">
        <button type="button" class="card-button card-button-primary" onClick={onOpenPanel}>
          Open in side panel
        </button>
        <button
          type="button"
          class="card-button"
          onClick={onMute}
          title={`Stop highlighting ${data.name} on every site`}
        >
          Mute
        </button>
      </div>
    </section>
  );
}
