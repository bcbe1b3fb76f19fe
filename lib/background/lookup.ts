// "Look up in Backstory": turns a selection into the side panel view that answers it.
import { compileMatcher, type Matcher } from '../shared/match/matcher';
import { decideMatches } from '../shared/match/resolve';
import type { DictionaryEntry, PanelTarget } from '../shared/messaging';

/** Selections longer than this are searched as they are cut. */
const MAX_SELECTION = 500;

/**
 * Titles a reader selects along with a name ("President Putin", "Prime Minister Keir Starmer"):
 * the selection still names just the person. Optionally "the", "former", "acting"…, any case, with
 * or without a full stop. Nationalities ("Russian President") are not here: "Russian" names Russia.
 */
const TITLE = new RegExp(
  `^(?:the\\s+)?(?:(?:former|then|acting|deputy|vice|interim)[\\s-]+)*(?:${[
    'president',
    'prime\\s+minister',
    'foreign\\s+minister',
    'defen[cs]e\\s+minister',
    'minister',
    'chancellor',
    'foreign\\s+secretary',
    'secretary(?:[\\s-]+general|\\s+of\\s+state)?',
    'general',
    'gen',
    'mr',
    'mrs',
    'ms',
    'dr',
    'sir',
    'dame',
    'lord',
    'lady',
    'king',
    'queen',
    'prince',
    'princess',
    'pope',
    'senator',
    'sen',
    'rep',
    'governor',
    'gov',
    'mayor',
    'ambassador',
    'envoy',
    'commissioner',
    'spokesman',
    'spokeswoman',
    'spokesperson',
  ].join('|')})\\.?$`,
  'iu',
);
/** What may follow the name: a possessive the matcher left out ("’s", "s’", "' s"), then punctuation. */
const AFTER = /^(?:['’ʼ`]\s?s|s?['’ʼ`])?[\s\p{P}\p{S}]*$/iu;

const matchers = new WeakMap<readonly DictionaryEntry[], Matcher>();

/**
 * A selection that is one entity's name lands on that entity: the match must cover the whole
 * selection but for spaces, punctuation, a possessive and a leading title. Anything else ("peace
 * talks in Kyiv", "Starmer and Macron met") opens search results for the selected text.
 */
export function lookupTarget(
  selection: string,
  dictionary: readonly DictionaryEntry[],
  matcher: Matcher = matcherFor(dictionary),
): PanelTarget {
  const text = selection.trim().slice(0, MAX_SELECTION);
  // A name several entities share lands on one only if the selection itself decides it.
  for (const match of decideMatches(matcher.find(text), dictionary)) {
    if (!isLeadingFiller(text.slice(0, match.start))) continue;
    if (!AFTER.test(text.slice(match.end))) continue;
    const entry = dictionary[match.entity];
    if (entry && 'entityId' in entry) return { view: 'entity', entityId: entry.entityId };
  }
  return { view: 'search', query: text };
}

/** The dictionary's matcher, compiled once per dictionary (100,000 entities take about a second). */
function matcherFor(dictionary: readonly DictionaryEntry[]): Matcher {
  let matcher = matchers.get(dictionary);
  if (!matcher) {
    matcher = compileMatcher(dictionary);
    matchers.set(dictionary, matcher);
  }
  return matcher;
}

/** Spaces, punctuation and symbols (quotes, brackets, dashes) around at most one title. */
function isLeadingFiller(before: string): boolean {
  const words = before.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
  return words === '' || TITLE.test(words);
}
