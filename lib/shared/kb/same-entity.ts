// Whether two entities are one: certain (merged without asking), possible (suggested to the reader, with why), or not.
//
// Decided once, here:
// - Certain only when both are of the same kind and share a full name: the same folded name or alias of two words
//   or more ("Keir Starmer" = "keir starmer"). A single word is never certain, however exact: "Washington" is a city,
//   a state and a government; "Georgia" a country and a state; "Warner" two senators.
// - Possible, for the reader to confirm, when the kinds agree and: the names are another spelling of each other
//   (a transliteration table: Kyiv/Kiev, Zelenskyy/Zelensky/Zelenskiy/Зеленський, Gaddafi/Qaddafi…); one is the
//   other's surname (a lone "Warner" and "Mark Warner"); they sound alike (double metaphone of every word); they are
//   spelled almost alike (Jaro–Winkler ≥ 0.93 on the folded full names); or they share a one-word name.
// - Nothing across kinds, and nothing the reader said is not the same (the caller checks that list).
import { jaroWinkler } from '@skyra/jaro-winkler';
import { doubleMetaphone } from 'double-metaphone';
import { foldKey } from '../store/fold-key';
import type { Alias } from './schema';

export interface Named {
  id: string;
  kind: string;
  name: string;
  aliases: readonly Alias[];
}

export type SameVerdict =
  | { same: 'certain'; name: string }
  | { same: 'possible'; why: string; score: number }
  | { same: 'no' };

const NO: SameVerdict = { same: 'no' };

/** Titles a name may carry that say nothing about who it is. */
const TITLES = new Set(
  'mr mrs ms miss dr sir dame lord lady president prime minister chancellor senator sen rep representative gov governor mayor general gen king queen prince princess pope judge justice secretary chief minister'.split(
    ' ',
  ),
);

/**
 * Spellings of one name readers meet in the news (Latin transliterations, and Cyrillic to Latin), folded; each group's
 * first is the key the others map to. Data, not rules: extend it as spellings turn up.
 */
const SPELLINGS: readonly (readonly string[])[] = [
  ['kyiv', 'kiev', 'київ', 'киев'],
  ['zelenskyy', 'zelensky', 'zelenskiy', 'zelenskyi', 'zelenski', 'зеленський', 'зеленский'],
  ['volodymyr', 'vladimir', 'володимир', 'владимир'],
  ['gaddafi', 'qaddafi', 'kadhafi', 'gadhafi', 'qadhafi', 'kaddafi', 'ghaddafi'],
  ['muammar', 'moammar', 'muamar', 'moamar'],
  ['putin', 'путин', 'путін'],
  ['odesa', 'odessa', 'одеса', 'одесса'],
  ['kharkiv', 'kharkov', 'харків', 'харьков'],
  ['lviv', 'lvov', 'львів', 'львов'],
  ['mumbai', 'bombay'],
  ['beijing', 'peking'],
  ['mohammed', 'muhammad', 'mohammad', 'muhammed', 'mohamed', 'mohamad'],
  ['gorbachev', 'gorbachov'],
  ['khrushchev', 'khruschev'],
  ['tchaikovsky', 'chaikovsky'],
  ['navalny', 'navalnyy', 'навальный'],
  ['netanyahu', 'netanjahu'],
  ['erdogan', 'erdoğan'],
];

const SPELLING_KEY = new Map<string, string>();
for (const group of SPELLINGS)
  for (const word of group) SPELLING_KEY.set(foldKey(word), group[0] as string);

/** The folded words of a name, titles dropped. */
function words(text: string): string[] {
  return foldKey(text)
    .replace(/[.,'’]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !TITLES.has(word));
}

/** Every name of an entity (its name and aliases) as folded words, each once. */
function names(entity: Named): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const text of [entity.name, ...entity.aliases.map((alias) => alias.text)]) {
    const folded = words(text);
    const key = folded.join(' ');
    if (key !== '' && !seen.has(key)) {
      seen.add(key);
      out.push(folded);
    }
  }
  return out;
}

