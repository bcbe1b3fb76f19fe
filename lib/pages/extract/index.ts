// The extraction library's public API: a page in, a draft for review out, and the draft as a dataset once reviewed.
export type { CandidateDecision, Decisions, ItemDecision, QuoteDecision } from './decisions';
export { type ExtractOptions, extractDraft, extractDraftFromHtml, MAX_PAGE_BYTES } from './extract';
export { draftToDataset } from './to-dataset';
export type * from './types';
export { warmUpExtraction } from './warm-up';
