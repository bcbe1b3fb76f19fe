// Search over the whole knowledge base with Fuse.js: names, aliases, roles, quotes, events; typo-tolerant.
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { EntityRef } from './models';

export interface EntityDoc extends EntityRef {
  aliases: string[];
  description?: string;
}

export interface QuoteDoc {
  id: string;
  text: string;
  speaker: EntityRef | null;
}

export interface EventDoc {
  id: string;
  title: string;
  when?: string;
  where?: string;
  /** Participant names, so "Alaska Trump" finds the meeting. */
  participants: string[];
}

/** Everything searchable, as plain documents (built from the knowledge base by the caller). */
export interface SearchCorpus {
  entities: EntityDoc[];
  quotes: QuoteDoc[];
  events: EventDoc[];
}

export type SearchHit =
  | { type: 'entity'; score: number; entity: EntityDoc; matched: string }
  | { type: 'event'; score: number; event: EventDoc }
  | { type: 'quote'; score: number; quote: QuoteDoc };

export interface SearchResults {
  entities: Extract<SearchHit, { type: 'entity' }>[];
  events: Extract<SearchHit, { type: 'event' }>[];
  quotes: Extract<SearchHit, { type: 'quote' }>[];
}

const shared: IFuseOptions<unknown> = {
  includeScore: true,
  includeMatches: true,
  // Names are found wherever they sit in a field ("starmr" inside "Keir Starmer").
  ignoreLocation: true,
  ignoreDiacritics: true,
  minMatchCharLength: 2,
};

/**
 * Names are short: a typo or two still finds them ("kyv" → Kyiv is one edit in four letters).
 * Quotes and events are long texts, where the same tolerance would match nearly anything, so
 * they are held to a stricter threshold.
 */
const ENTITY_THRESHOLD = 0.4;
const TEXT_THRESHOLD = 0.25;

export class SearchIndex {
  private readonly entities: Fuse<EntityDoc>;
  private readonly quotes: Fuse<QuoteDoc>;
  private readonly events: Fuse<EventDoc>;

  constructor(corpus: SearchCorpus) {
    this.entities = new Fuse(corpus.entities, {
      ...shared,
      threshold: ENTITY_THRESHOLD,
      keys: [
        { name: 'name', weight: 3 },
        { name: 'aliases', weight: 2 },
        { name: 'description', weight: 1 },
      ],
    });
    this.quotes = new Fuse(corpus.quotes, {
      ...shared,
      threshold: TEXT_THRESHOLD,
      ignoreFieldNorm: true,
      keys: [
        { name: 'text', weight: 2 },
        { name: 'speaker.name', weight: 1 },
      ],
    });
    this.events = new Fuse(corpus.events, {
      ...shared,
      threshold: TEXT_THRESHOLD,
      ignoreFieldNorm: true,
      keys: [
        { name: 'title', weight: 3 },
        { name: 'where', weight: 1 },
        { name: 'when', weight: 1 },
        { name: 'participants', weight: 1 },
      ],
    });
  }

  /** Replaces the documents (datasets changed) without building a new index object. */
  update(corpus: SearchCorpus): void {
    this.entities.setCollection(corpus.entities);
    this.quotes.setCollection(corpus.quotes);
    this.events.setCollection(corpus.events);
  }

  search(query: string, limit = 20): SearchResults {
    const text = query.trim();
    if (text.length < 2) return { entities: [], events: [], quotes: [] };
    return {
      entities: this.entities
        .search(text, { limit: limit * 2 })
        .map((result) => ({
          type: 'entity' as const,
          score: rankEntity(text, result),
          entity: result.item,
          matched: matchedText(result),
        }))
        .sort((a, b) => a.score - b.score)
        .slice(0, limit),
      events: this.events.search(text, { limit }).map((result) => ({
        type: 'event' as const,
        score: result.score ?? 1,
        event: result.item,
      })),
      quotes: this.quotes.search(text, { limit }).map((result) => ({
        type: 'quote' as const,
        score: result.score ?? 1,
        quote: result.item,
      })),
    };
  }
}

/**
 * Fuse finds candidates, but its score favours entities with many aliases that each half-match
 * ("kyv" against the four spellings of Zelenskyy). Readers type words, so the rank mixes in how
 * close each query word is to the nearest whole word (or word start) of a name, alias or role.
 */
function rankEntity(query: string, result: FuseResult<EntityDoc>): number {
  const entity = result.item;
  const nameWords = [entity.name, ...entity.aliases].flatMap(words);
  const roleWords = words(entity.description ?? '');
  const queryWords = words(query);
  if (queryWords.length === 0) return result.score ?? 1;
  let total = 0;
  for (const word of queryWords) {
    const name = Math.max(0, ...nameWords.map((other) => wordSimilarity(word, other)));
    const role = 0.8 * Math.max(0, ...roleWords.map((other) => wordSimilarity(word, other)));
    total += Math.max(name, role);
  }
  const closeness = total / queryWords.length;
  return 0.6 * (1 - closeness) + 0.4 * (result.score ?? 1);
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** 1 for the same word, less per edit; a query that is the start of the word counts almost as much. */
export function wordSimilarity(query: string, word: string): number {
  const whole = 1 - editDistance(query, word) / Math.max(query.length, word.length);
  const start = word.slice(0, query.length);
  const prefix =
    word.length > query.length ? 0.9 * (1 - editDistance(query, start) / query.length) : 0;
  return Math.max(whole, prefix);
}

/** Edits (insert, delete, substitute, swap two neighbours) to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The name or alias the query matched, to show "Zelensky → Volodymyr Zelenskyy" when it is not the name. */
function matchedText(result: FuseResult<EntityDoc>): string {
  const best = result.matches?.find((match) => match.key === 'name' || match.key === 'aliases');
  return best?.value ?? result.item.name;
}

/** Results in the order the keyboard walks them: entities, then events, then quotes. */
export function flattenResults(results: SearchResults): SearchHit[] {
  return [...results.entities, ...results.events, ...results.quotes];
}

/**
 * The entity a looked-up selection names, if one stands out: an exact name or alias (any case),
 * else a single clearly best fuzzy hit. Otherwise the panel shows the search results.
 */
export function bestEntityFor(index: SearchIndex, text: string): EntityDoc | undefined {
  const query = text.trim().toLocaleLowerCase();
  const { entities } = index.search(text, 5);
  const exact = entities.find(
    (hit) =>
      hit.entity.name.toLocaleLowerCase() === query ||
      hit.entity.aliases.some((alias) => alias.toLocaleLowerCase() === query),
  );
  if (exact) return exact.entity;
  const [first, second] = entities;
  if (first && first.score < 0.2 && (!second || second.score - first.score > 0.1)) {
    return first.entity;
  }
  return undefined;
}
