// Finds every knowledge-base alias in a text in one pass with an Aho–Corasick automaton over folded code units.
//
// Rules (what a reader expects, decided here once):
// - Case folds only where the alias allows it: a case-sensitive alias ("US", "EU", "UN", "UK")
//   matches only the same capitals ("us", "Eu" and "eu" never match it).
// - A case-sensitive alias matches its accents exactly too: "America" does not match "América" (in Portuguese
//   and Spanish the continent: "Copa América"), "Jose" not "José", precomposed or not. An alias is made
//   case-sensitive because only its exact spelling names the entity; an accent changes a spelling as much as a
//   capital does, and no list of exclusions could hold every phrase of every language around it. Spaces,
//   apostrophes, hyphens and invisible characters stay alike, as for every alias (`foldExact`).
// - Typographic and straight apostrophes (’ ‘ ʼ ' `) are the same; NBSP, thin, narrow and other
//   spaces, tabs and newlines are a space, and a run of them is one space; soft hyphens,
//   zero-width characters and combining marks are skipped; for aliases that are not case-sensitive, Latin
//   diacritics fold (é → e, ł → l) and Cyrillic letters only fold case (and ё → е). Offsets always point into the
//   original text.
// - Whole words by Unicode letter/number/mark classes: "Putin" does not match in "Putinism",
//   "Kyiv" matches in "Kyiv-based" and "l’Ukraine". Decided: "Kiev" does NOT match in "Kievan"
//   (Kievan Rus' is a medieval state, not the city); "Kiev" matches in "Kiev's".
// - Possessives match the name: "Putin's", "Putin’s", "Zelenskyy’s", "Zelenskyy' s", "Zelenskyys'"
//   give a match covering the name only. An apostrophe followed by other letters continues the
//   word ("Don't" is not "Don").
// - Leftmost-longest, no overlaps: "Vladimir Putin" wins over "Putin"; among aliases of the same
//   text, the entity listed first in the dictionary wins.
// - Exclusions: an entity's `excludes` ("South America", "Bank of America" for an entity whose
//   alias is "America") compete like aliases, so they win as the longer match, but a winning
//   exclusion is reported as nothing. An alias of the same text as an exclusion always wins over
//   it, whichever entity lists either. They are patterns like any other: scanning costs the same.
// - `find(text, from, to)` reports matches inside [from, to) only, but looks at the characters
//   just outside the window to decide word boundaries, so a window cut mid-word finds nothing there.
//   (An exclusion that starts before the window is not seen; the scanner passes whole blocks.)
//
// Cost: building is linear in the total alias length (plus one sort); build once per page (a
// 100,000-entity dictionary takes ~0.5–1 s, the seed's a few milliseconds on a cold page).
// Scanning reads each code unit once through a 64K class table; transitions are a dense table
// for the first trie levels and sorted child runs with failure links below. Failure links only
// lead to suffixes that start a word; inside a word no alias can start in, the automaton sits in
// a DEAD state until the next non-word character, so whole-word matching costs nothing extra and
// the work per character does not grow with the number of entities. No allocation per
// character, only per match. `find` is not re-entrant (one scratch buffer per matcher).
import {
  APOSTROPHE,
  codePointBefore,
  foldCaseless,
  foldExact,
  IGNORE,
  isWordCodePoint,
  isWordUnit,
  SPACE,
} from './fold';

/** One alias of an entity, as the knowledge base states it. */
export interface MatchAlias {
  readonly text: string;
  readonly caseSensitive: boolean;
}

/** What the matcher needs from a knowledge-base entity (structurally, so KB types fit as they are). */
export interface MatchEntity {
  readonly aliases: readonly MatchAlias[];
  /** Longer phrases containing an alias that name something else: matched, never reported. */
  readonly excludes?: readonly MatchAlias[];
}

/** A mention found in a text: UTF-16 offsets into the original text, `entity` indexes the dictionary. */
export interface Match {
  start: number;
  end: number;
  entity: number;
}

export interface MatcherStats {
  readonly entities: number;
  /** Distinct aliases and exclusions after normalization (empty ones and later duplicates are dropped). */
  readonly patterns: number;
  readonly states: number;
  /** Distinct folded code units in all aliases. */
  readonly alphabet: number;
  /** Longest alias, in folded code units. */
  readonly maxLength: number;
  /** States with a dense transition row (the shallowest ones). */
  readonly denseStates: number;
}

