// Part-of-speech and name tags from compromise for the words of chosen paragraphs, keyed by offset.
//
// compromise is the costliest step (about 20 ms per 1,000 characters in Node), so it runs on the
// article's body paragraphs only, never on the page, and callers skip paragraphs without a
// capitalised word a rule could ask about.
import nlp from 'compromise/two';
import { isDemonymWord } from './gazetteer';
import { ORDINARY_STARTERS } from './name-words';
import type { Token } from './tokens';
import type { Paragraph } from './types';

/** Tags of the word starting at each offset ("Person", "FirstName", "Place", "Verb", …). */
export type TagIndex = ReadonlyMap<number, ReadonlySet<string>>;

interface OffsetTerm {
  tags?: Set<string>;
  offset?: { start: number; length: number };
}

/** Tags every word of `text` inside `ranges`. */
export function tagRanges(
  text: string,
  ranges: readonly { start: number; end: number }[],
): TagIndex {
  const index = new Map<number, ReadonlySet<string>>();
  for (const range of ranges) {
    const view = nlp(text.slice(range.start, range.end));
    view.compute('offset');
    for (const sentence of view.docs) {
      for (const term of sentence as OffsetTerm[]) {
        if (term.offset && term.tags) index.set(range.start + term.offset.start, term.tags);
      }
    }
  }
  return index;
}

type Lexicon = Readonly<Record<string, string | readonly string[]>>;
let lexicon: Lexicon | undefined;

/** compromise's own word list: what a lowercase word is out of context ("rice" → Uncountable, "john" → MaleName). */
export function lexiconTags(word: string): readonly string[] {
  if (lexicon === undefined) {
    const model = nlp.model() as { one?: { lexicon?: Lexicon } };
    lexicon = model.one?.lexicon ?? {};
  }
  const tags = lexicon[word.toLowerCase()];
  if (tags === undefined) return [];
  return typeof tags === 'string' ? [tags] : tags;
}

const NAME_TAGS = new Set([
  'Person',
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Honorific',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'SportsTeam',
  'ProperNoun',
]);

/** True if compromise knows the word as an ordinary word (not only as a name): "rice", "young", "bush" is not. */
export function isCommonWord(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.length > 0 && tags.some((tag) => !NAME_TAGS.has(tag));
}

/** True if compromise tagged the word starting `token` with one of `names`. */
export function hasTag(tags: TagIndex, token: Token, names: readonly string[]): boolean {
  const set = tags.get(token.start);
  return set !== undefined && names.some((name) => set.has(name));
}

/** "Russian", "Ukrainians", "African-American": nationality words, never entities. */
export function isDemonym(token: Token, tags: TagIndex): boolean {
  if (hasTag(tags, token, ['Demonym']) || isDemonymWord(token.key)) return true;
  return token.key
    .split('-')
    .every((part) => isDemonymWord(part) || lexiconTags(part).includes('Demonym'));
}

/** Words of context either side of a capitalised word that compromise's tagger looks at. */
const TAG_WINDOW = 4;

/**
 * The stretches of body text whose capitalised words a rule may ask compromise about: each such
 * word (not a dictionary match, not a listed sentence opener like "The") with a few words of context
 * either side, inside its sentence, overlapping stretches merged. compromise costs ~10 ms per 1,000
 * characters warm in Chromium; tagging whole sentences cost Wikipedia's page ~140 ms in Node.
 */
export function rangesToTag(
  body: readonly Paragraph[],
  sentences: readonly { start: number; end: number }[],
  tokens: readonly Token[],
  covered: Uint8Array,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let t = 0;
  let p = 0;
  for (const sentence of sentences) {
    while (p < body.length && (body[p]?.end ?? 0) < sentence.start) p++;
    const paragraph = body[p];
    while (t < tokens.length && (tokens[t]?.start ?? 0) < sentence.start) t++;
    if (!paragraph || paragraph.start > sentence.start) continue;
    let u = t;
    while (u < tokens.length && (tokens[u]?.start ?? 0) < sentence.end) u++;
    for (let k = t; k < u; k++) {
      const token = tokens[k] as Token;
      if (!token.capitalised || covered[token.start] === 1) continue;
      if (token.sentenceInitial && ORDINARY_STARTERS.has(token.key)) continue;
      const start = (tokens[Math.max(t, k - TAG_WINDOW)] as Token).start;
      const end = (tokens[Math.min(u - 1, k + TAG_WINDOW)] as Token).end;
      const last = out[out.length - 1];
      if (last && last.end >= start) last.end = Math.max(last.end, end);
      else out.push({ start, end });
    }
  }
  return out;
}
