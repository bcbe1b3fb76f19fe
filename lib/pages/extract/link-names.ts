// Groups the name spans of an article into new entities: short forms join the full name, acronyms their expansion, votes add up.
//
// Rules:
// - Same name (folded: case, diacritics, punctuation) → same entity.
// - A person's later short form joins the one full name it ends with: "Warner" and "Mr. Warner"
//   → Mark Warner, "Bashir" → Omar Hassan al-Bashir, "Bin Laden" → Osama bin Laden. When two
//   full names end the same way ("Hillary Clinton", "Bill Clinton") the short form joins neither.
// - An acronym joins the one organization whose initials it spells, or the name it follows in
//   brackets: "National Rifle Association (NRA)".
// - The kind is the one with most votes over all mentions; few votes make the entity "unsure"
//   (shown to the reader, saved only if accepted).
// - Aliases get case rules a reader expects: short all-caps forms are case-sensitive ("NRA"), and
//   so is a name made only of ordinary words ("White House", "Rice") so "rice" is not Condoleezza Rice.
import { foldName } from './fold-name';
import { gazetteerKind, isDemonymWord } from './gazetteer';
import { type Gender, type NameSpan, TWO_WORDS, type Votes } from './name-spans';
import { NAME_PARTICLES } from './name-words';
import { isCommonWord, isDemonym, type TagIndex } from './nlp-tags';
import type { Alias, EntityKind } from './types';

export interface LinkedEntity {
  kind: EntityKind;
  name: string;
  aliases: Alias[];
  votes: Votes;
  /** Score of the winning kind; the caller decides how much is enough. */
  score: number;
  gender: Gender | undefined;
  role: { text: string; start: number; end: number } | undefined;
  why: string[];
  spans: NameSpan[];
}

const KINDS: readonly EntityKind[] = ['person', 'organization', 'place'];

interface Group {
  key: string;
  spans: NameSpan[];
  votes: Votes;
  /** Folded words of the name, for suffix matching. */
  words: string[];
  merged: Group[];
}

/**
 * The votes of an entity over its mentions. A clue counts again when it comes back in another
 * mention, but at most twice its weight in all: "in Darfur" three times is good evidence of a
 * place; "two capitalised words" five times is still no evidence of a person.
 */
function sumVotes(spans: readonly NameSpan[]): Votes {
  const byReason = new Map<string, { kind: EntityKind; total: number; max: number }>();
  for (const span of spans) {
    for (const ballot of span.ballots) {
      const key = `${ballot.kind}|${ballot.reason}`;
      const entry = byReason.get(key) ?? { kind: ballot.kind, total: 0, max: 0 };
      entry.total += ballot.weight;
      entry.max = Math.max(entry.max, ballot.weight);
      byReason.set(key, entry);
    }
  }
  const votes: Votes = { person: 0, organization: 0, place: 0 };
  for (const entry of byReason.values()) votes[entry.kind] += Math.min(entry.total, 2 * entry.max);
  // "Two or more capitalised words" is the fallback when nothing else speaks: not against a clue
  // that says organization or place in some other mention ("A Con Edison worker").
  const fallback = byReason.get(`person|${TWO_WORDS}`);
  if (fallback && (votes.organization >= 2 || votes.place >= 2))
    votes.person -= Math.min(fallback.total, 2 * fallback.max);
  return votes;
}

function winner(votes: Votes): EntityKind {
  let best: EntityKind = 'person';
  for (const kind of KINDS) if (votes[kind] > votes[best]) best = kind;
  return best;
}

/** Folded words, with an Arabic article prefix dropped so "al-Bashir" ends like "Bashir". */
function _foldedWords(name: string): string[] {
  return foldName(name)
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => word.replace(/^(?:al|el) /, ''));
}

/** Generational suffixes are not part of how a person is called for short: "Erik Nordby Jr." is "Nordby". */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function wordsOfSpan(span: NameSpan): string[] {
  const words = span.tokens
    .map((token) => foldName(token.text).replace(/^(?:al|el) /, ''))
    .flatMap((word) => word.split(' '))
    .filter((word) => word !== '' && word !== 'al' && word !== 'el');
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words;
}

function endsWith(long: readonly string[], short: readonly string[]): boolean {
  if (short.length >= long.length) return false;
  return short.every((word, i) => long[long.length - short.length + i] === word);
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

/** The case rule for an alias, as the knowledge base expects it. */
export function aliasCaseSensitive(text: string, lowercaseWords: ReadonlySet<string>): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 5 && letters === letters.toUpperCase()) return true;
  const words = text.split(/\s+/);
  return words.every((word) => {
    const key = word.toLowerCase().replace(/[^\p{L}]/gu, '');
    return key === '' || NAME_PARTICLES.has(key) || lowercaseWords.has(key) || isCommonWord(key);
  });
}