export interface Matcher {
  /** All leftmost-longest, non-overlapping, whole-word matches inside [from, to), in text order. */
  find(text: string, from?: number, to?: number): Match[];
  readonly stats: MatcherStats;
}

const IGNORE_CLASS = 0xffff;
/** Not classified yet: word-ness of characters outside the aliases is looked up on first sight. */
const UNKNOWN_CLASS = 0xfffe;
/** Character classes below FIRST_CLASS: characters no alias contains, non-word (0) or word (1). */
const WORD_CLASS = 1;
const FIRST_CLASS = 2;
const ROOT = 0;
const DEAD = 1;
/** The entity of an exclusion pattern: a match of it hides what it covers and is not reported. */
const EXCLUDED = -1;
/** Aliases longer than this (in folded code units) are cut off from the dictionary. */
const MAX_ALIAS_LENGTH = 512;
/** Upper bound for the dense transition table (entries of 4 bytes). */
const DENSE_BUDGET = 1 << 20;

interface Pattern {
  readonly entity: number;
  readonly folded: string;
  /** The alias as it must be written (`foldExact`), only for case-sensitive aliases. */
  readonly exact: string | null;
}

function normalizeAlias(text: string, fold: (cu: number) => number): string {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = fold(text.charCodeAt(i));
    if (f === IGNORE) continue;
    if (f === SPACE && (out.length === 0 || out[out.length - 1] === SPACE)) continue;
    out.push(f);
  }
  if (out[out.length - 1] === SPACE) out.pop();
  return String.fromCharCode(...out);
}

/**
 * The automaton as plain data: what `find` reads, and nothing that depends on the page. Built once per dictionary
 * (the background builds it, lib/shared/match/tables-transfer.ts carries it to each frame: compiling in every frame cost
 * 3.7–4 ms of cold main-thread CPU per page in Chromium, decoding the tables and `matcherFromTables` 1.0–1.9 ms).
 */
export interface MatcherTables {
  /** Distinct folded code units of the aliases, ascending: unit `units[i]` has class `i + FIRST_CLASS`. */
  readonly units: Uint16Array;
  readonly alphaSize: number;
  /** States `< denseCount` have a row of `alphaSize` transitions in `dense`. */
  readonly denseCount: number;
  readonly dense: Int32Array;
  readonly fail: Int32Array;
  readonly outLink: Int32Array;
  readonly outHead: Int32Array;
  readonly outNext: Int32Array;
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
  readonly edgeClass: Uint16Array;
  readonly depth: Uint16Array;
  readonly patLen: Int32Array;
  readonly patEntity: Int32Array;
  readonly patWordEnd: Uint8Array;
  /** Each case-sensitive pattern as it must be written (`foldExact`), null for the others. */
  readonly patExact: readonly (string | null)[];
  readonly stats: MatcherStats;
}

/** Builds the automaton once for the whole dictionary; `find` can then run on any number of texts. */
export function compileMatcher(dict: readonly MatchEntity[]): Matcher {
  return matcherFromTables(buildMatcherTables(dict));
}

