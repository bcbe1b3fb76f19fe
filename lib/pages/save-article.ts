// "Save this article" in the side panel: the followed tab's page read, extracted here on the device, and the reviewed
// article stored through the background; every way it can fail is a value the view can put in words.
//
// Why the panel extracts and not the tab or the background: the content script must stay small (no extraction
// code in it), and Chrome's service worker has no DOMParser. The extraction library is loaded on demand (its own
// chunk: compromise and chrono-node would otherwise slow every panel's first paint) and warmed up while idle.
//
// Known entities come from the store (`dictionaryEntities`: what the background builds its dictionary from, an
// entity carrying the names of those merged into it), read until the knowledge version holds still, and their
// matcher is compiled here. (The background's tables are not reused: its dictionary decides shared names such as
// "Washington" per page, entries the extraction does not take; compiling the seed's takes milliseconds, a
// 20,000-entity library's about a second, paid once per save.)
import { type DictionaryItem, dictionaryItem } from '../shared/kb/dictionary';
import type { Dataset } from '../shared/kb/schema';
import { compileMatcher, type Matcher } from '../shared/match/matcher';
import type { PageCopy } from '../shared/page-copy';
import { err, ok, type Result } from '../shared/result';
import type { KnowledgeReader } from '../shared/store/read';
import type { KnowledgeRequests } from '../shared/store/requests';
import type { DatasetCounts, DatasetRow, EntityRow } from '../shared/store/rows';
import type { Draft, ExtractFailure, ExtractOptions } from './extract';
import type { FollowedTab, PageCopyReading } from './followed-page';
import { hostOf } from './followed-page';
import { type Review, reviewedDataset, reviewMentions, startReview } from './review';

/** Why an article could not be read for review. */
export type ReadProblem =
  /** No tab to save (no normal window, or the followed tab closed). */
  | { kind: 'no-tab' }
  /** Browser pages, PDFs, extension stores: no extension may read them. */
  | { kind: 'restricted' }
  /** A web page whose content script does not answer: still loading, or open since before an install or update. */
  | { kind: 'unreachable'; host: string | null }
  | { kind: 'too-large'; bytes: number; limit: number }
  /** Readability found no article (a home page, a search page, an app). */
  | { kind: 'no-article'; detail: string }
  /** Something else went wrong; `detail` says what. */
  | { kind: 'failed'; detail: string };

/** The article read and extracted, ready for the reader's review. */
export interface ReadArticle {
  review: Review;
  /** The same article saved before (same dataset id): Save replaces it. */
  earlier?: EarlierCopy;
  /** Milliseconds from asking the tab to the draft. */
  took: number;
}

export interface EarlierCopy {
  row: DatasetRow;
  /** Ids of the known entities of the draft that came with that copy (the reader sees them as theirs, from it). */
  entityIds: string[];
}

/** What reading an article needs; the side panel passes the browser's, tests their own. */
export interface ReadDeps {
  tab(): Promise<FollowedTab | null>;
  copyPage(tab: FollowedTab): Promise<PageCopyReading>;
  reader: Pick<
    KnowledgeReader,
    'version' | 'dictionaryEntities' | 'entityIds' | 'datasets' | 'source'
  >;
  /** The extraction library (a chunk of its own, loaded on first use). */
  extraction(): Promise<Extraction>;
  parse(html: string): Document;
  now?(): number;
}

/** The part of lib/pages/extract this flow uses. */
export interface Extraction {
  extractDraftFromHtml(
    html: string,
    parse: (html: string) => Document,
    options: ExtractOptions,
  ): Result<Draft, ExtractFailure>;
}

/** Times the store may change while its entities are read (a write in between) before giving up. */
const DICTIONARY_ATTEMPTS = 3;

interface KnownEntities {
  items: DictionaryItem[];
  matcher: Matcher;
  rows: EntityRow[];
}

