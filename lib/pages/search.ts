// Search over the whole knowledge base with Fuse.js: names, aliases, roles, quotes, events; typo-tolerant.
import type { IFuseOptions } from 'fuse.js';
import type { EntityRef, SourceSpan } from './models';
import { FuzzyCollection, fold, words } from './search-candidates';

export interface EntityDoc extends EntityRef {
  aliases: string[];
  description?: string;
}

export interface QuoteDoc {
  id: string;
  text: string;
  speaker: EntityRef | null;
  /** Where the article says it: what an unattributed quote opens. */
  span: SourceSpan;
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
  | {
      type: 'entity';
      score: number;
      /** How close the query's words are to the entity's names and role (1: all exact). */
      closeness: number;
      entity: EntityDoc;
      matched: string;
    }
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
const ENTITY_THRESHOLD = 0.5;
/** Below this word closeness an entity hit is dropped (unless Fuse found the text nearly verbatim). */
const MIN_CLOSENESS = 0.55;
const TEXT_THRESHOLD = 0.25;

export class SearchIndex {
  private readonly entities: FuzzyCollection<EntityDoc>;
  private readonly quotes: FuzzyCollection<QuoteDoc>;
  private readonly events: FuzzyCollection<EventDoc>;
  private readonly byId: Map<string, EntityDoc>;

  constructor(corpus: SearchCorpus) {
    this.byId = new Map(corpus.entities.map((entity) => [entity.id, entity]));
    this.entities = new FuzzyCollection(
      corpus.entities,
      {
        ...shared,
        threshold: ENTITY_THRESHOLD,
        keys: [
          { name: 'name', weight: 3 },
          { name: 'aliases', weight: 2 },
          { name: 'description', weight: 1 },
        ],
      },
      (entity) => [entity.name, ...entity.aliases, entity.description ?? ''],
    );
    this.quotes = new FuzzyCollection(
      corpus.quotes,
      {
        ...shared,
        threshold: TEXT_THRESHOLD,
        ignoreFieldNorm: true,
        // Each word of the query is matched on its own (all must match): "attack kyiv" finds "attack on Kyiv".
        useExtendedSearch: true,
        keys: [
          { name: 'text', weight: 2 },
          { name: 'speaker.name', weight: 1 },
        ],
      },
      (quote) => [quote.text, quote.speaker?.name ?? ''],
    );
    this.events = new FuzzyCollection(
      corpus.events,
      {
        ...shared,
        threshold: TEXT_THRESHOLD,
        ignoreFieldNorm: true,
        useExtendedSearch: true,
        keys: [
          { name: 'title', weight: 3 },
          { name: 'where', weight: 1 },
          { name: 'when', weight: 1 },
          { name: 'participants', weight: 1 },
        ],
      },
      (event) => [event.title, event.where ?? '', event.when ?? '', ...event.participants],
    );
  }