/** Words too common in names to say two names may be one ("the", "of", "new"). */
const COMMON = new Set('the of and for de la le du van von al el new saint st'.split(' '));

/**
 * The words an entity's names are found by when looking for another name of it: every folded word of its name and
 * aliases (titles and common words left out), and the spelling key of each (so "Kiev" finds "Kyiv"). Stored as an
 * index: a suggestion compares only entities that share one.
 */
export function nameWords(entity: Pick<Named, 'name' | 'aliases'>): string[] {
  const out = new Set<string>();
  for (const text of [entity.name, ...entity.aliases.map((alias) => alias.text)]) {
    for (const word of words(text)) {
      if (word.length < 2 || COMMON.has(word)) continue;
      out.add(word);
      const key = SPELLING_KEY.get(word);
      if (key) out.add(key);
    }
  }
  return [...out];
}

const spelled = (name: readonly string[]) =>
  name.map((word) => SPELLING_KEY.get(word) ?? word).join(' ');
const sounds = (name: readonly string[]) => name.map((word) => doubleMetaphone(word)[0]).join(' ');

/** How sure it is that `a` and `b` are one entity (see the module header for the rules). */
export function sameEntity(a: Named, b: Named): SameVerdict {
  if (a.id === b.id) return { same: 'certain', name: a.name };
  if (a.kind !== b.kind) return NO;
  const left = names(a);
  const right = names(b);
  const rightKeys = new Set(right.map((name) => name.join(' ')));
  for (const name of left) {
    if (name.length >= 2 && rightKeys.has(name.join(' ')))
      return { same: 'certain', name: name.join(' ') };
  }
  let best: SameVerdict = NO;
  const consider = (why: string, score: number) => {
    if (best.same !== 'possible' || score > best.score) best = { same: 'possible', why, score };
  };
  const full = (entity: Named) => words(entity.name);
  for (const l of left) {
    for (const r of right) {
      const lKey = l.join(' ');
      const rKey = r.join(' ');
      if (l.length === 1 && r.length === 1 && lKey === rKey) {
        consider(`both are called “${a.name}”, which names more than one thing`, 0.9);
      }
      if (spelled(l) === spelled(r) && lKey !== rKey) {
        consider(
          `another spelling of the same name (${displayed(a, l)} / ${displayed(b, r)})`,
          0.95,
        );
      }
    }
  }
  // A lone surname and a full name ending with it: people only.
  if (a.kind === 'person') {
    const [fa, fb] = [full(a), full(b)];
    if (fa.length === 1 && fb.length >= 2 && spelled(fb.slice(-1)) === spelled(fa)) {
      consider(`“${a.name}” may be ${b.name}, by the surname`, 0.75);
    }
    if (fb.length === 1 && fa.length >= 2 && spelled(fa.slice(-1)) === spelled(fb)) {
      consider(`“${b.name}” may be ${a.name}, by the surname`, 0.75);
    }
  }
  const [fa, fb] = [full(a), full(b)];
  if (fa.length >= 2 && fa.length === fb.length && fa.join(' ') !== fb.join(' ')) {
    if (sounds(fa) === sounds(fb)) consider(`the names sound alike (${a.name} / ${b.name})`, 0.85);
    const similarity = jaroWinkler(fa.join(' '), fb.join(' '));
    if (similarity >= 0.93 && fa[0]?.[0] === fb[0]?.[0]) {
      consider(`the names are spelled almost alike (${a.name} / ${b.name})`, similarity * 0.9);
    }
  }
  return best;
}

/** How an entity writes the name the words came from, for the reason shown to the reader. */
function displayed(entity: Named, name: readonly string[]): string {
  const key = name.join(' ');
  for (const text of [entity.name, ...entity.aliases.map((alias) => alias.text)]) {
    if (words(text).join(' ') === key) return text;
  }
  return entity.name;
}
