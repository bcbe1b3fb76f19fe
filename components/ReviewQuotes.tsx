// The review's quotes: the words, who said them (pick or clear the speaker), whether to keep them, and what Save does.
import { useState } from 'preact/hooks';
import type { BlankSpeakerReason, DraftQuote } from '../lib/pages/extract/types';
import {
  type QuoteOutcome,
  quoteOutcome,
  type Review,
  type ReviewChange,
  speakerChoices,
} from '../lib/pages/review';
import { refFrom, refValue } from './ReviewEntities';
import { ShowMore } from './ShowMore';

/** Why the extractor left a speaker blank, in the reader's words. */
const BLANK: Record<BlankSpeakerReason, string> = {
  'no-attribution': 'the article does not say who said it',
  'ambiguous-pronoun': '“he” or “she” could be more than one person',
  'unresolved-speaker': 'the speaker is not named',
  'conflicting-attributions': 'the article seems to give it to more than one person',
  'group-speaker': 'a group or an unnamed person said it',
};

function outcomeText(outcome: QuoteOutcome): string {
  if (outcome.saved) return `Saved, said by ${outcome.speaker}.`;
  if (outcome.why === 'no-speaker') return 'Not saved: pick who said it to save it.';
  if (outcome.why === 'speaker-not-saved') return 'Not saved: its speaker is not saved.';
  return 'Not saved.';
}

export interface ReviewQuotesProps {
  review: Review;
  onChange(change: ReviewChange): void;
}

export function ReviewQuotes({ review, onChange }: ReviewQuotesProps) {
  return (
    <ShowMore
      items={review.draft.quotes}
      class="review-list"
      render={(quote, index) => (
        <Quote
          key={quote.id}
          review={review}
          quote={quote}
          number={index + 1}
          onChange={onChange}
        />
      )}
    />
  );
}

function Quote(props: {
  review: Review;
  quote: DraftQuote;
  number: number;
  onChange(change: ReviewChange): void;
}) {
  const { review, quote, number, onChange } = props;
  const choice = review.quotes[quote.id];
  // One speaker list at a time: 500 quotes × every name would be a very long page.
  const [picking, setPicking] = useState(false);
  if (!choice) return null;
  const outcome = quoteOutcome(review, quote.id);
  const { attribution } = quote;
  const text = quote.parts.map((part) => part.text).join(' … ');
  const speaker = choice.speaker;
  return (
    <li
      class={`review-item review-quote${outcome.saved ? '' : ' review-item-off'}`}
      data-quote-id={quote.id}
    >
      <div class="review-row">
        <input
          type="checkbox"
          aria-label={`Keep quote ${number}`}
          checked={choice.keep}
          onChange={(event) =>
            onChange({ type: 'keep-quote', id: quote.id, keep: event.currentTarget.checked })
          }
        />
        <blockquote class="review-quote-text">“{text}”</blockquote>
      </div>
      <p class="review-speaker">
        {picking ? (
          <label>
            Said by{' '}
            <select
              value={speaker ? refValue(speaker) : ''}
              ref={(select) => select?.focus()}
              onChange={(event) => {
                setPicking(false);
                onChange({
                  type: 'set-speaker',
                  id: quote.id,
                  speaker: refFrom(event.currentTarget.value),
                });
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setPicking(false);
              }}
            >
              <option value="">Nobody (not saved)</option>
              {speakerChoices(review).map((choice) => (
                <option key={refValue(choice.ref)} value={refValue(choice.ref)}>
                  {choice.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <span class="review-outcome">{outcomeText(outcome)}</span>{' '}
            <button
              type="button"
              class="link"
              aria-label={`${speaker ? 'Change' : 'Pick'} speaker of quote ${number}`}
              onClick={() => setPicking(true)}
            >
              {speaker ? 'Change speaker' : 'Pick speaker'}
            </button>
            {speaker ? (
              <>
                {' · '}
                <button
                  type="button"
                  class="link"
                  aria-label={`Clear speaker of quote ${number}`}
                  onClick={() => onChange({ type: 'set-speaker', id: quote.id, speaker: null })}
                >
                  Clear
                </button>
              </>
            ) : null}
          </>
        )}
      </p>
      {attribution.status === 'blank' ? (
        <p class="hint">No speaker found: {BLANK[attribution.reason]}.</p>
      ) : null}
    </li>
  );
}