/** The automaton's tables for a dictionary (see `MatcherTables`). */
export function buildMatcherTables(dict: readonly MatchEntity[]): MatcherTables {
  const patterns: Pattern[] = [];
  // Only the first entity of a given alias can ever win, so later copies are dropped: output
  // chains then stay short even when thousands of entities share an alias.
  const seen = new Set<string>();
  const add = (alias: MatchAlias, entity: number) => {
    const folded = normalizeAlias(alias.text, foldCaseless);
    if (folded.length === 0 || folded.length > MAX_ALIAS_LENGTH) return;
    // NFC: a page writes \u00e9 as one code unit, and so must the alias it is compared with.
    const exact = alias.caseSensitive
      ? normalizeAlias(alias.text.normalize('NFC'), foldExact)
      : null;
    const key = `${folded}\u0000${exact ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    patterns.push({ entity, folded, exact });
  };
  dict.forEach((entity, index) => {
    for (const alias of entity.aliases) add(alias, index);
  });
  // After every alias, so an exclusion of the same text as some alias is the copy dropped.
  for (const entity of dict) for (const alias of entity.excludes ?? []) add(alias, EXCLUDED);
  const patternCount = patterns.length;

  // Alphabet: distinct folded units, classes in code-unit order so sorted aliases give sorted edges.
  // Class 0: a non-word character no alias contains; class 1: such a word character.
  const unitSet = new Set<number>();
  let totalLength = 0;
  let maxLength = 0;
  for (const p of patterns) {
    totalLength += p.folded.length;
    if (p.folded.length > maxLength) maxLength = p.folded.length;
    for (let i = 0; i < p.folded.length; i++) unitSet.add(p.folded.charCodeAt(i));
  }
  unitSet.add(SPACE);
  const units = [...unitSet].sort((a, b) => a - b);
  const alphaSize = units.length + FIRST_CLASS;
  const classOfUnit = new Uint16Array(0x10000); // 0: not in any alias
  const wordClass = new Uint8Array(alphaSize);
  wordClass[WORD_CLASS] = 1;
  units.forEach((u, i) => {
    classOfUnit[u] = i + FIRST_CLASS;
    // Surrogate halves inside aliases belong to astral letters.
    wordClass[i + FIRST_CLASS] = isWordUnit(u) || (u >= 0xd800 && u < 0xe000) ? 1 : 0;
  });
  if (alphaSize >= UNKNOWN_CLASS) throw new RangeError('alias alphabet too large');

  // Trie in DFS order from the sorted aliases (ties keep dictionary order). Sorting tagged
  // strings natively is several times faster than a comparator; U+FFFF never occurs in a folded
  // alias, and any order that keeps shared prefixes together builds the same trie.
  const width = String(patternCount).length;
  const tagged = patterns.map((p, i) => `${p.folded}\uffff${String(i).padStart(width, '0')}`);
  tagged.sort();
  const order = tagged.map((t) => Number(t.slice(t.lastIndexOf('\uffff') + 1)));
  const cap = totalLength + 1;
  const tClass = new Uint16Array(cap);
  const tFirst = new Int32Array(cap).fill(-1);
  const tLast = new Int32Array(cap).fill(-1);
  const tNext = new Int32Array(cap).fill(-1);
  const tOutHead = new Int32Array(cap).fill(-1);
  const tOutTail = new Int32Array(cap).fill(-1);
  const outNext = new Int32Array(patternCount).fill(-1);
  let nodes = 1;
  const path = new Int32Array(maxLength + 1);
  let prev = '';
  for (const pi of order) {
    const s = patterns[pi]?.folded ?? '';
    let lcp = 0;
    const lim = Math.min(s.length, prev.length);
    while (lcp < lim && s.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    for (let j = lcp; j < s.length; j++) {
      const parentNode = path[j] ?? 0;
      const node = nodes++;
      tClass[node] = classOfUnit[s.charCodeAt(j)] ?? 0;
      const last = tLast[parentNode] ?? -1;
      if (last === -1) tFirst[parentNode] = node;
      else tNext[last] = node;
      tLast[parentNode] = node;
      path[j + 1] = node;
    }
    const end = path[s.length] ?? 0;
    const tail = tOutTail[end] ?? -1;
    if (tail === -1) tOutHead[end] = pi;
    else outNext[tail] = pi;
    tOutTail[end] = pi;
    prev = s;
  }

  // Renumber breadth-first: children of a state become one sorted, contiguous run of ids and
  // shallow states come first, so the dense table covers a prefix of the ids. Id 1 is DEAD:
  // "inside a word where no alias can start", the state that makes whole-word matching cheap.
  const states = nodes + 1;
  const queue = new Int32Array(states);
  const parent = new Int32Array(states);
  const edgeClass = new Uint16Array(states);
  const depth = new Uint16Array(states);
  const firstChild = new Int32Array(states);
  const childCount = new Int32Array(states);
  const outHead = new Int32Array(states).fill(-1);
  let head = 0;
  let tailQ = 2;
  queue[0] = 0;
  while (head < tailQ) {
    const id = head++;
    if (id === DEAD) continue;
    const old = queue[id] ?? 0;
    outHead[id] = tOutHead[old] ?? -1;
    firstChild[id] = tailQ;
    let n = 0;
    for (let c = tFirst[old] ?? -1; c !== -1; c = tNext[c] ?? -1) {
      const cid = tailQ++;
      queue[cid] = c;
      parent[cid] = id;
      edgeClass[cid] = tClass[c] ?? 0;
      depth[cid] = (depth[id] ?? 0) + 1;
      n++;
    }
    childCount[id] = n;
  }

  // Dense rows for the states nearest the root, as deep as the budget allows.
  let denseCount = 2;
  for (let d = 1; d <= 3; d++) {
    let count = denseCount;
    while (count < states && depth[count] === d) count++;
    if (count * alphaSize > DENSE_BUDGET) break;
    denseCount = count;
    if (count === states) break;
  }
  const dense = new Int32Array(denseCount * alphaSize);
  const fail = new Int32Array(states);
  const outLink = new Int32Array(states).fill(-1);

  const childOf = childFinder(firstChild, childCount, edgeClass);
  const delta = (from: number, c: number): number => {
    let s = from;
    while (s >= denseCount) {
      const child = childOf(s, c);
      if (child !== -1) return child;
      s = fail[s] ?? 0;
    }
    return dense[s * alphaSize + c] ?? 0;
  };

  // Failure links only lead to suffixes that start a word (or start with a non-word character);
  // when none is left inside a word, they lead to DEAD.
  for (let s = 0; s < states; s++) {
    if (s === DEAD) {
      for (let c = 0; c < alphaSize; c++) {
        const child = childOf(ROOT, c);
        dense[DEAD * alphaSize + c] = wordClass[c] === 1 ? DEAD : child !== -1 ? child : ROOT;
      }
      continue;
    }
    if (s !== ROOT) {
      const p = parent[s] ?? 0;
      const c = edgeClass[s] ?? 0;
      fail[s] = p === ROOT ? (wordClass[c] === 1 ? DEAD : ROOT) : delta(fail[p] ?? 0, c);
    }
    if (s < denseCount) {
      const row = s * alphaSize;
      const failRow = (fail[s] ?? 0) * alphaSize;
      for (let c = 0; c < alphaSize; c++) {
        const child = childOf(s, c);
        dense[row + c] =
          child !== -1
            ? child
            : s === ROOT
              ? wordClass[c] === 1
                ? DEAD
                : ROOT
              : (dense[failRow + c] ?? 0);
      }
    }
    outLink[s] = outHead[s] !== -1 ? s : s === ROOT ? -1 : (outLink[fail[s] ?? 0] ?? -1);
  }

  // Per-pattern data in flat arrays for the scanning loop.
  const patLen = new Int32Array(patternCount);
  const patEntity = new Int32Array(patternCount);
  const patWordEnd = new Uint8Array(patternCount);
  const patExact: (string | null)[] = new Array(patternCount);
  patterns.forEach((p, i) => {
    patLen[i] = p.folded.length;
    patEntity[i] = p.entity;
    const lastUnit = p.folded.charCodeAt(p.folded.length - 1);
    patWordEnd[i] = isWordUnit(lastUnit) || (lastUnit >= 0xd800 && lastUnit < 0xe000) ? 1 : 0;
    patExact[i] = p.exact;
  });

  return {
    units: Uint16Array.from(units),
    alphaSize,
    denseCount,
    dense,
    fail,
    outLink,
    outHead,
    outNext,
    firstChild,
    childCount,
    edgeClass,
    depth,
    patLen,
    patEntity,
    patWordEnd,
    patExact,
    stats: {
      entities: dict.length,
      patterns: patternCount,
      states,
      alphabet: units.length,
      maxLength,
      denseStates: denseCount,
    },
  };
}

/** A combining diacritical mark: part of the letter before it. */
function isMark(cu: number): boolean {
  return cu >= 0x300 && cu < 0x370;
}

/** The child of state `s` on class `c` (binary search over its sorted edges), or -1. */
function childFinder(
  firstChild: Int32Array,
  childCount: Int32Array,
  edgeClass: Uint16Array,
): (s: number, c: number) => number {
  return (s, c) => {
    let lo = firstChild[s] ?? 0;
    let hi = lo + (childCount[s] ?? 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const ec = edgeClass[mid] ?? 0;
      if (ec === c) return mid;
      if (ec < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}

/** A matcher over built tables (from `buildMatcherTables`, here or in the background). */
export function matcherFromTables(tables: MatcherTables): Matcher {
  const { units, alphaSize, denseCount, dense, fail, outLink, outHead, outNext } = tables;
  const { firstChild, childCount, edgeClass, depth, patLen, patEntity, patWordEnd, patExact } =
    tables;
  const { patterns: patternCount, maxLength } = tables.stats;
  const classOfUnit = new Uint16Array(0x10000); // 0: not in any alias
  units.forEach((u, i) => {
    classOfUnit[u] = i + FIRST_CLASS;
  });
  // Every code unit is classified on first sight (through its fold), so nothing here walks 65,536 entries.
  const classOf = new Uint16Array(0x10000).fill(UNKNOWN_CLASS);
  const classify = (cu: number): number => {
    const f = foldCaseless(cu);
    const c = f === IGNORE ? IGNORE_CLASS : classOfUnit[f] || (isWordUnit(f) ? WORD_CLASS : 0);
    classOf[cu] = c;
    return c;
  };
  for (const u of units) classify(u);
  const spaceClass = classOf[SPACE] ?? 0;
  const childOf = childFinder(firstChild, childCount, edgeClass);

  // Ring buffers over the last `ring` folded positions: original offset of each, and the best
  // candidate match starting there.
  let ring = 2;
  while (ring < maxLength + 2) ring <<= 1;
  const mask = ring - 1;
  const posBuf = new Int32Array(ring);
  const bestLen = new Int32Array(ring);
  const bestEnd = new Int32Array(ring);
  const bestEntity = new Int32Array(ring);

  const wordBefore = (text: string, index: number): boolean => {
    let j = index - 1;
    while (j >= 0 && foldCaseless(text.charCodeAt(j)) === IGNORE) j--;
    return (
      j >= 0 &&
      foldCaseless(text.charCodeAt(j)) !== APOSTROPHE &&
      isWordCodePoint(codePointBefore(text, j))
    );
  };
  const nextVisible = (text: string, index: number): number => {
    let j = index;
    while (j < text.length && foldCaseless(text.charCodeAt(j)) === IGNORE) j++;
    return j;
  };
  /** True if a word continues at `index` (a possessive 's does not continue it). */
  const wordAfter = (text: string, index: number): boolean => {
    const j = nextVisible(text, index);
    if (j >= text.length) return false;
    // ʼ (U+02BC) is a letter to Unicode but an apostrophe to readers.
    if (foldCaseless(text.charCodeAt(j)) !== APOSTROPHE)
      return isWordCodePoint(text.codePointAt(j) ?? 0);
    const k = nextVisible(text, j + 1);
    if (k >= text.length || !isWordCodePoint(text.codePointAt(k) ?? 0)) return false;
    if (foldCaseless(text.charCodeAt(k)) !== 0x73 /* s */) return true;
    const after = nextVisible(text, k + 1);
    return after < text.length && isWordCodePoint(text.codePointAt(after) ?? 0);
  };
  const sameCase = (text: string, start: number, end: number, exact: string): boolean => {
    let q = 0;
    let prevSpace = false;
    for (let t = start; t < end; t++) {
      const f = foldExact(text.charCodeAt(t));
      if (f === IGNORE) continue;
      if (f === SPACE) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      if (f !== exact.charCodeAt(q++)) return false;
    }
    return q === exact.length;
  };
  /** `sameCase`, and for decomposed page text ("e" + U+0301) the same compared composed, as the alias is. */
  const written = (text: string, start: number, end: number, exact: string): boolean => {
    if (sameCase(text, start, end, exact)) return true;
    let t = start;
    while (t < end && !isMark(text.charCodeAt(t))) t++;
    if (t === end) return false;
    const composed = text.slice(start, end).normalize('NFC');
    return sameCase(composed, 0, composed.length, exact);
  };
  /** Extends an end offset over combining marks that belong to the last matched letter. */
  const endWithMarks = (text: string, end: number): number => {
    let e = end;
    while (e < text.length && isMark(text.charCodeAt(e))) e++;
    return e;
  };

  function find(text: string, from = 0, to = text.length): Match[] {
    const out: Match[] = [];
    const lo = Math.max(0, Math.min(from, text.length));
    const hi = Math.max(lo, Math.min(to, text.length));
    if (patternCount === 0) return out;
    let s = wordBefore(text, lo) ? DEAD : ROOT;
    let k = -1; // index of the last folded position fed to the automaton
    let prevSpace = true;
    let emitPos = 0;
    let pending = 0;
    let lastEnd = 0; // folded position just after the last reported match

    // Candidate slots are flushed inline below (a closure here would move the loop's
    // variables into a heap context and slow every character down).
    for (let i = lo; i < hi; i++) {
      const cu = text.charCodeAt(i);
      let c = classOf[cu] ?? 0;
      if (c >= UNKNOWN_CLASS) {
        if (c === UNKNOWN_CLASS) c = classify(cu);
        if (c === IGNORE_CLASS) continue;
      }
      if (c === spaceClass) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      k++;

      if (c < FIRST_CLASS) {
        // No alias contains this character: every live path ends here.
        s = c === WORD_CLASS ? DEAD : ROOT;
        if (pending === 0) continue;
      } else {
        posBuf[k & mask] = i;
        let next = -1;
        while (s >= denseCount) {
          const first = firstChild[s] ?? 0;
          const n = childCount[s] ?? 0;
          if (n <= 8) {
            for (let j = first, e = first + n; j < e; j++) {
              const ec = edgeClass[j] ?? 0;
              if (ec >= c) {
                if (ec === c) next = j;
                break;
              }
            }
          } else next = childOf(s, c);
          if (next !== -1) break;
          s = fail[s] ?? 0;
        }
        s = next !== -1 ? next : (dense[s * alphaSize + c] ?? 0);

        for (let o = outLink[s] ?? -1; o !== -1; o = outLink[fail[o] ?? 0] ?? -1) {
          for (let p = outHead[o] ?? -1; p !== -1; p = outNext[p] ?? -1) {
            const len = patLen[p] ?? 0;
            const nstart = k - len + 1;
            if (nstart < lastEnd) continue;
            const slot = nstart & mask;
            if ((bestLen[slot] ?? 0) >= len) continue;
            const start = posBuf[slot] ?? 0;
            const exact = patExact[p];
            const end = endWithMarks(text, i + 1);
            if (exact != null && !written(text, start, end, exact)) continue;
            if (patWordEnd[p] === 1 && wordAfter(text, i + 1)) continue;
            if (bestLen[slot] === 0 && pending++ === 0) emitPos = k - (depth[s] ?? 0) + 1;
            bestLen[slot] = len;
            bestEnd[slot] = end;
            bestEntity[slot] = patEntity[p] ?? 0;
          }
        }
      }

      // No future match can start before `earliest`: candidates there are final. With none
      // pending, `emitPos` is set when the next one arrives (saves a memory read per character).
      if (pending === 0) continue;
      const earliest = k - (depth[s] ?? 0) + 1;
      for (; emitPos < earliest; emitPos++) {
        const slot = emitPos & mask;
        const len = bestLen[slot] ?? 0;
        if (len === 0) continue;
        pending--;
        bestLen[slot] = 0;
        if (emitPos >= lastEnd) {
          const entity = bestEntity[slot] ?? 0;
          if (entity !== EXCLUDED)
            out.push({ start: posBuf[slot] ?? 0, end: bestEnd[slot] ?? 0, entity });
          lastEnd = emitPos + len;
        }
        if (pending === 0) {
          emitPos = earliest;
          break;
        }
      }
    }
    for (; pending > 0 && emitPos <= k; emitPos++) {
      const slot = emitPos & mask;
      const len = bestLen[slot] ?? 0;
      if (len === 0) continue;
      pending--;
      bestLen[slot] = 0;
      if (emitPos >= lastEnd) {
        const entity = bestEntity[slot] ?? 0;
        if (entity !== EXCLUDED)
          out.push({ start: posBuf[slot] ?? 0, end: bestEnd[slot] ?? 0, entity });
        lastEnd = emitPos + len;
      }
    }
    return out;
  }

  return { find, stats: tables.stats };
}
