// Fuse.js over a large collection, through the documents a query could match: Fuse compares the query with every
// document (a library of 1,000 saved articles: 15,400 entities, 5,000 quotes, 3,000 events took 100–350 ms a keystroke
// in Node), so an index of letter pairs picks the few hundred documents that share the most of them with the query's
// words and Fuse scores only those (pairs, not triples: Fuse finds "kyv" in "Zelenskyy", which shares no triple). Fuse's score of a document does not depend on the others, so what it finds
// among the candidates it scores as it would among all. Small collections (the bundled dataset) are searched whole.
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';

/** Up to this many documents Fuse reads them all: the index would save little and could only lose a hit. */
export const FULL_SCAN_LIMIT = 2_000;

/** Lowercase without accents, as Fuse's `ignoreDiacritics` compares. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** `text`'s words, folded: runs of letters and digits. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * The letter pairs of `text`'s words, a word's start and end marked by a space (" k", "ky", "yi", "iv", "v "). With
 * `open` the last word is being typed: its end is not marked ("volod" is the start of "volodymyr").
 */
export function bigrams(text: string, open = false): Set<string> {
  const out = new Set<string>();
  const list = words(text);
  list.forEach((word, i) => {
    const marked = ` ${word}${open && i === list.length - 1 ? '' : ' '}`;
    for (let j = 0; j + 2 <= marked.length; j++) out.add(marked.slice(j, j + 2));
  });
  return out;
}

export class FuzzyCollection<T> {
  readonly #docs: readonly T[];
  readonly #options: IFuseOptions<T>;
  readonly #whole: Fuse<T> | null;
  /** Letter pair → the documents (indexes, ascending) whose texts have it. */
  readonly #postings = new Map<string, number[]>();
  readonly #candidates: number;

  /**
   * `texts`: what Fuse searches in a document (its keys' values); `candidates`: how many documents Fuse scores for a
   * query of a large collection.
   */
  constructor(
    docs: readonly T[],
    options: IFuseOptions<T>,
    texts: (doc: T) => readonly string[],
    candidates = 400,
  ) {
    this.#docs = docs;
    this.#options = options;
    this.#candidates = candidates;
    this.#whole = docs.length <= FULL_SCAN_LIMIT ? new Fuse(docs, options) : null;
    if (this.#whole) return;
    docs.forEach((doc, index) => {
      for (const gram of bigrams(texts(doc).join(' '))) {
        const list = this.#postings.get(gram);
        if (list) list.push(index);
        else this.#postings.set(gram, [index]);
      }
    });
  }

  /** Fuse's results for `pattern`; `by`: the text the candidates are picked by (default `pattern`). */
  search(pattern: string, limit: number, by = pattern): FuseResult<T>[] {
    if (this.#whole) return this.#whole.search(pattern, { limit });
    const picked = this.#pick(by);
    return new Fuse(picked, this.#options).search(pattern, { limit });
  }

  /** The documents sharing the most letter pairs with `text`, in collection order (Fuse breaks ties by it). */
  #pick(text: string): T[] {
    const counts = new Uint16Array(this.#docs.length);
    const hit: number[] = [];
    for (const gram of bigrams(text, true)) {
      for (const index of this.#postings.get(gram) ?? []) {
        if (counts[index] === 0) hit.push(index);
        counts[index] = (counts[index] as number) + 1;
      }
    }
    const best =
      hit.length <= this.#candidates
        ? hit
        : hit
            .sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b)
            .slice(0, this.#candidates);
    return best.sort((a, b) => a - b).map((index) => this.#docs[index] as T);
  }
}
