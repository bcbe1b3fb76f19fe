// Per-code-unit folding and word-character tests the matcher reads while scanning, so normalizing never copies the page's text.

/** Fold result meaning "skip this code unit" (soft hyphen, zero-width characters, combining marks). */
export const IGNORE = 0xffff;
/** Every kind of space folds to this; runs of spaces count as one. */
export const SPACE = 0x20;
/** Every kind of apostrophe folds to this. */
export const APOSTROPHE = 0x27;

// Ranges where case mappings or Latin decompositions live; everything else folds to itself.
export const CASED_RANGES: readonly (readonly [number, number])[] = [
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

export const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
export const APOSTROPHES = [0x60, 0xb4, 0x2bc, 0x2018, 0x2019, 0x201b, 0x2032, 0xff07];
// Soft hyphen, combining grapheme joiner, Mongolian vowel separator, zero-width space/joiners,
// word joiner, invisible operators, BOM.
export const IGNORED = [
  0xad, 0x34f, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063,
];
export const HYPHENS = [0x2010, 0x2011];
// Letters NFD does not decompose but readers treat as their base letter.
export const EXTRA_BASE: readonly (readonly [string, string])[] = [
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

export function isLatin(cu: number): boolean {
  return cu < 0x0370 || (cu >= 0x1e00 && cu < 0x1f00) || (cu >= 0xff21 && cu < 0xff5b);
}

/** Drops combining diacritical marks from a decomposed string; one code unit left or -1. */
export function baseUnit(decomposed: string | undefined): number {
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

// Folds are computed per code unit the first time it is seen and cached: a page meets a few hundred
// distinct code units, so building full 65,536-entry tables up front (~12 ms on a cold page) is waste.
// Specials (spaces, apostrophes, hyphens, invisible units) win over case and diacritic folding.
const SPECIAL = new Map<number, number>();
for (const cu of [SPACE, ...SPACES]) SPECIAL.set(cu, SPACE);
for (const cu of [APOSTROPHE, ...APOSTROPHES]) SPECIAL.set(cu, APOSTROPHE);
for (const cu of HYPHENS) SPECIAL.set(cu, 0x2d);
for (const cu of [...IGNORED, 0xfeff, 0xffff]) SPECIAL.set(cu, IGNORE);
const EXTRA = new Map(EXTRA_BASE.map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));

function inCasedRange(cu: number): boolean {
  for (const [from, to] of CASED_RANGES) if (cu >= from && cu < to) return true;
  return false;
}

// Cached folds; 0 means "not computed yet" (code unit 0 folds to itself, so recomputing it is harmless).
const caselessCache = new Uint16Array(0x10000);

function compute(cu: number): number {
  // Combining marks are skipped; specials win over case and diacritic folding.
  const special = cu >= 0x300 && cu < 0x370 ? IGNORE : SPECIAL.get(cu);
  const extra = EXTRA.get(cu);
  const less =
    special ??
    (extra !== undefined
      ? String.fromCharCode(extra).toLowerCase().charCodeAt(0)
      : inCasedRange(cu)
        ? foldLetter(cu)
        : cu);
  caselessCache[cu] = less;
  return less;
}

function foldLetter(cu: number): number {
  const char = String.fromCharCode(cu);
  const lower = char.toLowerCase();
  const lowerUnit = lower.length === 1 ? lower.charCodeAt(0) : cu;
  // Diacritics are folded for Latin letters only: in Cyrillic, й/и and ї/і are different letters.
  if (!isLatin(cu)) return lowerUnit;
  const lowerBase = baseUnit(lower.normalize('NFKD'));
  const base = baseUnit(char.normalize('NFKD'));
  const folded = lowerBase !== -1 ? lowerBase : base !== -1 ? base : cu;
  return folded !== cu ? folded : lowerUnit;
}

/** Folds case, Latin diacritics, spaces and apostrophes; IGNORE for invisible code units. */
export function foldCaseless(cu: number): number {
  return caselessCache[cu] || compute(cu);
}

/**
 * What a case-sensitive alias is compared with: the code unit itself (its case, its accents, a combining mark), but
 * every space, apostrophe and hyphen alike and invisible units skipped (IGNORE), as everywhere else.
 */
export function foldExact(cu: number): number {
  return SPECIAL.get(cu) ?? cu;
}

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
/** Word-ness of BMP code units seen so far: 0 not looked up yet, 1 no, 2 yes. */
const WORD_CACHE = new Uint8Array(0x10000);
const ASCII_WORD = new Uint8Array(128);
for (let cu = 0; cu < 128; cu++) {
  ASCII_WORD[cu] =
    (cu >= 0x30 && cu <= 0x39) || ((cu | 0x20) >= 0x61 && (cu | 0x20) <= 0x7a) ? 1 : 0;
}

/** Unicode letter, number or mark: what makes up a word for whole-word matching. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return ASCII_WORD[cp] === 1;
  if (cp > 0xffff) return WORD_RE.test(String.fromCodePoint(cp));
  let known = WORD_CACHE[cp] ?? 0;
  if (known === 0) {
    known = WORD_RE.test(String.fromCharCode(cp)) ? 2 : 1;
    WORD_CACHE[cp] = known;
  }
  return known === 2;
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
