// The page decides shared names: one rule per test, on a small dictionary built the way the background builds one.
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../../lib/shared/match/matcher';
import {
  decideMatches,
  PageEvidence,
  pageLanguage,
  UNDECIDED,
} from '../../../../lib/shared/match/resolve';
import type { DictionaryEntry } from '../../../../lib/shared/messaging';

const ci = (text: string) => ({ text, caseSensitive: false });
const cs = (text: string) => ({ text, caseSensitive: true });

const KAJA = 0;
const SIIM = 1;
const KALLAS = 2;
const CAPITAL = 3;
const STATE = 4;
const SEATTLE = 5;
const WASHINGTON = 6;
const UKRAINE = 7;
const US = 8;
const US_SHORT = 9;
const ESTONIA = 10;

const ENTRIES: DictionaryEntry[] = [
  { entityId: 'kaja-kallas', kind: 'person', aliases: [ci('Kaja Kallas')] },
  { entityId: 'siim-kallas', kind: 'person', aliases: [ci('Siim Kallas')] },
  { among: [KAJA, SIIM], aliases: [ci('Kallas')] },
  { entityId: 'washington', kind: 'place', aliases: [ci('Washington, D.C.')] },
  { other: 'Washington (US state)', aliases: [ci('Washington state')] },
  { other: 'Seattle', aliases: [ci('Seattle')], supports: [STATE] },
  { among: [CAPITAL, STATE], aliases: [ci('Washington')] },
  { entityId: 'ukraine', kind: 'place', aliases: [ci('Ukraine')], supports: [CAPITAL] },
  { entityId: 'united-states', kind: 'place', aliases: [ci('United States')] },
  { among: [US], lang: 'en', aliases: [cs('US'), cs('America')] },
  { entityId: 'estonia', kind: 'place', aliases: [ci('Estonia')], supports: [SIIM] },
];

/** Evidence of a page naming `entries` by names that decide on their own. */
function page(lang: string, ...named: number[]): PageEvidence {
  const evidence = new PageEvidence(ENTRIES, lang);
  for (const entry of named) evidence.note(evidence.direct(entry), 1);
  return evidence;
}

describe('rule 1: a name only one entry has decides on its own', () => {
  it('is its entity, or the other place it names', () => {
    const evidence = page('en');
    expect(evidence.direct(KAJA)).toBe(KAJA);
    expect(evidence.direct(STATE)).toBe(STATE);
    expect(evidence.decide(UKRAINE)).toBe(UKRAINE);
  });

  it('a shared name never does', () => {
    expect(page('en').direct(KALLAS)).toBe(UNDECIDED);
    expect(page('en').direct(WASHINGTON)).toBe(UNDECIDED);
  });

  it('is undecided for an index outside the dictionary', () => {
    expect(page('en').decide(99)).toBe(UNDECIDED);
  });
});

describe('rule 2: a shared name is the one the page also names by its own names', () => {
  it('the surname is the person named in full', () => {
    expect(page('en', KAJA).decide(KALLAS)).toBe(KAJA);
    expect(page('en', SIIM).decide(KALLAS)).toBe(SIIM);
  });

  it('one place named plainly decides the short name for the whole page', () => {
    expect(page('en', CAPITAL).decide(WASHINGTON)).toBe(CAPITAL);
    // "Washington state" on the page: the short name is the state, which is not marked.
    expect(page('en', STATE).decide(WASHINGTON)).toBe(STATE);
  });

  it('named by its own names beats pointed at by other names', () => {
    expect(page('en', SIIM, UKRAINE).decide(KALLAS)).toBe(SIIM);
    expect(page('en', STATE, UKRAINE).decide(WASHINGTON)).toBe(STATE);
  });
});

describe('rule 3: else the one the page’s other names point to', () => {
  it('an entity the knowledge base relates to one of them', () => {
    expect(page('en', ESTONIA).decide(KALLAS)).toBe(SIIM);
    expect(page('en', UKRAINE).decide(WASHINGTON)).toBe(CAPITAL);
  });

  it('a place around the other namesake', () => {
    expect(page('en', SEATTLE).decide(WASHINGTON)).toBe(STATE);
  });
});

