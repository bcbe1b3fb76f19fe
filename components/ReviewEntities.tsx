// The review's entities: new ones (keep, name, kind, "same as" another) and the known ones the article names (keep).
import { useState } from 'preact/hooks';
import type { EntityKind, EntityRef } from '../lib/pages/extract/types';
import {
  type EntityChoice,
  mergeChoices,
  nameOf,
  type Review,
  type ReviewChange,
} from '../lib/pages/review';
import { kindLabel } from '../lib/shared/kinds';
import { KindIcon } from './KindIcon';
import { ShowMore } from './ShowMore';

const KINDS: readonly EntityKind[] = ['person', 'organization', 'place'];

/** A reference as a <select> value and back. */
export const refValue = (ref: EntityRef) => `${ref.source}:${ref.id}`;
export function refFrom(value: string): EntityRef | null {
  const at = value.indexOf(':');
  const source = value.slice(0, at);
  const id = value.slice(at + 1);
  return (source === 'known' || source === 'new') && id ? { source, id } : null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface ReviewCandidatesProps {
  review: Review;
  /** Which of the draft's candidates to list (new and sure, or unsure). */
  ids: readonly string[];
  problems: Readonly<Record<string, string>>;
  onChange(change: ReviewChange): void;
}

export function ReviewCandidates({ review, ids, problems, onChange }: ReviewCandidatesProps) {
  return (
    <ShowMore
      items={ids}
      class="review-list"
      render={(id) => (
        <Candidate key={id} review={review} id={id} problem={problems[id]} onChange={onChange} />
      )}
    />
  );
}

function Candidate(props: {
  review: Review;
  id: string;
  problem: string | undefined;
  onChange(change: ReviewChange): void;
}) {
  const { review, id, problem, onChange } = props;
  const found = review.draft.candidates.find((c) => c.ref.id === id);
  const choice = review.candidates[id];
  // The merge list is built only when the reader asks for it: a long article has hundreds of names.
  const [merging, setMerging] = useState(false);
  if (!found || !choice) return null;
  const base = `candidate-${id}`;
  const name = nameOf(review, found.ref);
  const into = choice.into;
  return (
    <li
      class={`review-item${choice.keep ? '' : ' review-item-off'}`}
      data-candidate-id={id}
      data-kind={choice.kind}
    >
      <div class="review-row">
        <input
          type="checkbox"
          aria-label={`Keep ${found.name}`}
          checked={choice.keep}
          onChange={(event) =>
            onChange({ type: 'keep-candidate', id, keep: event.currentTarget.checked })
          }
        />
        <KindIcon kind={choice.kind} />
        <input
          type="text"
          class="name-input"
          value={choice.name}
          // Names are no dictionary words, and Chromium would fetch a spellcheck dictionary (a network request).
          spellcheck={false}
          autocomplete="off"
          maxLength={1000}
          aria-label={`Name of ${found.name}`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${base}-problem` : undefined}
          disabled={!choice.keep || into !== null}
          onInput={(event) => onChange({ type: 'rename', id, name: event.currentTarget.value })}
        />
        <select
          aria-label={`Kind of ${found.name}`}
          value={choice.kind}
          disabled={!choice.keep || into !== null}
          onChange={(event) =>
            onChange({ type: 'set-kind', id, kind: event.currentTarget.value as EntityKind })
          }
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
      </div>
      {problem ? (
        <p class="field-error" id={`${base}-problem`} role="alert">
          {problem}
        </p>
      ) : null}
      <p class="hint">
        {found.role ? <span>{found.role.text} · </span> : null}
        {plural(found.mentions, 'mention')}
        {found.why.length > 0 ? <span> · {found.why.join('; ')}</span> : null}
      </p>
      {into ? (
        <p class="review-merge">
          Saved as part of <strong>{nameOf(review, into)}</strong>{' '}
          <button
            type="button"
            class="link"
            onClick={() => onChange({ type: 'merge', id, into: null })}
          >
            Keep {name} apart
          </button>
        </p>
      ) : merging ? (
        <MergeSelect
          label={`${found.name} is the same as`}
          choices={mergeChoices(review, id)}
          onPick={(target) => {
            setMerging(false);
            if (target) onChange({ type: 'merge', id, into: target });
          }}
        />
      ) : (
        <button type="button" class="link" onClick={() => setMerging(true)}>
          Same as another entity…
        </button>
      )}
    </li>
  );
}

function MergeSelect(props: {
  label: string;
  choices: EntityChoice[];
  onPick(target: EntityRef | null): void;
}) {
  return (
    <label class="review-merge">
      {props.label}{' '}
      <select
        onChange={(event) => props.onPick(refFrom(event.currentTarget.value))}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onPick(null);
        }}
        // Focus lands where the reader is about to choose.
        ref={(select) => select?.focus()}
      >
        <option value="">Choose…</option>
        {props.choices.map((choice) => (
          <option key={refValue(choice.ref)} value={refValue(choice.ref)}>
            {choice.name} ({kindLabel(choice.kind)}
            {choice.ref.source === 'known' ? ', already known' : ''})
          </option>
        ))}
      </select>
    </label>
  );
}

export interface ReviewKnownProps {
  review: Review;
  /** Known entities that came with the earlier copy of this same article. */
  fromEarlier: ReadonlySet<string>;
  onChange(change: ReviewChange): void;
}

/** Entities already in the knowledge base that the article names: kept (named by it) or not. */
export function ReviewKnown({ review, fromEarlier, onChange }: ReviewKnownProps) {
  return (
    <ShowMore
      items={review.draft.known}
      class="review-list"
      render={(known) => {
        const id = known.ref.id;
        const keep = review.known[id] ?? false;
        const box = `known-${id}-keep`;
        return (
          <li
            key={id}
            class={`review-item${keep ? '' : ' review-item-off'}`}
            data-known-id={id}
            data-kind={known.kind}
          >
            <div class="review-row">
              <input
                type="checkbox"
                id={box}
                aria-label={`Keep ${known.name}`}
                checked={keep}
                onChange={(event) =>
                  onChange({ type: 'keep-known', id, keep: event.currentTarget.checked })
                }
              />
              <label for={box} class="review-known-name">
                <KindIcon kind={known.kind} />
                {known.name}
              </label>
              <span class="count-badge" title="Mentions in the article">
                {known.mentions}
              </span>
            </div>
            {fromEarlier.has(id) ? (
              <p class="hint">From your earlier copy of this article.</p>
            ) : null}
          </li>
        );
      }}
    />
  );
}
