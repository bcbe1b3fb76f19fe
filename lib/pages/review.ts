// The reader's review of an article before anything is stored: what to keep, names, kinds, merges and speakers, as
// pure state changed one step at a time, and what saving it would store.
//
// Decided here, from the extractor's rule that a wrong speaker is worse than none: an unsure new entity and a quote
// without a speaker start unsaved and are saved only when the reader says so (accepting it, picking a speaker, or
// "Accept all"). Picking a new entity as a speaker keeps that entity: the reader has said the person exists. A merge
// that would make a cycle is refused rather than left for the dataset to drop both.
import { activeContentReason, type Dataset, LIMITS } from '../shared/kb/schema';
import type {
  CandidateDecision,
  Decisions,
  ItemDecision,
  QuoteDecision,
} from './extract/decisions';
import { draftToDataset } from './extract/to-dataset';
import type { Draft, EntityKind, EntityRef } from './extract/types';

export interface CandidateReview {
  /** Saved or not: a proposed candidate starts saved, an unsure one not. */
  readonly keep: boolean;
  /** As the reader edits it (checked by nameProblem before saving). */
  readonly name: string;
  readonly kind: EntityKind;
  /** The entity it is the same as (its names and items join that one), or null: an entity of its own. */
  readonly into: EntityRef | null;
}

export interface QuoteReview {
  readonly keep: boolean;
  /** null: nobody; such a quote is shown but not saved (the format needs a speaker). */
  readonly speaker: EntityRef | null;
}

export interface Review {
  readonly draft: Draft;
  /** By known entity id: kept (its mentions' facts are saved) or not. */
  readonly known: Readonly<Record<string, boolean>>;
  readonly candidates: Readonly<Record<string, CandidateReview>>;
  readonly quotes: Readonly<Record<string, QuoteReview>>;
  readonly facts: Readonly<Record<string, boolean>>;
  readonly events: Readonly<Record<string, boolean>>;
}

export type ReviewChange =
  /** Every item kept, unsure entities included; quotes keep their speakers (one without stays unsaved). */
  | { type: 'accept-all' }
  | { type: 'keep-known'; id: string; keep: boolean }
  | { type: 'keep-candidate'; id: string; keep: boolean }
  | { type: 'rename'; id: string; name: string }
  | { type: 'set-kind'; id: string; kind: EntityKind }
  | { type: 'merge'; id: string; into: EntityRef | null }
  | { type: 'keep-quote'; id: string; keep: boolean }
  | { type: 'set-speaker'; id: string; speaker: EntityRef | null }
  | { type: 'keep-fact'; id: string; keep: boolean }
  | { type: 'keep-event'; id: string; keep: boolean };

const all = <T>(ids: readonly string[], value: (id: string) => T): Record<string, T> =>
  Object.fromEntries(ids.map((id) => [id, value(id)]));

export function startReview(draft: Draft): Review {
  return {
    draft,
    known: all(
      draft.known.map((k) => k.ref.id),
      () => true,
    ),
    candidates: Object.fromEntries(
      draft.candidates.map((c) => [
        c.ref.id,
        { keep: c.status === 'proposed', name: c.name, kind: c.kind, into: null },
      ]),
    ),
    quotes: Object.fromEntries(
      draft.quotes.map((q) => [
        q.id,
        {
          keep: true,
          speaker: q.attribution.status === 'attributed' ? q.attribution.speaker : null,
        },
      ]),
    ),
    facts: all(
      draft.facts.map((f) => f.id),
      () => true,
    ),
    events: all(
      draft.events.map((e) => e.id),
      () => true,
    ),
  };
}

/** Whether merging candidate `id` into `into` would lead back to `id` through earlier merges. */
function makesCycle(review: Review, id: string, into: EntityRef): boolean {
  let at: EntityRef | null = into;
  for (let steps = 0; at && at.source === 'new'; steps++) {
    if (at.id === id || steps > review.draft.candidates.length) return true;
    at = review.candidates[at.id]?.into ?? null;
  }
  return false;
}

function withCandidate(review: Review, id: string, change: Partial<CandidateReview>): Review {
  const current = review.candidates[id];
  if (!current) return review;
  return { ...review, candidates: { ...review.candidates, [id]: { ...current, ...change } } };
}

function withQuote(review: Review, id: string, change: Partial<QuoteReview>): Review {
  const current = review.quotes[id];
  if (!current) return review;
  return { ...review, quotes: { ...review.quotes, [id]: { ...current, ...change } } };
}

function withFlag(
  review: Review,
  list: 'known' | 'facts' | 'events',
  id: string,
  keep: boolean,
): Review {
  if (!(id in review[list])) return review;
  return { ...review, [list]: { ...review[list], [id]: keep } };
}

