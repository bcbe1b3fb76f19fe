// The review of an article before anything is stored: what Save will keep, new and known entities apart, quotes with
// their speakers, facts and events, and what was left out. Every string of the page is rendered as text.
import { useMemo } from 'preact/hooks';
import {
  type ReviewChange,
  reviewCounts,
  reviewedDataset,
  reviewProblems,
} from '../lib/pages/review';
import type { ReadArticle, SaveFailure } from '../lib/pages/save-article';
import { readableDate, sourceSite } from '../lib/shared/source-line';
import type { DatasetCounts } from '../lib/shared/store/rows';
import { Notice } from './Notice';
import { ReviewCandidates, ReviewKnown } from './ReviewEntities';
import { ReviewEvents, ReviewFacts, ReviewOmitted } from './ReviewItems';
import { ReviewQuotes } from './ReviewQuotes';

export interface ArticleReviewProps {
  article: ReadArticle;
  /** Why the last Save stored nothing. */
  failure?: SaveFailure;
  saving: boolean;
  onChange(change: ReviewChange): void;
  onSave(): void;
  onDiscard(): void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function countsText(counts: DatasetCounts): string {
  return `${plural(counts.entities, 'entity', 'entities')}, ${plural(counts.quotes, 'quote')}, ${plural(counts.events, 'event')}`;
}

export function ArticleReview({
  article,
  failure,
  saving,
  onChange,
  onSave,
  onDiscard,
}: ArticleReviewProps) {
  const { review, earlier } = article;
  const { draft } = review;
  const dataset = useMemo(() => reviewedDataset(review), [review]);
  const counts = reviewCounts(review, dataset);
  const problems = reviewProblems(review);
  const blocked = Object.keys(problems).length > 0;
  const sure = draft.candidates.filter((c) => c.status === 'proposed').map((c) => c.ref.id);
  const unsure = draft.candidates.filter((c) => c.status === 'unsure').map((c) => c.ref.id);
  const fromEarlier = new Set(earlier?.entityIds ?? []);
  const site = sourceSite({ publisher: draft.article.siteName, url: draft.article.url });
  const meta = [site, draft.article.published ? readableDate(draft.article.published) : undefined]
    .filter(Boolean)
    .join(' · ');

  return (
    <section class="save-view" aria-labelledby="save-title" aria-busy={saving}>
      <header class="detail-header">
        <p class="eyebrow">Save this article</p>
        <h1 id="save-title" class="detail-title" tabIndex={-1}>
          {draft.article.title}
        </h1>
        {meta ? <p class="hint">{meta}</p> : null}
      </header>

      {draft.knownOnly ? (
        <Notice tone="info" title="This page is not in English">
          <p>
            Only people, organizations and places already in your knowledge base were looked for: no
            new names, quotes or events
            {draft.article.language ? ` (language: ${draft.article.language})` : ''}.
          </p>
        </Notice>
      ) : null}
      {earlier ? (
        <Notice tone="info" title="You saved this article before">
          <p>
            On {new Date(earlier.row.addedAt).toLocaleDateString()}, with{' '}
            {countsText(earlier.row.counts)}. Saving again replaces that copy.
          </p>
        </Notice>
      ) : null}
      {failure ? <SaveFailureNotice failure={failure} /> : null}

      <div class="save-bar">
        <p class="save-summary" aria-live="polite">
          Save keeps {plural(counts.newEntities, 'new entity', 'new entities')},{' '}
          {plural(counts.knownEntities, 'known one')}, {plural(counts.quotes, 'quote')},{' '}
          {plural(counts.facts, 'fact')} and {plural(counts.events, 'event')}.
        </p>
        {blocked ? (
          <p class="field-error" role="alert">
            Fix the names marked below to save.
          </p>
        ) : null}
        <div class="save-actions">
          <button type="button" class="primary" disabled={saving || blocked} onClick={onSave}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            disabled={saving}
            onClick={() => onChange({ type: 'accept-all' })}
            title="Keep every entity, quote with a speaker, fact and event, the unsure ones too"
          >
            Accept all
          </button>
          <button type="button" disabled={saving} onClick={onDiscard}>
            Discard
          </button>
        </div>
      </div>

      <section class="detail-section" aria-labelledby="review-new-heading">
        <h2 id="review-new-heading">New ({sure.length})</h2>
        {sure.length > 0 ? (
          <ReviewCandidates review={review} ids={sure} problems={problems} onChange={onChange} />
        ) : (
          <p class="muted">
            {draft.knownOnly ? 'Not looked for on this page.' : 'No new names found.'}
          </p>
        )}
      </section>

      {unsure.length > 0 ? (
        <section class="detail-section" aria-labelledby="review-unsure-heading">
          <h2 id="review-unsure-heading">Unsure ({unsure.length})</h2>
          <p class="hint">
            Not saved unless you keep them: the article gives too little to be sure these are names
            of people, organizations or places.
          </p>
          <ReviewCandidates review={review} ids={unsure} problems={problems} onChange={onChange} />
        </section>
      ) : null}

      <section class="detail-section" aria-labelledby="review-known-heading">
        <h2 id="review-known-heading">Already in your knowledge base ({draft.known.length})</h2>
        {draft.known.length > 0 ? (
          <ReviewKnown review={review} fromEarlier={fromEarlier} onChange={onChange} />
        ) : (
          <p class="muted">The article names nobody Backstory knows yet.</p>
        )}
      </section>

      {draft.quotes.length > 0 ? (
        <section class="detail-section" aria-labelledby="review-quotes-heading">
          <h2 id="review-quotes-heading">Quotes ({draft.quotes.length})</h2>
          {counts.quotesWithoutSpeaker > 0 ? (
            <p class="hint">
              A quote without a speaker is not saved: a wrong speaker is worse than none. Pick one
              where you know who said it.
            </p>
          ) : null}
          <ReviewQuotes review={review} onChange={onChange} />
        </section>
      ) : null}

      {draft.facts.length > 0 ? (
        <details class="detail-section">
          <summary>
            <h2 class="summary-heading">Facts ({draft.facts.length})</h2>
          </summary>
          <ReviewFacts review={review} onChange={onChange} />
        </details>
      ) : null}

      {draft.events.length > 0 ? (
        <details class="detail-section">
          <summary>
            <h2 class="summary-heading">Events ({draft.events.length})</h2>
          </summary>
          <ReviewEvents review={review} onChange={onChange} />
        </details>
      ) : null}

      {draft.omitted.length > 0 ? (
        <details class="detail-section">
          <summary>
            <h2 class="summary-heading">Left out ({draft.omitted.length})</h2>
          </summary>
          <ReviewOmitted omitted={draft.omitted} />
        </details>
      ) : null}
    </section>
  );
}

/** Why a Save stored nothing, and what to do. */
export function SaveFailureNotice({ failure }: { failure: SaveFailure }) {
  return (
    <Notice tone="error" title="Nothing was saved">
      {failure.kind === 'invalid' ? (
        <>
          <p>The knowledge base refused the article:</p>
          <ul>
            {failure.issues.slice(0, 5).map((issue) => (
              <li key={`${issue.path} ${issue.message}`}>
                {issue.path ? `${issue.path}: ` : ''}
                {issue.message}
              </li>
            ))}
          </ul>
          <p>Change or leave out the items named, then save again.</p>
        </>
      ) : failure.kind === 'quota' ? (
        <p>{failure.message}</p>
      ) : (
        <p>
          {failure.message} Your review is still here: save again, or reload the side panel if it
          keeps failing.
        </p>
      )}
    </Notice>
  );
}
