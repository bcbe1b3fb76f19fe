// The review's facts and events: each kept or not, and what the extractor left out of the article, with why.
import type { Omission } from '../lib/pages/extract/types';
import { nameOf, type Review, type ReviewChange, savedAs } from '../lib/pages/review';
import { ShowMore } from './ShowMore';

export interface ReviewItemsProps {
  review: Review;
  onChange(change: ReviewChange): void;
}

/** Facts, each under the entity it is about; a fact about an entity that is not saved is not saved either. */
export function ReviewFacts({ review, onChange }: ReviewItemsProps) {
  return (
    <ShowMore
      items={review.draft.facts}
      class="review-list"
      render={(fact) => {
        const keep = review.facts[fact.id] ?? false;
        const about = savedAs(review, fact.about);
        return (
          <li key={fact.id} class={`review-item${keep && about ? '' : ' review-item-off'}`}>
            <label class="review-row">
              <input
                type="checkbox"
                checked={keep}
                onChange={(event) =>
                  onChange({ type: 'keep-fact', id: fact.id, keep: event.currentTarget.checked })
                }
              />
              <span>
                <span class="review-about">{nameOf(review, fact.about)}: </span>
                {fact.text}
              </span>
            </label>
            {about ? null : <p class="hint">Not saved: the entity it is about is not saved.</p>}
          </li>
        );
      }}
    />
  );
}

export function ReviewEvents({ review, onChange }: ReviewItemsProps) {
  return (
    <ShowMore
      items={review.draft.events}
      class="review-list"
      render={(event) => {
        const keep = review.events[event.id] ?? false;
        return (
          <li key={event.id} class={`review-item${keep ? '' : ' review-item-off'}`}>
            <label class="review-row">
              <input
                type="checkbox"
                checked={keep}
                onChange={(change) =>
                  onChange({
                    type: 'keep-event',
                    id: event.id,
                    keep: change.currentTarget.checked,
                  })
                }
              />
              <span>
                {event.title}
                {event.when ? <span class="hint"> · {event.when.text}</span> : null}
                {event.figures.length > 0 ? (
                  <span class="hint"> · {event.figures.map((f) => f.text).join('; ')}</span>
                ) : null}
              </span>
            </label>
          </li>
        );
      }}
    />
  );
}

/** What the extractor left out, never silently: the start of it and why. */
export function ReviewOmitted({ omitted }: { omitted: readonly Omission[] }) {
  return (
    <ShowMore
      items={omitted}
      class="review-list"
      render={(omission, index) => (
        // Omissions have no id; their order is fixed for one draft.
        <li key={index} class="review-item">
          <span class="review-omitted">“{omission.preview}”</span>
          <span class="hint"> — {omission.reason}</span>
        </li>
      )}
    />
  );
}
