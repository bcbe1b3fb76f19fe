// The hover card's content: the essentials of one entity, chosen from the knowledge base, as plain data.
import type { KnowledgeBase } from '../shared/kb/knowledge-base';
import type { Entity, Event, Evidence, Fact, Quote } from '../shared/kb/schema';
import { compileMatcher } from '../shared/match/matcher';

export interface CardFact {
  text: string;
  /** The sentence of the source the fact was taken from (shown on hover/focus of its source marker). */
  sentence: string;
}

export interface CardData {
  entityId: string;
  name: string;
  kind: string;
  description?: string;
  /** At most three, in the order the source tells them. */
  facts: CardFact[];
  /** For a person: the quote of theirs most about the article's main event. */
  quote?: { text: string; speaker: string; sentence: string };
  /** Otherwise: the event the entity is most involved in, with the sentence that places the entity in it. */
  event?: { id: string; title: string; when?: string; sentence: string };
  relatedEvents: number;
  relatedEntities: number;
}

const MAX_FACTS = 3;
/** An event's place counts twice a participant: the card of Kyiv is about what happened in Kyiv. */
const WHERE_WEIGHT = 2;
const PARTICIPANT_WEIGHT = 1;
/** A fact that, without the name and role the card already shows, has fewer letters than this says nothing new. */
const MIN_NEW_LETTERS = 12;

const overlaps = (a: Evidence, b: Evidence): boolean =>
  a.source === b.source && a.start < b.end && b.start < a.end;

const inEvidence = (evidence: Evidence, event: Event | undefined): boolean =>
  event?.evidence.some((span) => overlaps(evidence, span)) ?? false;

/** The item with the highest score, scores compared key by key; the first of equals (dataset order) wins. */
function best<T>(items: readonly T[], score: (item: T) => number[]): T | undefined {
  let winner: T | undefined;
  let top: number[] = [];
  for (const item of items) {
    const keys = score(item);
    const i = keys.findIndex((key, at) => key !== top[at]);
    if (winner === undefined || (i >= 0 && (keys[i] as number) > (top[i] ?? 0))) {
      winner = item;
      top = keys;
    }
  }
  return winner;
}

/**
 * Tells whether a sentence is about the entity: it names it (by the page's own rules: whole words, case rules,
 * folding, possessives; a matcher over this one entity's names, built once per card), or the dataset took one of
 * the entity's facts or quotes from it ("Ukraine's capital" is Kyiv without the name).
 */
function aboutEntity(kb: KnowledgeBase, entity: Entity): (span: Evidence) => boolean {
  const listed = entity.aliases.some((alias) => alias.text === entity.name);
  const aliases = listed
    ? entity.aliases
    : [{ text: entity.name, caseSensitive: /^\p{Lu}{1,5}$/u.test(entity.name) }, ...entity.aliases];
  const matcher = compileMatcher([{ aliases }]);
  const linked = [...kb.facts(entity.id), ...kb.quotes(entity.id)].map((item) => item.evidence);
  return (span) =>
    linked.some((evidence) => overlaps(evidence, span)) ||
    matcher.find(kb.sentence(span)).length > 0;
}

/** The event an article is mostly about: the one with the most evidence sentences in it (then dataset order). */
function mainEvent(kb: KnowledgeBase, source: string): Event | undefined {
  return best(kb.allEvents(), (event) => [
    event.evidence.filter((span) => span.source === source).length,
  ]);
}

/**
 * The event the entity is most involved in: its role (place over participant) times one more than the number of
 * the event's sentences about it. Ties go to the event with more figures, then more sentences, then dataset order.
 */
function involvedEvent(
  events: readonly Event[],
  entityId: string,
  about: (span: Evidence) => boolean,
): Event | undefined {
  return best(events, (event) => {
    const role = event.where.includes(entityId)
      ? WHERE_WEIGHT
      : event.participants.includes(entityId)
        ? PARTICIPANT_WEIGHT
        : 0;
    const sentences = event.evidence.filter(about).length;
    return [role * (1 + sentences), event.figures.length, event.evidence.length];
  });
}

/**
 * A person's quote most about the article's main event: said in one of that event's sentences first, then in a
 * sentence of an event the person takes part in; the longest of equals (it says the most), then article order.
 */
function telling(
  kb: KnowledgeBase,
  quotes: readonly Quote[],
  events: readonly Event[],
): Quote | undefined {
  const mains = new Map<string, Event | undefined>();
  return best(quotes, ({ evidence, text }) => {
    if (!mains.has(evidence.source)) mains.set(evidence.source, mainEvent(kb, evidence.source));
    const own = events.some((event) => inEvidence(evidence, event));
    return [Number(inEvidence(evidence, mains.get(evidence.source))), Number(own), text.length];
  });
}

/**
 * Up to three facts: one per sentence (two facts cut from one sentence say it twice), none that only restates
 * the name and role shown above them, those from the sentences of the entity's main event first (the card then
 * tells one story), then dataset order; shown in the order of the source.
 */
function keyFacts(entity: Entity, facts: readonly Fact[], focus: Event | undefined): Fact[] {
  const usedSentences = new Set<string>();
  const fresh = facts.filter((fact) => {
    const sentence = `${fact.evidence.source}:${fact.evidence.start}`;
    if (usedSentences.has(sentence)) return false;
    const rest = fact.text.replace(entity.name, '').replace(entity.description ?? '\u0000', '');
    if ((rest.match(/\p{L}/gu)?.length ?? 0) < MIN_NEW_LETTERS) return false;
    usedSentences.add(sentence);
    return true;
  });
  const chosen = fresh
    .map((fact, order) => ({ fact, order, inFocus: inEvidence(fact.evidence, focus) }))
    .sort((a, b) => Number(b.inFocus) - Number(a.inFocus) || a.order - b.order)
    .slice(0, MAX_FACTS)
    .map(({ fact }) => fact);
  return chosen.sort(
    (a, b) =>
      a.evidence.source.localeCompare(b.evidence.source) || a.evidence.start - b.evidence.start,
  );
}

/** Builds the card for `entityId`, or null if no dataset knows it. */
export function buildCard(kb: KnowledgeBase, entityId: string): CardData | null {
  const entity = kb.entity(entityId);
  if (!entity) return null;
  const events = kb.events(entityId);
  const about = aboutEntity(kb, entity);
  const focus = involvedEvent(events, entityId, about);
  const card: CardData = {
    entityId,
    name: entity.name,
    kind: entity.kind,
    description: entity.description,
    facts: keyFacts(entity, kb.facts(entityId), focus).map((fact) => ({
      text: fact.text,
      sentence: kb.sentence(fact.evidence),
    })),
    relatedEvents: events.length,
    relatedEntities: kb.related(entityId).length,
  };
  const quote = entity.kind === 'person' ? telling(kb, kb.quotes(entityId), events) : undefined;
  if (quote) {
    card.quote = { text: quote.text, speaker: entity.name, sentence: kb.sentence(quote.evidence) };
  } else if (focus) {
    // The event's first sentence about the entity, or its first (the one that defines it).
    const span = focus.evidence.find(about) ?? (focus.evidence[0] as Evidence);
    card.event = {
      id: focus.id,
      title: focus.title,
      when: focus.when,
      sentence: kb.sentence(span),
    };
  }
  return card;
}
