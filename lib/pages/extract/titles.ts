// Tells a title or job from the name it introduces: "British Prime Minister Keir Starmer", "White House press secretary Karoline Leavitt".
import { gazetteerKind } from './gazetteer';
import {
  HONORIFICS,
  isTitleHead,
  NAME_PARTICLES,
  ORG_JOINERS,
  ORG_LEADS,
  ORG_TAILS,
  PLACE_TAILS,
  ROLE_NOUNS,
  TITLE_MODIFIERS,
} from './name-words';
import { isDemonym, type TagIndex } from './nlp-tags';
import type { Token } from './tokens';

/**
 * Index of the last word of a run's title prefix, or -1: "British Prime Minister Keir Starmer" → 2,
 * "Chief Executive Tim Cook" → 1, "Police Chief Omar Haddad" → 1. Nationalities, countries and
 * acronyms may qualify a title only before its head ("U.S. President"); after the head, only
 * title words ("Executive") or "of" and what follows it ("Secretary of State") belong to it.
 */
export function titleEnd(run: readonly Token[], tags: TagIndex): number {
  let last = -1;
  let head = false;
  for (let i = 0; i < run.length - 1; i++) {
    const token = run[i] as Token;
    const key = token.key;
    if (isTitleHead(key) || HONORIFICS.has(key)) {
      head = true;
      last = i;
      continue;
    }
    // "Secretary of State Mike Pompeo": the words after "of" belong to the title.
    if (key === 'of' && head && last === i - 1) {
      if (i + 2 < run.length) {
        last = i + 1;
        i++;
        continue;
      }
      break;
    }
    if (TITLE_MODIFIERS.has(key)) {
      if (head) last = i;
      continue;
    }
    const qualifier =
      isDemonym(token, tags) ||
      (token.allCaps && token.text.replace(/[^\p{L}]/gu, '').length <= 5) ||
      gazetteerKind(token.text) !== undefined;
    if (qualifier && !head) continue;
    break;
  }
  return head ? last : -1;
}

/** True if the words can be a person's name: capitalised words and particles, no organization or place head. */
export function personShaped(tokens: readonly Token[]): boolean {
  if (tokens.length === 0 || tokens.length > 5 || orgHeadInside(tokens)) return false;
  const last = tokens[tokens.length - 1] as Token;
  if (!last.capitalised || ORG_TAILS.has(last.key) || PLACE_TAILS.has(last.key)) return false;
  return tokens.every(
    (token) => (token.capitalised && !ORG_JOINERS.has(token.key)) || NAME_PARTICLES.has(token.text),
  );
}

/** True if an organization word leads a joined part of the name: "… Center for Health …", "Bank of …". */
function orgHeadInside(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token, i) => ORG_LEADS.has(token.key) && ORG_JOINERS.has(tokens[i + 1]?.text ?? ''),
  );
}

/** The role words just before a name that are not capitalised: "White House press secretary", "the BBC's North America editor". */
export function lowercaseRoleBefore(
  text: string,
  tokens: readonly Token[],
  index: number,
): { start: number; end: number } | undefined {
  const before = tokens[index - 1];
  if (!before || !ROLE_NOUNS.has(before.key) || before.capitalised) return undefined;
  if (text.slice(before.end, tokens[index]?.start ?? before.end) !== ' ') return undefined;
  let first = index - 1;
  // Extend left over the role's modifiers, stopping at a determiner, verb-like word or punctuation.
  while (first > 0) {
    const previous = tokens[first - 1] as Token;
    const current = tokens[first] as Token;
    const gap = text.slice(previous.end, current.start);
    if (gap !== ' ' && !(previous.possessive && /^['’]s $/u.test(gap))) break;
    if (
      [
        'the',
        'a',
        'an',
        'said',
        'says',
        'by',
        'and',
        'or',
        'with',
        'to',
        'of',
        'for',
        'as',
      ].includes(previous.key)
    )
      break;
    if (first < index - 6) break;
    first--;
  }
  const start = tokens[first]?.start ?? before.start;
  return { start, end: before.end };
}
