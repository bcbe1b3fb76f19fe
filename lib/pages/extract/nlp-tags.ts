// Part-of-speech and name tags from compromise for the words of chosen paragraphs, keyed by offset.
//
// compromise is the costliest step (about 20 ms per 1,000 characters in Node), so it runs on the
// article's body paragraphs only, never on the page, and callers skip paragraphs without a
// capitalised word a rule could ask about.
import nlp from 'compromise/two';

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
