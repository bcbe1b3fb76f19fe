// Finds capitalised names in a text that no entity alias and no deliberately ignored name accounts for.
//
// A capitalised word counts as a possible name unless the same text also writes it in lowercase
// ("The", "Rescue", "Peace" in a headline are ordinary words because "the", "rescue" and "peace"
// occur elsewhere). Every other capitalised word — mid-sentence or sentence-initial — must lie
// inside a match of an entity alias or of an `ignoredNames` entry, found with the product's own
// matcher (so the check sees exactly what a reader would see highlighted).
import { compileMatcher, type MatchEntity } from '../match/matcher';

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
  const out: UncoveredName[] = [];
  for (const match of text.matchAll(CAPITALISED)) {
    const word = match[0];
    const start = match.index;
    if (lowercase.has(word.toLowerCase())) continue;
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
