// The reader's review of a draft, as data: what to accept, reject, rename, re-kind or merge, and who spoke.
//
// Every decision is keyed by the id the draft gave the item, and ids never change, so a review UI
// can store decisions as the reader makes them and call draftToDataset at any time. Anything
// without a decision takes its default: proposed candidates, known entities, facts, events and
// attributed quotes are saved; "unsure" candidates and quotes without a speaker are not.
import type { EntityKind, EntityRef } from './types';

export type ItemDecision = { readonly action: 'accept' } | { readonly action: 'reject' };

export type CandidateDecision =
  /** Saves it, optionally under another name (the old one stays an alias) or kind. */
  | { readonly action: 'accept'; readonly name?: string; readonly kind?: EntityKind }
  | { readonly action: 'reject' }
  /** The same entity as a known one or another candidate: its names become aliases there. */
  | { readonly action: 'merge'; readonly into: EntityRef };

export type QuoteDecision =
  /** Saves it, with this speaker instead of the extractor's. */
  { readonly action: 'accept'; readonly speaker?: EntityRef } | { readonly action: 'reject' };

export interface Decisions {
  /** By known entity id: rejecting one drops its mentions' facts from this article. */
  readonly known?: Readonly<Record<string, ItemDecision>>;
  /** By candidate id. */
  readonly candidates?: Readonly<Record<string, CandidateDecision>>;
  /** By quote id. */
  readonly quotes?: Readonly<Record<string, QuoteDecision>>;
  readonly facts?: Readonly<Record<string, ItemDecision>>;
  readonly events?: Readonly<Record<string, ItemDecision>>;
  /** The dataset's name; the article title when absent. */
  readonly datasetName?: string;
}