/** The review after one change by the reader; a change that names nothing in the draft changes nothing. */
export function changeReview(review: Review, change: ReviewChange): Review {
  switch (change.type) {
    case 'accept-all': {
      const keepAll = (flags: Readonly<Record<string, boolean>>) =>
        all(Object.keys(flags), () => true);
      return {
        ...review,
        known: keepAll(review.known),
        facts: keepAll(review.facts),
        events: keepAll(review.events),
        candidates: Object.fromEntries(
          Object.entries(review.candidates).map(([id, c]) => [id, { ...c, keep: true }]),
        ),
        quotes: Object.fromEntries(
          Object.entries(review.quotes).map(([id, q]) => [id, { ...q, keep: true }]),
        ),
      };
    }
    case 'keep-known':
      return withFlag(review, 'known', change.id, change.keep);
    case 'keep-fact':
      return withFlag(review, 'facts', change.id, change.keep);
    case 'keep-event':
      return withFlag(review, 'events', change.id, change.keep);
    case 'keep-candidate':
      return withCandidate(review, change.id, { keep: change.keep });
    case 'rename':
      return withCandidate(review, change.id, { name: change.name });
    case 'set-kind':
      return withCandidate(review, change.id, { kind: change.kind });
    case 'merge': {
      const { into } = change;
      if (into === null) return withCandidate(review, change.id, { into: null });
      const exists =
        into.source === 'known'
          ? into.id in review.known
          : into.id in review.candidates && into.id !== change.id;
      if (!exists || makesCycle(review, change.id, into)) return review;
      // Merging is the reader's say that it exists, as part of the other.
      return withCandidate(review, change.id, { into, keep: true });
    }
    case 'keep-quote':
      return withQuote(review, change.id, { keep: change.keep });
    case 'set-speaker': {
      const { speaker } = change;
      if (!(change.id in review.quotes)) return review;
      if (speaker?.source === 'known' && !(speaker.id in review.known)) return review;
      if (speaker?.source === 'new' && !(speaker.id in review.candidates)) return review;
      // Picking a speaker accepts the quote, and keeps a new entity picked: the reader says that person spoke.
      let next = withQuote(review, change.id, speaker ? { speaker, keep: true } : { speaker });
      if (speaker?.source === 'new') next = withCandidate(next, speaker.id, { keep: true });
      if (speaker?.source === 'known') next = withFlag(next, 'known', speaker.id, true);
      return next;
    }
  }
}

/** Why a name the reader typed can't be saved, or null. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'A name can’t be empty.';
  if (trimmed.length > LIMITS.name) return `A name can be at most ${LIMITS.name} characters.`;
  const reason = activeContentReason(trimmed);
  return reason ? `This name ${reason}: names are plain text.` : null;
}

/** Names the reader typed that can't be saved, by candidate id: Save waits until they are fixed. */
export function reviewProblems(review: Review): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [id, candidate] of Object.entries(review.candidates)) {
    const problem = candidate.keep ? nameProblem(candidate.name) : null;
    if (problem) problems[id] = problem;
  }
  return problems;
}

/** The review as the extraction library's decisions (lib/pages/extract/decisions.ts). */
export function decisionsOf(review: Review): Decisions {
  const flag = (keep: boolean): ItemDecision => ({ action: keep ? 'accept' : 'reject' });
  const flags = (list: Readonly<Record<string, boolean>>) =>
    Object.fromEntries(Object.entries(list).map(([id, keep]) => [id, flag(keep)]));
  const byId = new Map(review.draft.candidates.map((c) => [c.ref.id, c]));
  const candidates: Record<string, CandidateDecision> = {};
  for (const [id, c] of Object.entries(review.candidates)) {
    const found = byId.get(id);
    if (!c.keep) candidates[id] = { action: 'reject' };
    else if (c.into) candidates[id] = { action: 'merge', into: c.into };
    else {
      const name = c.name.trim();
      candidates[id] = {
        action: 'accept',
        ...(name !== found?.name && nameProblem(name) === null ? { name } : {}),
        ...(c.kind !== found?.kind ? { kind: c.kind } : {}),
      };
    }
  }
  const quotes: Record<string, QuoteDecision> = {};
  for (const [id, q] of Object.entries(review.quotes)) {
    quotes[id] =
      q.keep && q.speaker ? { action: 'accept', speaker: q.speaker } : { action: 'reject' };
  }
  return {
    known: flags(review.known),
    candidates,
    quotes,
    facts: flags(review.facts),
    events: flags(review.events),
  };
}

/** What Save would store: the draft with the reader's decisions, as a dataset of the knowledge base's format. */
export function reviewedDataset(review: Review): Dataset {
  return draftToDataset(review.draft, decisionsOf(review));
}

/** Where a reference ends up once merges are followed, or null when nothing of it is saved. */
export function savedAs(review: Review, ref: EntityRef): EntityRef | null {
  let at: EntityRef = ref;
  for (let steps = 0; steps <= review.draft.candidates.length; steps++) {
    if (at.source === 'known') return review.known[at.id] ? at : null;
    const candidate = review.candidates[at.id];
    if (!candidate?.keep) return null;
    if (!candidate.into) return at;
    at = candidate.into;
  }
  return null;
}

