// Names listed as "…, and other companies" or after "cities such as" are of the kind the noun says.
//
// Within a sentence, names joined only by ", ", " and ", " or " or "&" form a list (a dictionary
// entity's mention links a list too, though only new names get ballots). A list followed by "and
// other companies" or led by "cities such as" gives each of its new names a ballot of 3 for the
// kind its noun says; a name whose own clues point elsewhere (2 votes or more for another kind) is
// left to them. Lists with no such noun say nothing: "like with like" was tried ("News Corporation
// and Fairfax") and cost precision on held-out pages.
import type { Ballot, NameSpan } from './name-spans';
import type { EntityKind } from './types';

/** A dictionary entity's mention, with its kind. */
export interface KnownSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
}

interface Item {
  readonly start: number;
  readonly end: number;
  readonly span?: NameSpan;
  readonly known?: KnownSpan;
}

const LIST_GAP = /^(?:, | and | or | & |, and |, or |, & )$/u;

const ORG_PLURALS = new Set(
  `companies firms services sites websites apps platforms brands organizations organisations
   groups outlets publications agencies banks networks newspapers magazines charities startups
   retailers airlines carriers parties unions broadcasters businesses corporations`
    .split(/\s+/u)
    .filter((word) => word !== ''),
);
const PLACE_PLURALS = new Set(
  `cities countries towns states regions nations places villages provinces capitals islands
   neighborhoods neighbourhoods suburbs districts`
    .split(/\s+/u)
    .filter((word) => word !== ''),
);

function pluralKind(word: string): EntityKind | undefined {
  const key = word.toLowerCase();
  if (ORG_PLURALS.has(key)) return 'organization';
  if (PLACE_PLURALS.has(key)) return 'place';
  return undefined;
}

/** "…, and dozens of other internet and technology companies": the kind the noun after "other" says. */
const OTHER_AFTER = /^,? (?:and|or) (?:[\p{L}-]+ ){0,3}?other ((?:[\p{L}-]+ ){0,4}[\p{L}-]+)/u;
/** Words that end the noun phrase after "other": its noun comes before them. */
const PHRASE_END = new Set([
  'in',
  'of',
  'at',
  'for',
  'from',
  'with',
  'to',
  'on',
  'that',
  'which',
  'who',
]);

/** The kind the first category noun of the words after "other" says, up to a preposition. */
function otherKind(words: string): EntityKind | undefined {
  for (const word of words.split(' ')) {
    if (PHRASE_END.has(word)) return undefined;
    const kind = pluralKind(word);
    if (kind) return kind;
  }
  return undefined;
}
/** "companies such as …", "cities including …": the kind the noun before says. */
const SUCH_AS_BEFORE = /\b([\p{L}-]+),? (?:such as|including|like) $/u;

function votesOf(span: NameSpan): Record<EntityKind, number> {
  const votes: Record<EntityKind, number> = { person: 0, organization: 0, place: 0 };
  for (const ballot of span.ballots) votes[ballot.kind] += ballot.weight;
  return votes;
}

/** The span's strongest vote for a kind other than `kind`. */
function otherWeight(span: NameSpan, kind: EntityKind): number {
  const votes = votesOf(span);
  return Math.max(
    ...(Object.keys(votes) as EntityKind[]).filter((k) => k !== kind).map((k) => votes[k]),
  );
}

/** Adds list ballots to the spans of one paragraph ([from, to) of the text), in place. */
export function voteAlongLists(
  spans: readonly NameSpan[],
  known: readonly KnownSpan[],
  text: string,
  from: number,
  to: number,
): void {
  const items: Item[] = [
    ...spans.map((span) => ({ start: span.start, end: span.end, span })),
    ...known
      .filter((k) => k.start >= from && k.end <= to)
      .map((k) => ({ start: k.start, end: k.end, known: k })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const chains: Item[][] = [];
  let lastEnd = -1;
  for (const item of items) {
    if (item.start < lastEnd) continue; // a span inside another (an organization inside a role)
    const chain = chains[chains.length - 1];
    const previous = chain?.[chain.length - 1];
    if (chain && previous && LIST_GAP.test(text.slice(previous.end, item.start))) chain.push(item);
    else chains.push([item]);
    lastEnd = item.end;
  }
  for (const chain of chains) {
    const first = chain[0] as Item;
    const last = chain[chain.length - 1] as Item;
    const add = (item: Item, ballot: Ballot) => {
      if (item.span && otherWeight(item.span, ballot.kind) < 2) item.span.ballots.push(ballot);
    };
    // "…, and other companies" / "companies such as …".
    const other = OTHER_AFTER.exec(text.slice(last.end, last.end + 120));
    const such = SUCH_AS_BEFORE.exec(text.slice(Math.max(from, first.start - 40), first.start));
    const nounKind =
      (other?.[1] ? otherKind(other[1]) : undefined) ??
      (such?.[1] ? pluralKind(such[1]) : undefined);
    if (nounKind) {
      const noun = other ? 'and other …' : `${such?.[1]} such as`;
      for (const item of chain)
        add(item, { kind: nounKind, weight: 3, reason: `listed as one of "${noun}"` });
    }
  }
}