  /**
   * `namedIn`: ids of the entities the query names word for word (the page matcher, with its case rules). Fuse
   * scores a long query against each name as a whole, so "Starmer and Macron met" finds no Starmer; these are
   * listed as results all the same.
   */
  search(query: string, limit = 20, namedIn: readonly string[] = []): SearchResults {
    const text = query.trim();
    if (text.length < 2) return { entities: [], events: [], quotes: [] };
    const words = wordQuery(text);
    const named = new Set(namedIn);
    const fuzzy = this.entities.search(text, limit * 3).flatMap((result) => {
      if (named.has(result.item.id)) return [];
      const closeness = wordCloseness(text, result.item);
      // Fuse casts a wide net; a hit no query word comes close to is noise ("qqxzw" near "Kyiv").
      if (closeness < MIN_CLOSENESS && (result.score ?? 1) > 0.1) return [];
      const score = 0.6 * (1 - closeness) + 0.4 * (result.score ?? 1);
      return [entityHit(text, result.item, closeness, score)];
    });
    // Named word for word: first (score 0, in the text's order), but with their true closeness,
    // which bestEntityFor reads: a name inside a sentence is a result, not a landing.
    const exact = [...named].flatMap((id) => {
      const entity = this.byId.get(id);
      return entity ? [entityHit(text, entity, wordCloseness(text, entity), 0)] : [];
    });
    return {
      entities: [...exact, ...fuzzy].sort((a, b) => a.score - b.score).slice(0, limit),
      events: this.events.search(words, limit).map((result) => ({
        type: 'event' as const,
        score: result.score ?? 1,
        event: result.item,
      })),
      quotes: this.quotes.search(words, limit).map((result) => ({
        type: 'quote' as const,
        score: result.score ?? 1,
        quote: result.item,
      })),
    };
  }
}

function entityHit(
  query: string,
  entity: EntityDoc,
  closeness: number,
  score: number,
): Extract<SearchHit, { type: 'entity' }> {
  return {
    type: 'entity',
    score,
    closeness,
    entity,
    matched: matchedText(query, entity),
  };
}

/**
 * The query for extended search: words only. Extended search reads ^ ! = ' $ | as operators; a reader
 * typing "O'Brien" or "$825" means the characters, so they become spaces.
 */
function wordQuery(text: string): string {
  return (
    text
      .replace(/[\^!='$|"]/g, ' ')
      .split(/\s+/)
      .filter((word) => word.length > 0)
      .join(' ') || text
  );
}

/**
 * Fuse finds candidates, but its score favours entities with many aliases that each half-match
 * ("kyv" against the four spellings of Zelenskyy) and punishes a typo in a long name hard
 * ("Friedrich Mertz"). Readers type words, so the rank mixes in how close each query word is to
 * the nearest whole word (or word start) of a name, alias or role: 1 is every word exact.
 */
function wordCloseness(query: string, entity: EntityDoc): number {
  const nameWords = [entity.name, ...entity.aliases].flatMap(words);
  const roleWords = words(entity.description ?? '');
  const queryWords = words(query);
  if (queryWords.length === 0) return 0;
  let total = 0;
  for (const word of queryWords) {
    const name = Math.max(0, ...nameWords.map((other) => wordSimilarity(word, other)));
    const role = 0.8 * Math.max(0, ...roleWords.map((other) => wordSimilarity(word, other)));
    total += Math.max(name, role);
  }
  return total / queryWords.length;
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

/** The name or alias closest to the query, to show "Kiev" when that is what was typed. */
function matchedText(query: string, entity: EntityDoc): string {
  const folded = fold(query);
  let best = entity.name;
  let bestScore = wordSimilarity(folded, fold(entity.name));
  for (const alias of entity.aliases) {
    const score = wordSimilarity(folded, fold(alias));
    if (score > bestScore) {
      best = alias;
      bestScore = score;
    }
  }
  return best;
}

/** Results in the order the keyboard walks them: entities, then events, then quotes. */
export function flattenResults(results: SearchResults): SearchHit[] {
  return [...results.entities, ...results.events, ...results.quotes];
}

/** The text a looked-up selection is searched as: a selection often carries a possessive ("Putin’s" looks up Putin). */
export function bestEntityQuery(text: string): string {
  return text.trim().replace(/['’]s$/i, '');
}

/**
 * The entity a looked-up selection names, if one stands out among the results of searching `trimmed` (from
 * bestEntityQuery): an exact name or alias (any case), else a single clearly best fuzzy hit. Otherwise the panel
 * shows the search results.
 */
export function bestEntityFor(results: SearchResults, trimmed: string): EntityDoc | undefined {
  const query = trimmed.toLocaleLowerCase();
  const { entities } = results;
  const exact = entities.find(
    (hit) =>
      hit.entity.name.toLocaleLowerCase() === query ||
      hit.entity.aliases.some((alias) => alias.toLocaleLowerCase() === query),
  );
  if (exact) return exact.entity;
  // Otherwise one entity whose names are all but typed out ("Friedrich Mertz"), well ahead of the next.
  const [first, second] = [...entities].sort((a, b) => b.closeness - a.closeness);
  if (first && first.closeness >= 0.85 && (!second || first.closeness - second.closeness > 0.1)) {
    return first.entity;
  }
  return undefined;
}