/** The name an entity of the review goes by: the dictionary's for a known one, the reader's for a new one. */
export function nameOf(review: Review, ref: EntityRef): string {
  if (ref.source === 'known')
    return review.draft.known.find((k) => k.ref.id === ref.id)?.name ?? ref.id;
  const typed = review.candidates[ref.id]?.name.trim();
  return typed || (review.draft.candidates.find((c) => c.ref.id === ref.id)?.name ?? ref.id);
}

/**
 * Every entity the saved article names, with how often: known ones kept and new ones saved, a merged entity's
 * mentions counted for the one it joined. The store records them so an entity another article still names
 * survives this article's removal.
 */
export function reviewMentions(
  review: Review,
  dataset: Dataset,
): { entity: string; count: number }[] {
  const saved = new Set(dataset.entities.map((entity) => entity.id));
  const counts = new Map<string, number>();
  const add = (ref: EntityRef, mentions: number) => {
    const target = savedAs(review, ref);
    if (!target || !saved.has(target.id) || mentions < 1) return;
    counts.set(target.id, (counts.get(target.id) ?? 0) + mentions);
  };
  for (const known of review.draft.known) add(known.ref, known.mentions);
  for (const candidate of review.draft.candidates) add(candidate.ref, candidate.mentions);
  return [...counts].map(([entity, count]) => ({ entity, count }));
}

/** What happens to a quote on Save, for the reader to see before it happens. */
export type QuoteOutcome =
  | { saved: true; speaker: string }
  | { saved: false; why: 'rejected' | 'no-speaker' | 'speaker-not-saved' };

export function quoteOutcome(review: Review, id: string): QuoteOutcome {
  const quote = review.quotes[id];
  if (!quote?.keep) return { saved: false, why: 'rejected' };
  if (!quote.speaker) return { saved: false, why: 'no-speaker' };
  const target = savedAs(review, quote.speaker);
  return target
    ? { saved: true, speaker: nameOf(review, target) }
    : { saved: false, why: 'speaker-not-saved' };
}

export interface EntityChoice {
  ref: EntityRef;
  name: string;
  kind: string;
}

/** The entities Save would store as entities of their own (known kept, new kept and not merged), in draft order. */
function savedEntities(review: Review): EntityChoice[] {
  const { draft } = review;
  return [
    ...draft.known
      .filter((k) => review.known[k.ref.id])
      .map((k) => ({ ref: k.ref, name: k.name, kind: k.kind })),
    ...draft.candidates
      .filter((c) => {
        const choice = review.candidates[c.ref.id];
        return choice?.keep && !choice.into;
      })
      .map((c) => ({
        ref: c.ref,
        name: nameOf(review, c.ref),
        kind: review.candidates[c.ref.id]?.kind ?? c.kind,
      })),
  ];
}

/** Who may be picked as a quote's speaker: people first, then organizations, of the entities Save would store. */
export function speakerChoices(review: Review): EntityChoice[] {
  const saved = savedEntities(review);
  return [
    ...saved.filter((e) => e.kind === 'person'),
    ...saved.filter((e) => e.kind === 'organization'),
  ];
}

/** What a new entity may be merged into: the other entities Save would store, none that leads back to it. */
export function mergeChoices(review: Review, id: string): EntityChoice[] {
  return savedEntities(review).filter(
    (e) => !(e.ref.source === 'new' && e.ref.id === id) && !makesCycle(review, id, e.ref),
  );
}

export interface ReviewCounts {
  /** Entities new to the knowledge base that Save stores. */
  newEntities: number;
  /** Known entities the saved article names. */
  knownEntities: number;
  quotes: number;
  facts: number;
  events: number;
  /** Unsure new entities the reader has not accepted (shown, not saved). */
  unsureLeftOut: number;
  /** Quotes the reader kept that have no speaker (shown, not saved). */
  quotesWithoutSpeaker: number;
}

export function reviewCounts(review: Review, dataset: Dataset): ReviewCounts {
  const known = new Set(review.draft.known.map((k) => k.ref.id));
  const knownEntities = dataset.entities.filter((e) => known.has(e.id)).length;
  return {
    newEntities: dataset.entities.length - knownEntities,
    knownEntities,
    // Counted as the reader reviewed them: a quotation over several paragraphs is one quote, stored in parts.
    quotes: review.draft.quotes.filter((q) => quoteOutcome(review, q.id).saved).length,
    facts: dataset.facts.length,
    events: dataset.events.length,
    unsureLeftOut: review.draft.candidates.filter(
      (c) => c.status === 'unsure' && !review.candidates[c.ref.id]?.keep,
    ).length,
    quotesWithoutSpeaker: Object.values(review.quotes).filter((q) => q.keep && !q.speaker).length,
  };
}
