// Per-code-unit folding tables and word-character tests the matcher reads while scanning, so normalizing never copies the page's text.

/** Fold result meaning "skip this code unit" (soft hyphen, zero-width characters, combining marks). */
export const IGNORE = 0xffff;
/** Every kind of space folds to this; runs of spaces count as one. */
export const SPACE = 0x20;
/** Every kind of apostrophe folds to this. */
export const APOSTROPHE = 0x27;

// Ranges where case mappings or Latin decompositions live; everything else folds to itself,
// which keeps building the tables fast (folding all 65,536 units costs ~15 ms).
const CASED_RANGES: readonly (readonly [number, number])[] = [
  [0x0041, 0x005b],
  [0x00c0, 0x0590], // Latin-1, Latin Extended-A/B, IPA, Greek, Cyrillic, Armenian
  [0x10a0, 0x1100], // Georgian
  [0x13a0, 0x1400], // Cherokee
  [0x1c80, 0x1cc0],
  [0x1e00, 0x2000], // Latin Extended Additional, Greek Extended
  [0x2c00, 0x2d30],
  [0xa640, 0xa800],
  [0xff21, 0xff5b], // fullwidth Latin
];

const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
const APOSTROPHES = [0x60, 0xb4, 0x2bc, 0x2018, 0x2019, 0x201b, 0x2032, 0xff07];
// Soft hyphen, combining grapheme joiner, Mongolian vowel separator, zero-width space/joiners,
// word joiner, invisible operators, BOM.
const IGNORED = [0xad, 0x34f, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063];
const HYPHENS = [0x2010, 0x2011];
// Letters NFD does not decompose but readers treat as their base letter.
const EXTRA_BASE: readonly (readonly [string, string])[] = [
  ['ł', 'l'],
  ['Ł', 'L'],
  ['ø', 'o'],
  ['Ø', 'O'],
  ['đ', 'd'],
  ['Đ', 'D'],
  ['ħ', 'h'],
  ['Ħ', 'H'],
  ['ı', 'i'],
  ['ё', 'е'],
  ['Ё', 'Е'],
];

function isLatin(cu: number): boolean {
  return cu < 0x0370 || (cu >= 0x1e00 && cu < 0x1f00) || (cu >= 0xff21 && cu < 0xff5b);
}

/** Drops combining diacritical marks from a decomposed string; one code unit left or -1. */
function baseUnit(decomposed: string | undefined): number {
  if (decomposed === undefined) return -1;
  let unit = -1;
  for (let i = 0; i < decomposed.length; i++) {
    const cu = decomposed.charCodeAt(i);
    if (cu >= 0x300 && cu < 0x370) continue;
    if (unit !== -1) return -1;
    unit = cu;
  }
  return unit;
}

interface FoldTables {
  /** Folds case, Latin diacritics, spaces, apostrophes; IGNORE for invisible code units. Read with `foldUnit`. */
  readonly caseless: Uint16Array;
  /** The same without lower-casing, to check case-sensitive aliases. Read with `foldUnit`. */
  readonly caseful: Uint16Array;
  /** Code units that the caseless table does not map to themselves. */
  readonly changed: readonly number[];
}

function buildTables(): FoldTables {
  // Entries are 0 where a code unit folds to itself (see `foldUnit`), so the tables cost no
  // 65,536-step loops to set up. Case mapping and decomposition run once over joined strings:
  // per-character calls cost far more on a cold page.
  const caseless = new Uint16Array(0x10000);
  const caseful = new Uint16Array(0x10000);
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
  };
  // Stored even where they equal the code unit, so `table[cu] === SPACE` style checks hold.
  both(SPACE, SPACE);
  both(APOSTROPHE, APOSTROPHE);
  for (const cu of SPACES) both(cu, SPACE);
  for (const cu of APOSTROPHES) both(cu, APOSTROPHE);
  for (const cu of HYPHENS) both(cu, 0x2d);
  for (const cu of IGNORED) both(cu, IGNORE);
  for (let cu = 0x300; cu < 0x370; cu++) both(cu, IGNORE); // combining diacritical marks
  both(0xfeff, IGNORE);
  both(0xffff, IGNORE);
  const changed = [...new Set(touched)].filter((cu) => foldUnit(caseless, cu) !== cu);
  return { caseless, caseful, changed };
}

/** What a fold table maps `cu` to (0 entries mean "itself"). */
export function foldUnit(table: Uint16Array, cu: number): number {
  return table[cu] || cu;
}

let tables: FoldTables | undefined;

/** The folding tables, built once per page. */
export function foldTables(): FoldTables {
  tables ??= buildTables();
  return tables;
}

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const ASCII_WORD = new Uint8Array(128);
for (let cu = 0; cu < 128; cu++) {
  ASCII_WORD[cu] =
    (cu >= 0x30 && cu <= 0x39) || ((cu | 0x20) >= 0x61 && (cu | 0x20) <= 0x7a) ? 1 : 0;
}

/** Unicode letter, number or mark: what makes up a word for whole-word matching. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return ASCII_WORD[cp] === 1;
  return WORD_RE.test(String.fromCodePoint(cp));
}

/**
 * Whether a folded BMP code unit is part of a word. Apostrophes (even ʼ, a letter to Unicode)
 * and surrogate halves are not: emoji next to a name must not glue it into a word.
 */
export function isWordUnit(unit: number): boolean {
  if (unit === APOSTROPHE || (unit >= 0xd800 && unit < 0xe000)) return false;
  return isWordCodePoint(unit);
}

/** Code point of the character whose last code unit is at `index` (handles surrogate pairs). */
export function codePointBefore(text: string, index: number): number {
  const cu = text.charCodeAt(index);
  if (cu >= 0xdc00 && cu < 0xe000 && index > 0) {
    const hi = text.charCodeAt(index - 1);
    if (hi >= 0xd800 && hi < 0xdc00) return ((hi - 0xd800) << 10) + (cu - 0xdc00) + 0x10000;
  }
  return cu;
}
