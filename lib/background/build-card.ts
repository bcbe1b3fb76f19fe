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

/** Scores compared key by key: positive if `a` is higher. */
function compareScores(a: readonly number[], b: readonly number[]): number {
  const i = a.findIndex((key, at) => key !== b[at]);
  return i < 0 ? 0 : (a[i] as number) - (b[i] ?? 0);
}

/** The item with the highest score, scores compared key by key; the first of equals (dataset order) wins. */
function best<T>(items: readonly T[], score: (item: T) => number[]): T | undefined {
  let winner: T | undefined;
  let top: number[] = [];
  for (const item of items) {
    const keys = score(item);
    if (winner === undefined || compareScores(keys, top) > 0) {
      winner = item;
      top = keys;
    }
  }
  return winner;
}

/**
 * The item `best` would choose, when a score costs reads but a bound of it (a score it cannot exceed) does not:
 * items are scored from the highest bound down, and no further once no bound left can beat the best score found.
 */
async function bestBounded<T>(
  items: readonly T[],
  bound: (item: T) => number[],
  score: (item: T) => Promise<number[]>,
): Promise<T | undefined> {
  const byBound = items
    .map((item, order) => ({ item, order, bound: bound(item) }))
    .sort((a, b) => compareScores(b.bound, a.bound) || a.order - b.order);
  let winner: { item: T; order: number; score: number[] } | undefined;
  for (const { item, order, bound } of byBound) {
    if (winner) {
      const room = compareScores(bound, winner.score);
      // Bounds only fall from here; a tie goes to the earlier item.
      if (room < 0 || (room === 0 && order > winner.order)) break;
    }
    const keys = await score(item);
    const beats = winner ? compareScores(keys, winner.score) : 1;
    if (!winner || beats > 0 || (beats === 0 && order < winner.order))
      winner = { item, order, score: keys };
  }
  return winner?.item;
}

/** Source texts read when a sentence of them is needed, each source once, several at a time. */
function sentenceReader(reader: KnowledgeReader) {
  const texts = new Map<string, Promise<string | undefined>>();
  return async (spans: readonly Evidence[]): Promise<string[]> => {
    const missing = [...new Set(spans.map((span) => span.source))].filter((id) => !texts.has(id));
    if (missing.length > 0) {
      const read = reader.sources(missing);
      for (const id of missing)
        texts.set(
          id,
          read.then((sources) => sources.get(id)?.text),
        );
    }
    return Promise.all(
      spans.map(async (span) => (await texts.get(span.source))?.slice(span.start, span.end) ?? ''),
    );
  };
}

/**
 * Tells which sentences are about the entity: those that name it (by the page's own rules: whole words, case
 * rules, folding, possessives; a matcher over this one entity's names, built once per card), or that the dataset
 * took one of the entity's facts or quotes from ("Ukraine's capital" is Kyiv without the name). Reads the text only
 * of sentences no fact or quote comes from.
 */
function aboutEntity(
  entity: Entity,
  linked: readonly Evidence[],
  sentences: (spans: readonly Evidence[]) => Promise<string[]>,
): (spans: readonly Evidence[]) => Promise<boolean[]> {
  const matcher = compileMatcher([dictionaryItem(entity)]);
  return async (spans) => {
    const isLinked = spans.map((span) => linked.some((evidence) => overlaps(evidence, span)));
    const texts = await sentences(spans.filter((_, i) => !isLinked[i]));
    let next = 0;
    return isLinked.map((yes) => yes || matcher.find(texts[next++] as string).length > 0);
  };
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
  about: (spans: readonly Evidence[]) => Promise<boolean[]>,
): Promise<Event | undefined> {
  const role = (event: Event) =>
    event.where.includes(entityId)
      ? WHERE_WEIGHT
      : event.participants.includes(entityId)
        ? PARTICIPANT_WEIGHT
        : 0;
  const score = (event: Event, sentences: number) => [
    role(event) * (1 + sentences),
    event.figures.length,
    event.evidence.length,
  ];
  // At most every sentence is about it; which are needs their text, read only for events that may win.
  return bestBounded(
    events,
    (event) => score(event, event.evidence.length),
    async (event) =>
      role(event) === 0
        ? score(event, 0)
        : score(event, (await about(event.evidence)).filter(Boolean).length),
  );
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
 * Builds the card for `entityId`, or null if no dataset in use knows it. Reads this entity's items (and the events
 * of the sources its quotes come from), its sources' titles and dates without their texts, and the text only of the
 * sources whose sentences it shows or must read to choose its event.
 */
export async function buildCard(
  reader: KnowledgeReader,
  entityId: string,
): Promise<CardData | null> {
  const entity = await reader.entity(entityId);
  if (!entity) return null;
  const eventsRead = reader.events(entityId);
  const [events, facts, quotes, related, articles] = await Promise.all([
    eventsRead,
    reader.facts(entityId),
    entity.kind === 'person' ? reader.quotes(entityId) : Promise.resolve([]),
    reader.related(entityId, eventsRead),
    reader.sourcesNaming(entityId),
  ]);
  const sentences = sentenceReader(reader);
  const about = aboutEntity(
    entity,
    [...facts, ...quotes].map((item) => item.evidence),
    sentences,
  );
  const [focus, lines] = await Promise.all([
    involvedEvent(events, entityId, about),
    reader.sourceSummaries(facts.map((fact) => fact.evidence.source)),
  ]);
  const day = (id: string) => publishedDay(lines.get(id)?.published);
  const shownFacts = keyFacts(entity, facts, focus, day);
  const quoteSources = [...new Set(quotes.map((quote) => quote.evidence.source))];
  const [factSentences, mains] = await Promise.all([
    sentences(shownFacts.map((fact) => fact.evidence)),
    Promise.all(
      quoteSources.map(
        async (source) => [source, mainEvent(await reader.eventsOfSource(source), source)] as const,
      ),
    ).then((pairs) => new Map(pairs)),
  ]);
  const card: CardData = {
    entityId,
    name: entity.name,
    kind: entity.kind,
    description: entity.description,
    // Each fact says where it comes from: the reader's saved articles sit beside the bundled one.
    facts: shownFacts.map((fact, i) => {
      const source = lines.get(fact.evidence.source);
      return {
        text: fact.text,
        sentence: factSentences[i] as string,
        ...(source ? { source: { id: source.id, line: sourceLine(source) } } : {}),
      };
    }),
    relatedEvents: events.length,
    relatedEntities: related.length,
    articles,
  };
  const quote = telling(quotes, events, mains);
  if (quote) {
    const [sentence] = await sentences([quote.evidence]);
    card.quote = { text: quote.text, speaker: entity.name, sentence: sentence as string };
  } else if (focus) {
    // The event's first sentence about the entity, or its first (the one that defines it).
    const [isAbout, texts] = await Promise.all([about(focus.evidence), sentences(focus.evidence)]);
    const at = Math.max(0, isAbout.indexOf(true));
    card.event = {
      id: focus.id,
      title: focus.title,
      when: focus.when,
      sentence: texts[at] as string,
    };
  }
  return card;
}