/** The known entities and their matcher, read while the knowledge version holds still. */
async function knownEntities(deps: ReadDeps): Promise<KnownEntities | null> {
  for (let attempt = 0; attempt < DICTIONARY_ATTEMPTS; attempt++) {
    const before = await deps.reader.version();
    const rows = await deps.reader.dictionaryEntities();
    if ((await deps.reader.version()) === before) {
      const items = rows.map(dictionaryItem);
      return { items, matcher: compileMatcher(items), rows };
    }
  }
  return null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads the followed tab's page and extracts it for review; nothing is stored. */
export async function readArticle(deps: ReadDeps): Promise<Result<ReadArticle, ReadProblem>> {
  const now = deps.now ?? (() => performance.now());
  const started = now();
  try {
    const tab = await deps.tab();
    if (!tab) return err({ kind: 'no-tab' });
    // The page, the known entities and the library at once: none needs another.
    const [reading, known, extraction, reserved] = await Promise.all([
      deps.copyPage(tab),
      knownEntities(deps),
      deps.extraction(),
      deps.reader.entityIds(),
    ]);
    if (reading.kind === 'restricted') return err({ kind: 'restricted' });
    if (reading.kind === 'unreachable')
      return err({ kind: 'unreachable', host: hostOf(reading.url) });
    if (!reading.result.ok) {
      const { bytes, limit } = reading.result.refusal;
      return err({ kind: 'too-large', bytes, limit });
    }
    if (!known) {
      return err({
        kind: 'failed',
        detail:
          'The knowledge base kept changing while the article was read (another save or import).',
      });
    }
    const copy: PageCopy = reading.result.copy;
    const extracted = extraction.extractDraftFromHtml(copy.html, deps.parse, {
      url: copy.url,
      dictionary: known.items,
      matcher: known.matcher,
      reservedIds: reserved,
    });
    if (!extracted.ok) {
      const failure = extracted.error;
      return failure.reason === 'too-large'
        ? err({ kind: 'too-large', bytes: failure.bytes, limit: failure.limit })
        : err({ kind: 'no-article', detail: failure.message });
    }
    const draft = extracted.value;
    const row = (await deps.reader.datasets()).find((d) => d.id === draft.datasetId);
    const own = new Set(known.rows.filter((r) => r.dataset === draft.datasetId).map((r) => r.id));
    const earlier: EarlierCopy | undefined = row
      ? { row, entityIds: draft.known.map((k) => k.ref.id).filter((id) => own.has(id)) }
      : undefined;
    return ok({
      review: startReview(draft),
      ...(earlier ? { earlier } : {}),
      took: now() - started,
    });
  } catch (error) {
    return err({ kind: 'failed', detail: message(error) });
  }
}

/** What a save stored, for the reader to read back. */
export interface SavedArticleSummary {
  datasetId: string;
  sourceId: string;
  title: string;
  counts: DatasetCounts;
  /** The earlier copy's counts, when this article was saved before. */
  replaced?: DatasetCounts;
}

/** Why a save stored nothing. */
export type SaveFailure =
  | { kind: 'invalid'; issues: { path: string; message: string }[] }
  | { kind: 'quota'; message: string }
  | { kind: 'failed'; message: string };

/**
 * Keeps the roles of the entities an earlier copy of this same article brought: on a second save they are known
 * entities, which the extractor carries as bare copies, and the earlier copy (with their roles) is replaced. Only
 * when the text is unchanged, so each role's evidence still points at its sentence.
 */
async function withEarlierRoles(
  dataset: Dataset,
  earlier: EarlierCopy | undefined,
  reader: Pick<KnowledgeReader, 'source' | 'entities'>,
): Promise<Dataset> {
  const source = dataset.sources[0];
  if (!earlier || earlier.entityIds.length === 0 || !source) return dataset;
  const before = await reader.source(source.id);
  if (before?.dataset !== earlier.row.id || before.text !== source.text) return dataset;
  const rows = await reader.entities(earlier.entityIds);
  return {
    ...dataset,
    entities: dataset.entities.map((entity) => {
      const row = rows.get(entity.id);
      const evidence = row?.descriptionEvidence;
      if (!row?.description || !evidence || evidence.source !== source.id) return entity;
      return { ...entity, description: row.description, descriptionEvidence: evidence };
    }),
  };
}

/** Stores the reviewed article through the background (one transaction: all of it or nothing). */
export async function saveReviewed(
  review: Review,
  earlier: EarlierCopy | undefined,
  access: { reader: Pick<KnowledgeReader, 'source' | 'entities'>; requests: KnowledgeRequests },
): Promise<Result<SavedArticleSummary, SaveFailure>> {
  try {
    const dataset = await withEarlierRoles(reviewedDataset(review), earlier, access.reader);
    const mentions = reviewMentions(review, dataset);
    const saved = await access.requests.saveArticle({ dataset, mentions });
    if (!saved.ok) return err(saved.error);
    const { row, replaced } = saved.value;
    return ok({
      datasetId: row.id,
      sourceId: dataset.sources[0]?.id ?? review.draft.sourceId,
      title: review.draft.article.title,
      counts: row.counts,
      ...(replaced ? { replaced } : {}),
    });
  } catch (error) {
    return err({ kind: 'failed', message: message(error) });
  }
}

/** Runs `work` when the page is idle (or soon, where the browser can't tell). */
export function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (run: () => void) => void })
    .requestIdleCallback;
  if (idle) idle(work);
  else setTimeout(work, 200);
}

/** The side panel's save flow, one state at a time (the panel keeps it while the reader looks elsewhere). */
export type SaveSession =
  | { phase: 'reading' }
  | { phase: 'unreadable'; problem: ReadProblem }
  /** `failure`: why the last Save stored nothing; the review stays as the reader left it, to try again. */
  | { phase: 'review'; article: ReadArticle; failure?: SaveFailure }
  | { phase: 'saving'; article: ReadArticle }
  | { phase: 'saved'; summary: SavedArticleSummary };
