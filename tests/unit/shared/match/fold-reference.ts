// The fold tables as they were built before folding became lazy (every cased range at once, joined strings):
// the reference the lazy, per-code-unit folds in lib/shared/match/fold.ts must equal on all 65,536 code units.
import {
  APOSTROPHE,
  APOSTROPHES,
  baseUnit,
  CASED_RANGES,
  EXTRA_BASE,
  HYPHENS,
  IGNORE,
  IGNORED,
  isLatin,
  SPACE,
  SPACES,
} from '../../../../lib/shared/match/fold';

interface FoldTables {
  /** Folds case, Latin diacritics, spaces, apostrophes; IGNORE for invisible code units. Read with `foldUnit`. */
  readonly caseless: Uint16Array;
  /** Only spaces, apostrophes, hyphens and invisible units, to check case-sensitive aliases. Read with `foldUnit`. */
  readonly exact: Uint16Array;
  /** Code units that the caseless table does not map to themselves. */
  readonly changed: readonly number[];
}

export function referenceTables(): FoldTables {
  // Entries are 0 where a code unit folds to itself (see `foldUnit`), so the tables cost no
  // 65,536-step loops to set up. Case mapping and decomposition run once over joined strings:
  // per-character calls cost far more on a cold page.
  const caseless = new Uint16Array(0x10000);
  const caseful = new Uint16Array(0x10000);
  const exact = new Uint16Array(0x10000);
  const touched: number[] = [];
  const put = (table: Uint16Array, cu: number, value: number) => {
    table[cu] = value;
    touched.push(cu);
  };
  const units: number[] = [];
  for (const [from, to] of CASED_RANGES) for (let cu = from; cu < to; cu++) units.push(cu);
  const SEP = '\u0001';
  const chars = units.map((cu) => String.fromCharCode(cu));
  const lower = chars.join(SEP).toLowerCase().split(SEP);
  // Diacritics are folded for Latin letters only: in Cyrillic, й/и and ї/і are different letters.
  const latin = units.filter(isLatin);
  const latinChars = latin.map((cu) => String.fromCharCode(cu)).join(SEP);
  const base = latinChars.normalize('NFKD').split(SEP);
  const lowerBase = latinChars.toLowerCase().normalize('NFKD').split(SEP);
  units.forEach((cu, i) => {
    const low = lower[i] ?? '';
    if (low.length === 1 && low.charCodeAt(0) !== cu) put(caseless, cu, low.charCodeAt(0));
  });
  latin.forEach((cu, i) => {
    const ful = baseUnit(base[i]);
    if (ful !== -1 && ful !== cu) put(caseful, cu, ful);
    const less = baseUnit(lowerBase[i]);
    const folded = less !== -1 ? less : foldUnit(caseful, cu);
    if (folded !== cu) put(caseless, cu, folded);
  });
  for (const [from, to] of EXTRA_BASE) {
    const cu = from.charCodeAt(0);
    put(caseful, cu, to.charCodeAt(0));
    put(caseless, cu, to.toLowerCase().charCodeAt(0));
  }
  const both = (cu: number, value: number) => {
    put(caseless, cu, value);
    put(caseful, cu, value);
    put(exact, cu, value);
  };
  // Stored even where they equal the code unit, so `table[cu] === SPACE` style checks hold.
  both(SPACE, SPACE);
  both(APOSTROPHE, APOSTROPHE);
  for (const cu of SPACES) both(cu, SPACE);
  for (const cu of APOSTROPHES) both(cu, APOSTROPHE);
  for (const cu of HYPHENS) both(cu, 0x2d);
  for (const cu of IGNORED) both(cu, IGNORE);
  // Combining diacritical marks: skipped when folding, compared when a case-sensitive alias is checked.
  for (let cu = 0x300; cu < 0x370; cu++) {
    put(caseless, cu, IGNORE);
    put(caseful, cu, IGNORE);
  }
  both(0xfeff, IGNORE);
  both(0xffff, IGNORE);
  const changed = [...new Set(touched)].filter((cu) => foldUnit(caseless, cu) !== cu);
  return { caseless, exact, changed };
}

/** What a fold table maps `cu` to (0 entries mean "itself"). */
export function foldUnit(table: Uint16Array, cu: number): number {
  return table[cu] || cu;
}
