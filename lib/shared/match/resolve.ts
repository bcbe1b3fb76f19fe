// Decides what a name that may stand for several things stands for on one page, from what else the page names.
//
// Rules (decided here once, for every frame and for the background's look-ups in stored text):
// 1. A name only one entry has is that entry, wherever it is ("Kaja Kallas", "Kyiv", "Washington, D.C."). Only
//    these mentions are the page's evidence, never a decided shared name: the answers do not depend on the order
//    the page is read in, and one guess never props up another.
// 2. A name several entries share ("Kallas": Kaja and Siim Kallas; "Washington": the capital the knowledge base
//    holds, and the US state, an OtherEntry) stands for the one the page also names by its own names. A news page
//    names a person in full before using the surname, and a place it means ("Washington state", "Washington,
//    D.C.") once before using the short form: one sense per page.
// 3. If the page names none of them by its own names, it stands for the one the page's other names point to: the
//    entities the knowledge base relates to it (relations, shared events), or the places around a place
//    ("Seattle" for the state, "White House" for the capital). The background works those out (`supports`).
// 4. Otherwise, or when the page names more than one of them (either way), it is left unmarked: a wrong mark costs
//    a reader's trust more than a missing one.
// 5. A name written for one language ("US", "UN", "Trump", "America": case-sensitive, Latin script) on a page
//    declared in another is shared with that language's own words, which never have evidence: it stands for its
//    entity only by rule 2 or 3 ("Trump" on a French page that says "Donald Trump"; never the French "UN"). A page
//    that declares no language is taken at its word: most of those are English.
import type { DictionaryEntry } from '../messaging';
import { type EntryList, entryAt } from './page-entries';

/** No entry: the page can't tell, or the mention names nothing to mark. */
export const UNDECIDED = -1;

/** The primary language subtag of an `html lang` value ("pt-BR" → "pt"), or "" when it declares none. */
export function pageLanguage(lang: string | null | undefined): string {
  return (lang ?? '').trim().split('-')[0]?.toLowerCase() ?? '';
}

/** What a page names, as evidence for the names it shares (one per frame, or per text the background reads). */
export class PageEvidence {
  readonly #entries: EntryList;
  readonly #lang: string;
  /** Mentions that decide on their own, per entry, and per entry they support. */
  readonly #named = new Map<number, number>();
  readonly #pointed = new Map<number, number>();
  #changes = 0;

  /** `lang`: the page's language (`pageLanguage`). */
  constructor(entries: EntryList, lang: string) {
    this.#entries = entries;
    this.#lang = lang;
  }

  /** Counts up whenever an answer of `decide` may have changed (some entry gained its first evidence or lost its last). */
  get changes(): number {
    return this.#changes;
  }

  /** The entry a mention of `entry` stands for without asking the page (rule 1), or UNDECIDED. */
  direct(entry: number): number {
    const found = entryAt(this.#entries, entry);
    if (!found) return UNDECIDED;
    if (!('among' in found)) return entry;
    const [only, ...more] = found.among;
    const lang = found.lang;
    return only !== undefined && more.length === 0 && (!lang || !this.#lang || lang === this.#lang)
      ? only
      : UNDECIDED;
  }

  /** A mention that decides on its own (`direct` gave `entry`) came (+1) or went (-1). */
  note(entry: number, delta: 1 | -1): void {
    this.#bump(this.#named, entry, delta);
    const found = entryAt(this.#entries, entry);
    if (found && !('among' in found))
      for (const other of found.supports ?? []) this.#bump(this.#pointed, other, delta);
  }

  /** The entry a mention of `entry` stands for on this page now (rules 1–4), or UNDECIDED. */
  decide(entry: number): number {
    const direct = this.direct(entry);
    const found = entryAt(this.#entries, entry);
    if (direct !== UNDECIDED || !found || !('among' in found)) return direct;
    const named = only(found.among, this.#named);
    return named !== null ? named : (only(found.among, this.#pointed) ?? UNDECIDED);
  }

  #bump(counts: Map<number, number>, entry: number, delta: 1 | -1): void {
    const count = (counts.get(entry) ?? 0) + delta;
    if (count > 0) counts.set(entry, count);
    else counts.delete(entry);
    if (count === 0 || (count === 1 && delta === 1)) this.#changes++;
  }
}

/**
 * The one of `among` with evidence in `counts`; UNDECIDED when several have (rule 4: not worth a guess, and no
 * weaker rule overrides it); null when none has.
 */
function only(among: readonly number[], counts: ReadonlyMap<number, number>): number | null {
  let found: number | null = null;
  for (const entry of among) {
    if (!counts.has(entry)) continue;
    if (found !== null) return UNDECIDED;
    found = entry;
  }
  return found;
}

/**
 * The matches of a whole text with every shared name decided by the rest of it (the background's look-ups in stored
 * articles and search queries); matches that name nothing to mark are left out. `entity` becomes the entry decided.
 */
export function decideMatches<M extends { entity: number }>(
  matches: readonly M[],
  entries: readonly DictionaryEntry[],
  lang = '',
): M[] {
  const evidence = new PageEvidence(entries, lang);
  for (const match of matches) {
    const direct = evidence.direct(match.entity);
    if (direct !== UNDECIDED) evidence.note(direct, 1);
  }
  return matches.flatMap((match) => {
    const entity = evidence.decide(match.entity);
    const entry = entries[entity];
    return entry && 'entityId' in entry ? [{ ...match, entity }] : [];
  });
}