/** Builds the article's new entities from its name spans (in text order). */
export function linkNames(
  spans: readonly NameSpan[],
  text: string,
  tags: TagIndex,
  lowercaseWords: ReadonlySet<string>,
): LinkedEntity[] {
  const groups = new Map<string, Group>();
  for (const span of spans) {
    const key = foldName(span.name);
    if (key === '') continue;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        spans: [],
        votes: { person: 0, organization: 0, place: 0 },
        words: wordsOfSpan(span),
        merged: [],
      };
      groups.set(key, group);
    }
    group.spans.push(span);
  }
  for (const group of groups.values()) group.votes = sumVotes(group.spans);

  const all = [...groups.values()];
  const into = new Map<Group, Group>();
  const root = (group: Group): Group => {
    let current = group;
    for (let next = into.get(current); next; next = into.get(current)) current = next;
    return current;
  };

  // Short forms of people: join the one longer person name they end with.
  const people = all.filter(
    (group) =>
      group.words.length >= 2 && winner(group.votes) === 'person' && group.votes.person > 0,
  );
  for (const group of all) {
    if (
      winner(group.votes) !== 'person' &&
      group.votes.person === 0 &&
      group.votes.organization + group.votes.place > 0
    )
      continue;
    const longer = people.filter((other) => other !== group && endsWith(other.words, group.words));
    const targets = new Set(longer.map(root));
    if (targets.size === 1) {
      const target = [...targets][0] as Group;
      if (target !== root(group)) into.set(group, target);
    }
  }

  // Organizations and places named by their last words: "Congress" → "US Congress", "Council" → "British Council".
  // Only when the longer name adds a place or nationality in front: "South Sudan" and "Sudan" stay two.
  const placePrefix = (other: Group, suffixLength: number): boolean => {
    const tokens = other.spans[0]?.tokens ?? [];
    const prefix = tokens.slice(0, tokens.length - suffixLength);
    return (
      prefix.length > 0 &&
      prefix.every((token) => gazetteerKind(token.text) === 'place' || isDemonymWord(token.text))
    );
  };
  for (const group of all) {
    const name = group.spans[0]?.name ?? '';
    const { person, organization, place } = group.votes;
    if (
      into.has(group) ||
      person > Math.max(organization, place) ||
      gazetteerKind(name) === 'place'
    )
      continue;
    const longer = all.filter(
      (other) =>
        other !== group &&
        winner(other.votes) === 'organization' &&
        endsWith(other.words, group.words) &&
        placePrefix(other, group.spans[0]?.tokens.length ?? 0),
    );
    const targets = new Set(longer.map(root));
    if (targets.size === 1) {
      const target = [...targets][0] as Group;
      if (target !== root(group)) into.set(group, target);
    }
  }

  // Acronyms: a bracketed acronym right after a name, else the one organization whose initials they spell.
  for (const group of all) {
    const first = group.spans[0];
    if (first?.tokens.length !== 1 || !first.tokens[0]?.allCaps) continue;
    const acronym = first.name.replace(/\./g, '');
    let target: Group | undefined;
    for (const span of group.spans) {
      if (text.slice(span.start - 2, span.start) !== ' (' || text[span.end] !== ')') continue;
      const before = spans.find((other) => other.end === span.start - 2);
      if (before && initials(before.name) === acronym) target = groups.get(foldName(before.name));
    }
    if (!target) {
      const matches = all.filter(
        (other) =>
          other !== group &&
          other.words.length > 1 &&
          initials(other.spans[0]?.name ?? '') === acronym,
      );
      if (matches.length === 1) target = matches[0];
    }
    if (target && root(target) !== root(group)) into.set(group, root(target));
  }

  const members = new Map<Group, Group[]>();
  for (const group of all) {
    const top = root(group);
    const list = members.get(top) ?? [];
    list.push(group);
    members.set(top, list);
  }

  const out: LinkedEntity[] = [];
  for (const [top, list] of members) {
    const spansOf = list.flatMap((group) => group.spans).sort((a, b) => a.start - b.start);
    const votes = sumVotes(spansOf);
    const kind = winner(votes);
    // The canonical name: the longest form (most words), first seen on ties.
    const nameGroup = list.reduce(
      (best, group) => (group.words.length > best.words.length ? group : best),
      top,
    );
    const name = nameGroup.spans[0]?.name ?? top.spans[0]?.name ?? '';
    const aliasTexts = new Map<string, string>();
    for (const span of spansOf) {
      const key = foldName(span.name);
      if (key !== foldName(name) && !aliasTexts.has(key)) aliasTexts.set(key, span.name);
      // foldName ignores a leading "the", so the written form is kept under its own key.
      if (span.withArticle && !aliasTexts.has(`the ${key}`))
        aliasTexts.set(`the ${key}`, span.withArticle);
    }
    const aliases: Alias[] = [...aliasTexts.values()].map((alias) => ({
      text: alias,
      caseSensitive: aliasCaseSensitive(alias, lowercaseWords),
    }));
    const genders = spansOf.map((span) => span.gender).filter((g): g is Gender => g !== undefined);
    const gender =
      genders.length > 0 && genders.every((g) => g === genders[0]) ? genders[0] : undefined;
    const role = spansOf.find((span) => span.role)?.role;
    const why = [...new Set(spansOf.flatMap((span) => span.ballots.map((b) => b.reason)))];
    if (list.length > 1)
      why.push(`also written ${[...aliasTexts.values()].map((a) => `"${a}"`).join(', ')}`);
    // A demonym that slipped through as a one-word name is never an entity.
    if (
      spansOf.every(
        (span) =>
          span.tokens.length === 1 && isDemonym(span.tokens[0] as NameSpan['tokens'][number], tags),
      )
    )
      continue;
    out.push({ kind, name, aliases, votes, score: votes[kind], gender, role, why, spans: spansOf });
  }
  return out.sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0));
}