describe('rule 4: otherwise unmarked', () => {
  it('a page naming none of them', () => {
    expect(page('en').decide(KALLAS)).toBe(UNDECIDED);
    expect(page('en').decide(WASHINGTON)).toBe(UNDECIDED);
  });

  it('a page naming more than one of them, even with a pointer to one', () => {
    expect(page('en', KAJA, SIIM).decide(KALLAS)).toBe(UNDECIDED);
    expect(page('en', KAJA, SIIM, ESTONIA).decide(KALLAS)).toBe(UNDECIDED);
    expect(page('en', CAPITAL, STATE).decide(WASHINGTON)).toBe(UNDECIDED);
  });

  it('a page pointing at more than one of them', () => {
    expect(page('en', UKRAINE, SEATTLE).decide(WASHINGTON)).toBe(UNDECIDED);
  });
});

describe('rule 5: a name written for one language, on a page in another', () => {
  it('decides on its own on a page in its language, or one that declares none', () => {
    expect(page('en').direct(US_SHORT)).toBe(US);
    expect(page('').direct(US_SHORT)).toBe(US);
  });

  it('needs the page’s evidence on a page in another language', () => {
    expect(page('pt').direct(US_SHORT)).toBe(UNDECIDED);
    expect(page('pt').decide(US_SHORT)).toBe(UNDECIDED);
    expect(page('pt', US).decide(US_SHORT)).toBe(US);
  });

  it('reads the page’s language from its lang attribute', () => {
    expect(pageLanguage('pt-BR')).toBe('pt');
    expect(pageLanguage(' EN ')).toBe('en');
    expect(pageLanguage('')).toBe('');
    expect(pageLanguage(null)).toBe('');
  });
});

describe('evidence that comes and goes', () => {
  it('a decision follows the page as names arrive and leave', () => {
    const evidence = page('en', KAJA);
    expect(evidence.decide(KALLAS)).toBe(KAJA);
    evidence.note(SIIM, 1);
    expect(evidence.decide(KALLAS)).toBe(UNDECIDED);
    evidence.note(KAJA, -1);
    expect(evidence.decide(KALLAS)).toBe(SIIM);
  });

  it('counts a change only when an entry gains its first evidence or loses its last', () => {
    const evidence = page('en');
    const at = evidence.changes;
    evidence.note(KAJA, 1);
    expect(evidence.changes).toBe(at + 1);
    evidence.note(KAJA, 1);
    evidence.note(KAJA, -1);
    expect(evidence.changes).toBe(at + 1);
    evidence.note(KAJA, -1);
    expect(evidence.changes).toBe(at + 2);
    // Ukraine supports the capital: its first mention is evidence for both.
    evidence.note(UKRAINE, 1);
    expect(evidence.changes).toBe(at + 4);
  });
});

describe('decideMatches: a whole text', () => {
  const matcher = compileMatcher(ENTRIES);
  const names = (text: string, lang = '') =>
    decideMatches(matcher.find(text), ENTRIES, lang).map((match) => [
      text.slice(match.start, match.end),
      (ENTRIES[match.entity] as { entityId: string }).entityId,
    ]);

  it('marks shared names the rest of the text decides, and only what names an entity', () => {
    expect(names('Kallas spoke. Later Siim Kallas said Kallas was right.')).toEqual([
      ['Kallas', 'siim-kallas'],
      ['Siim Kallas', 'siim-kallas'],
      ['Kallas', 'siim-kallas'],
    ]);
    expect(names('Washington state sues; Washington replies.')).toEqual([]);
    expect(names('Washington sends arms to Ukraine.')).toEqual([
      ['Washington', 'washington'],
      ['Ukraine', 'ukraine'],
    ]);
    expect(names('Kallas spoke.')).toEqual([]);
  });

  it('reads a text in another language by rule 5', () => {
    expect(names('America first.', 'pt')).toEqual([]);
    expect(names('America first.')).toEqual([['America', 'united-states']]);
  });
});
