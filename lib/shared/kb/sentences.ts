// Splits a source text into sentences, the unit every evidence span must cover exactly.
//
// One deterministic splitter is shared by the build script (which turns annotated sentence text
// into spans) and the validator (which checks spans), so both always agree. Intl.Segmenter is not
// used: its rules differ between engines and it breaks after "U.S." and inside quotations.
//
// Rules:
// - A line break always ends a sentence (headlines and headings are sentences of their own).
// - `.`, `!`, `?` or `…` end a sentence when followed by whitespace and then an uppercase letter,
//   a digit or an opening quotation mark — but not inside a “…” or "…" quotation (a quoted passage
//   of two sentences stays within the sentence that reports it) and not after an abbreviation
//   ("U.S.", "Mr.", "Gen.").
// - A closing quotation mark or bracket right after the end mark belongs to the sentence
//   (`… was “severely damaged.”`), and a quotation ending in an end mark ends the sentence if
//   a new one follows (`… said “We will rebuild.” Two boats sank.`).
// - Sentences are trimmed; blank lines yield none.

export interface SentenceSpan {
  start: number;
  end: number;
}

const END_MARKS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '»']);
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'rep',
  'sen',
  'gov',
  'pres',
  'prof',
  'rev',
  'no',
  'vs',
  'e.g',
  'i.e',
]);

/** "U.S", "E.U", "e.g" — dotted initials, or a listed abbreviation, just before index `dot`. */
function isAbbreviationBefore(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] ?? '')) i--;
  const word = text.slice(i, dot);
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function startsSentence(ch: string | undefined): boolean {
  return ch !== undefined && (/[\p{Lu}\p{N}]/u.test(ch) || ch === '“' || ch === '"' || ch === '‘');
}

function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  if (end > start) out.push({ start, end });
}

/** Every sentence of `text`, in order, as trimmed UTF-16 spans. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  let inCurly = false;
  let inStraight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n' || ch === '\r') {
      pushTrimmed(text, start, i, out);
      start = i + 1;
      inCurly = false;
      inStraight = false;
      continue;
    }
    let closesQuote = false;
    if (ch === '“') inCurly = true;
    else if (ch === '”') {
      inCurly = false;
      closesQuote = END_MARKS.has(text[i - 1] ?? '');
    } else if (ch === '"') {
      inStraight = !inStraight;
      closesQuote = !inStraight && END_MARKS.has(text[i - 1] ?? '');
    }
    // `… said “We will rebuild.” Two boats sank.`: the quotation's own end mark ends the sentence.
    if (!closesQuote && (!END_MARKS.has(ch) || inCurly || inStraight)) continue;
    if (ch === '.' && isAbbreviationBefore(text, i)) continue;
    let end = i + 1;
    while (END_MARKS.has(text[end] ?? '')) end++;
    while (CLOSERS.has(text[end] ?? '')) end++;
    let next = end;
    while (text[next] === ' ' || text[next] === '\t' || text[next] === '\u00a0') next++;
    if (next === end || !startsSentence(text[next])) continue;
    pushTrimmed(text, start, end, out);
    start = end;
    i = end - 1;
  }
  pushTrimmed(text, start, text.length, out);
  return out;
}

/** The sentence spans of a text, computed once per distinct text. */
const cache = new Map<string, readonly SentenceSpan[]>();
const CACHE_LIMIT = 32;

export function sentencesOf(text: string): readonly SentenceSpan[] {
  let spans = cache.get(text);
  if (!spans) {
    spans = splitSentences(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, spans);
  }
  return spans;
}

/** True if [start, end) is exactly one sentence of `text`. */
export function isSentence(text: string, start: number, end: number): boolean {
  const spans = sentencesOf(text);
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as SentenceSpan;
    if (span.start === start) return span.end === end;
    if (span.start < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The sentence containing offset `at`, or undefined if `at` falls between sentences. */
export function sentenceAt(text: string, at: number): SentenceSpan | undefined {
  return sentencesOf(text).find((span) => span.start <= at && at < span.end);
}
