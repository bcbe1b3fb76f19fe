// Finds capitalised names in a text that no entity alias and no deliberately ignored name accounts for.
//
// A capitalised word is an ordinary word only where English capitalises any word — the first
// word of a sentence, a headline or a quotation — and only if the text also writes it in
// lowercase ("The", "Rescue" starting a sentence, because "the" and "rescue" occur elsewhere).
// Anywhere else a capital may mark a name even when the word exists in lowercase: "Rose" in
// "met Rose" is a name although prices "rose". Every such word must lie inside a match of an
// entity alias or of an `ignoredNames` entry (so title-case headline words are listed there),
// found with the product's own matcher (the check sees exactly what a reader would see highlighted).
import { compileMatcher, type MatchEntity } from '../match/matcher';
import { quotedSpans } from './quotation';
import { sentencesOf } from './sentences';

export interface UncoveredName {
  word: string;
  start: number;
  /** The line it occurs on, for a readable failure. */
  line: string;
}

/** Letter runs starting with a capital (hyphens and apostrophes split them), or dotted initials like "U.S.". */
const CAPITALISED = /(?:\p{Lu}\.){2,}|(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*/gu;
const LOWER_WORD = /(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu;

function covered(text: string, entities: readonly MatchEntity[]): Uint8Array {
  const mask = new Uint8Array(text.length);
  if (entities.length === 0) return mask;
  for (const match of compileMatcher(entities).find(text)) mask.fill(1, match.start, match.end);
  return mask;
}

/** Offsets where a sentence's or a quotation's first word starts (sentences as lib/kb splits them). */
function wordStarts(text: string): Set<number> {
  const starts = new Set<number>();
  const firstWord = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (/[\p{L}\p{N}]/u.test(text[i] ?? '')) {
        starts.add(i);
        return;
      }
    }
  };
  for (const sentence of sentencesOf(text)) {
    firstWord(sentence.start, sentence.end);
    for (const quote of quotedSpans(text.slice(sentence.start, sentence.end)))
      firstWord(sentence.start + quote.start, sentence.start + quote.end);
  }
  return starts;
}

/** Capitalised words of `text` not inside any alias of `dictionary` nor any of `ignoredNames`. */
export function findUncoveredNames(
  text: string,
  dictionary: readonly MatchEntity[],
  ignoredNames: readonly string[],
): UncoveredName[] {
  const byAlias = covered(text, dictionary);
  // Ignored names are matched separately so they never hide an entity's longer alias, and exactly as written.
  const byIgnored = covered(
    text,
    ignoredNames.map((name) => ({ aliases: [{ text: name, caseSensitive: true }] })),
  );
  const lowercase = new Set(Array.from(text.matchAll(LOWER_WORD), (m) => m[0]));
  const starts = wordStarts(text);
  const out: UncoveredName[] = [];
  for (const match of text.matchAll(CAPITALISED)) {
    const word = match[0];
    const start = match.index;
    if (starts.has(start) && lowercase.has(word.toLowerCase())) continue;
    // The word's letters must all be covered (a dotted abbreviation's final dot may be outside).
    let ok = true;
    for (let i = start; i < start + word.length; i++) {
      if (word[i - start] === '.') continue;
      if (!byAlias[i] && !byIgnored[i]) {
        ok = false;
        break;
      }
    }
    if (ok) continue;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    const lineEnd = text.indexOf('\n', start);
    out.push({ word, start, line: text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd) });
  }
  return out;
}
