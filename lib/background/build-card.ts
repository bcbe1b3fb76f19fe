// The hover card's content: the essentials of one entity, chosen from the knowledge store (lib/shared/card-data.ts).

import type { CardData } from '../shared/card-data';
import { dictionaryItem } from '../shared/kb/dictionary';
import type { Entity, Event, Evidence, Fact, Quote } from '../shared/kb/schema';
import { compileMatcher } from '../shared/match/matcher';
import { newerFirst, publishedDay, sourceLine } from '../shared/source-line';
import type { KnowledgeReader } from '../shared/store/read';

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
function aboutEntity(
  entity: Entity,
  linked: readonly Evidence[],
  sentence: (span: Evidence) => string,
): (span: Evidence) => boolean {
  const matcher = compileMatcher([dictionaryItem(entity)]);
  return (span) =>
    linked.some((evidence) => overlaps(evidence, span)) || matcher.find(sentence(span)).length > 0;
}

/** The event an article is mostly about: of its events, the one with the most evidence sentences in it (then dataset order). */
function mainEvent(eventsOfSource: readonly Event[], source: string): Event | undefined {
  return best(eventsOfSource, (event) => [
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
  quotes: readonly Quote[],
  events: readonly Event[],
  mains: ReadonlyMap<string, Event | undefined>,
): Quote | undefined {
  return best(quotes, ({ evidence, text }) => {
    const own = events.some((event) => inEvidence(evidence, event));
    return [Number(inEvidence(evidence, mains.get(evidence.source))), Number(own), text.length];
  });
}

/**
 * Up to three facts: one per sentence (two facts cut from one sentence say it twice), none that only restates
 * the name and role shown above them; the most recently published source's first (what the reader saved last is
 * what is new), within a source those from the sentences of the entity's main event first (the card then tells one
 * story), then dataset order. Shown the most recent source first, each in the order of its source.
 */
function keyFacts(
  entity: Entity,
  facts: readonly Fact[],
  focus: Event | undefined,
  day: (sourceId: string) => string | undefined,
): Fact[] {
  const usedSentences = new Set<string>();
  const fresh = facts.filter((fact) => {
    const sentence = `${fact.evidence.source}:${fact.evidence.start}`;
    if (usedSentences.has(sentence)) return false;
    const rest = fact.text.replace(entity.name, '').replace(entity.description ?? '\u0000', '');
    if ((rest.match(/\p{L}/gu)?.length ?? 0) < MIN_NEW_LETTERS) return false;
    usedSentences.add(sentence);
    return true;
  });
  /** Newer published sources first; undated ones (the bundled article) after every dated one. */
  const recency = (a: Fact, b: Fact) => newerFirst(day(a.evidence.source), day(b.evidence.source));
  const chosen = fresh
    .map((fact, order) => ({ fact, order, inFocus: inEvidence(fact.evidence, focus) }))
    .sort(
      (a, b) =>
        recency(a.fact, b.fact) || Number(b.inFocus) - Number(a.inFocus) || a.order - b.order,
    )
    .slice(0, MAX_FACTS)
    .map(({ fact }) => fact);
  return chosen.sort(
    (a, b) =>
      recency(a, b) ||
      a.evidence.source.localeCompare(b.evidence.source) ||
      a.evidence.start - b.evidence.start,
  );
}

/**
 * Builds the card for `entityId`, or null if no dataset in use knows it. Reads only this entity's items (and the
 * events of the sources its quotes come from), and each source text once.
 */
export async function buildCard(
  reader: KnowledgeReader,
  entityId: string,
): Promise<CardData | null> {
  const entity = await reader.entity(entityId);
  if (!entity) return null;
  const [events, facts, quotes, related] = await Promise.all([
    reader.events(entityId),
    reader.facts(entityId),
    entity.kind === 'person' ? reader.quotes(entityId) : Promise.resolve([]),
    reader.related(entityId),
  ]);
  const spans = [
    ...facts.map((fact) => fact.evidence),
    ...quotes.map((quote) => quote.evidence),
    ...events.flatMap((event) => event.evidence),
  ];
  // Each source read once: for the sentences, and for the line that names it under its facts.
  const sources = await reader.sources(spans.map((span) => span.source));
  const sentence = (span: Evidence) =>
    sources.get(span.source)?.text.slice(span.start, span.end) ?? '';
  const about = aboutEntity(
    entity,
    [...facts, ...quotes].map((item) => item.evidence),
    sentence,
  );
  const focus = involvedEvent(events, entityId, about);
  const day = (id: string) => publishedDay(sources.get(id)?.published);
  const card: CardData = {
    entityId,
    name: entity.name,
    kind: entity.kind,
    description: entity.description,
    // Each fact says where it comes from: the reader's saved articles sit beside the bundled one.
    facts: keyFacts(entity, facts, focus, day).map((fact) => {
      const source = sources.get(fact.evidence.source);
      return {
        text: fact.text,
        sentence: sentence(fact.evidence),
        ...(source ? { source: { id: source.id, line: sourceLine(source) } } : {}),
      };
    }),
    relatedEvents: events.length,
    relatedEntities: related.length,
    articles: await reader.sourcesNaming(entityId),
  };
  const quoteSources = [...new Set(quotes.map((quote) => quote.evidence.source))];
  const mains = new Map(
    await Promise.all(
      quoteSources.map(
        async (source) => [source, mainEvent(await reader.eventsOfSource(source), source)] as const,
      ),
    ),
  );
  const quote = telling(quotes, events, mains);
  if (quote) {
    card.quote = { text: quote.text, speaker: entity.name, sentence: sentence(quote.evidence) };
  } else if (focus) {
    // The event's first sentence about the entity, or its first (the one that defines it).
    const span = focus.evidence.find(about) ?? (focus.evidence[0] as Evidence);
    card.event = {
      id: focus.id,
      title: focus.title,
      when: focus.when,
      sentence: sentence(span),
    };
  }
  return card;
}
