// The panel's plain models (entity, event, source, search results), read from the knowledge store view by view.
import type { Evidence, KbEvent, Quote, Relation } from '../shared/kb/schema';
import type { NameMatch } from '../shared/messaging';
import {
  newerFirst,
  publishedDay,
  readableDate,
  sourceLine,
  sourceSite,
} from '../shared/source-line';
import type { KnowledgeReader } from '../shared/store/read';
import type { PanelKnowledge } from './knowledge';
import type { KnowledgeAccess, KnowledgeRequests } from './knowledge-access';
import { libraryEntries } from './library';
import type {
  EntityDetail,
  EntityRef,
  EventDetail,
  EventSummary,
  FigureItem,
  QuoteItem,
  RelatedEntity,
  SourceDocument,
  SourceSegment,
  SourceSpan,
  TimelineItem,
} from './models';
import { bestEntityFor, bestEntityQuery, type SearchCorpus, SearchIndex } from './search';
import { timeline } from './timeline';

/** What a figure counts, in words, from its kind and unit: "people killed", "buildings damaged". */
function figureLabel(kind: string, unit: string | undefined): string {
  switch (kind) {
    case 'dead':
      return `${unit ?? 'people'} killed`;
    case 'wounded':
      return `${unit ?? 'people'} wounded`;
    case 'locations':
    case 'buildings':
      return `${unit ?? kind} damaged`;
    case 'money':
      return 'amount';
    default:
      return unit ?? kind.replace(/-/g, ' ');
  }
}

/** A figure as a reader takes it in at a glance: the number big, what it counts beneath. */
export function figureItem(figure: KbEvent['figures'][number]): FigureItem {
  const label = figureLabel(figure.kind, figure.unit);
  let value = new Intl.NumberFormat('en').format(figure.value);
  if (figure.kind === 'money') {
    // The source's own wording of an amount ("$825 million") reads better than any formatting of it.
    const written = /[$€£]\s?\d[\d.,]*(?:\s(?:thousand|million|billion|trillion))?/i.exec(
      figure.text,
    );
    if (written) value = written[0];
    else if (figure.unit) value = `${value} ${figure.unit}`;
  }
  return { label, value, qualifier: figure.qualifier };
}

function relationPhrase(relation: Relation, name: (id: string) => string): string {
  return `${name(relation.subject)} ${relation.predicate.replace(/-/g, ' ')} ${name(relation.object)}`;
}

/** The panel's reads over the knowledge store: each view reads only what it shows. */
export function panelKnowledge(access: KnowledgeAccess): PanelKnowledge {
  const { reader, requests } = access;
  // The search index covers everything in use; built on the first search, rebuilt after the knowledge changes.
  let index: { version: number; built: Promise<SearchIndex> } | null = null;

  const refs = async (ids: readonly string[]): Promise<Map<string, EntityRef>> => {
    const found = await reader.entities(ids);
    return new Map([...found.values()].map((entity) => [entity.id, toRef(entity)]));
  };
  const nameOf = (known: ReadonlyMap<string, EntityRef>) => (id: string) =>
    known.get(id)?.name ?? id;

  const entity = async (id: string): Promise<EntityDetail | undefined> => {
    const found = await reader.entity(id);
    if (!found) return undefined;
    const [facts, quotes, events, related, merged, candidates] = await Promise.all([
      reader.facts(id),
      reader.quotes(id),
      reader.events(id),
      reader.related(id),
      reader.mergedInto(found.id),
      reader.sameSuggestions(found),
    ]);
    const spans = [...facts.map((fact) => fact.evidence), ...quotes.map((quote) => quote.evidence)];
    const firstOf = (event: KbEvent) => event.evidence[0] as Evidence;
    // Each source read once: for the sentences, and for the line and date that place its items.
    const sources = await reader.sources([
      ...spans.map((evidence) => evidence.source),
      ...events.map((event) => firstOf(event).source),
    ]);
    const sentences = spans.map(
      (evidence) => sources.get(evidence.source)?.text.slice(evidence.start, evidence.end) ?? '',
    );
    const lines = new Map([...sources.values()].map((row) => [row.id, sourceLine(row)]));
    const days = new Map([...sources.values()].map((row) => [row.id, publishedDay(row.published)]));
    const known = await refs([
      ...events.flatMap((event) => event.where),
      ...related.flatMap((other) => other.relations.flatMap((r) => [r.subject, r.object])),
    ]);
    known.set(found.id, toRef(found));
    const name = nameOf(known);
    const order = await reader.sourceOrder([
      ...spans.map((evidence) => evidence.source),
      ...events.map((event) => (event.evidence[0] as Evidence).source),
    ]);
    /** Article order: sources in the reader's order of datasets, then where the sentence starts. */
    const byOrder = (a: SourceSpan, b: SourceSpan) =>
      (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) || a.start - b.start;
    /** The most recently published source first (undated ones after), then article order. */
    const byRecency = (a: SourceSpan, b: SourceSpan) =>
      newerFirst(days.get(a.sourceId), days.get(b.sourceId)) || byOrder(a, b);
    const dated = events.map((event) => {
      const source = sources.get(firstOf(event).source);
      return {
        ...eventSummary(event, name),
        ...(event.date ? { date: event.date } : {}),
        at: span(firstOf(event)),
        source: { id: firstOf(event).source, published: source?.published },
      };
    });
    // Words without a stored date ("last week") are resolved against their source's day: the extraction code that
    // knows how is loaded only when an event needs it.
    const undated = dated.some((event) => !event.date && event.when);
    const resolve = undated ? (await import('./extract/events')).resolveWhen : undefined;
    const ordered = timeline(
      dated.sort((a, b) => byOrder(a.at, b.at)),
      resolve,
    );
    return {
      ...toRef(found),
      description: found.description,
      aliases: [...new Set(found.aliases.map((alias) => alias.text))],
      facts: facts
        .map((fact, i) => ({
          id: fact.id,
          text: fact.text,
          sentence: sentences[i] ?? '',
          span: span(fact.evidence),
          sourceLine: lines.get(fact.evidence.source),
        }))
        .sort((a, b) => byRecency(a.span, b.span)),
      quotes: quotes
        .map((quote, i) => quoteItem(quote, toRef(found), sentences[facts.length + i] ?? ''))
        .sort((a, b) => byOrder(a.span, b.span)),
      events: ordered.map(({ event, placement }): TimelineItem => {
        const { at, source, date: _, ...summary } = event;
        return {
          ...summary,
          placement: placement.by,
          ...(placement.by === 'undated' ? {} : { date: placement.date }),
          ...(lines.get(source.id) ? { source: lines.get(source.id) } : {}),
        };
      }),
      related: related.map((other): RelatedEntity => {
        const relation = other.relations[0];
        const event = other.events[0];
        return {
          ...toRef(other.entity),
          relation: relation
            ? relationPhrase(relation, name)
            : event
              ? `also in: ${event.title}`
              : undefined,
        };
      }),
      merged: merged.map(({ entity: other, how }) => ({ entity: toRef(other), how })),
      candidates: candidates.map(({ entity: other, why }) => ({ entity: toRef(other), why })),
    };
  };

  const event = async (id: string): Promise<EventDetail | undefined> => {
    const found = await reader.event(id);
    if (!found) return undefined;
    const ids = [...new Set([...found.participants, ...found.where])];
    const [known, sentences] = await Promise.all([refs(ids), reader.sentences(found.evidence)]);
    return {
      ...eventSummary(found, nameOf(known)),
      participants: ids.flatMap((other) => known.get(other) ?? []),
      figures: found.figures.map(figureItem),
      sentences: found.evidence.map((evidence, i) => ({
        text: sentences[i] ?? '',
        span: span(evidence),
      })),
    };
  };

  const source = async (
    id: string,
    emphasis?: { start: number; end: number },
  ): Promise<SourceDocument | undefined> => {
    const found = await reader.source(id);
    if (!found) return undefined;
    const names = await requests.sourceNames(id);
    const known = await refs(names.map((match) => match.entityId));
    const text = found.text;
    const paragraphs: SourceSegment[][] = [];
    let lineStart = 0;
    let next = 0;
    for (const line of text.split('\n')) {
      const lineEnd = lineStart + line.length;
      const inLine: NameMatch[] = [];
      while (next < names.length && (names[next] as NameMatch).start < lineEnd) {
        inLine.push(names[next] as NameMatch);
        next++;
      }
      if (line.trim() !== '') {
        paragraphs.push(segmentLine(text, lineStart, lineEnd, inLine, known, emphasis));
      }
      lineStart = lineEnd + 1;
    }
    const dataset = (await reader.datasets()).find((row) => row.id === found.dataset);
    const published = [
      sourceSite(found),
      found.published ? readableDate(found.published) : undefined,
    ].filter((part): part is string => Boolean(part));
    return {
      id,
      title: found.title,
      ...(published.length > 0 ? { published: published.join(' · ') } : {}),
      ...(dataset?.origin === 'saved'
        ? { saved: { datasetId: dataset.id, savedAt: dataset.addedAt } }
        : {}),
      paragraphs,
    };
  };

  const searchIndex = async (): Promise<SearchIndex> => {
    const version = await reader.version();
    if (index?.version !== version) {
      index = { version, built: buildIndex(reader) };
      index.built.catch(() => {
        index = null;
      });
    }
    return index.built;
  };

  return {
    entityRefs: refs,
    entity,
    event,
    source,
    async search(query) {
      const [built, named] = await Promise.all([searchIndex(), namedIn(requests, query)]);
      return built.search(query, 20, named);
    },
    async bestEntity(text) {
      const trimmed = bestEntityQuery(text);
      const [built, named] = await Promise.all([searchIndex(), namedIn(requests, trimmed)]);
      return bestEntityFor(built.search(trimmed, 5, named), trimmed);
    },
    library: async () => libraryEntries(await reader.datasets()),
  };
}

/** Ids of the entities a text names word for word (the page matcher, in the background), each once, in order. */
async function namedIn(requests: KnowledgeRequests, text: string): Promise<string[]> {
  if (text.trim().length < 2) return [];
  try {
    return [...new Set((await requests.findNames(text)).map((match) => match.entityId))];
  } catch {
    return []; // the background is busy starting: fuzzy results alone, this once
  }
}

function toRef(entity: { id: string; name: string; kind: string }): EntityRef {
  return { id: entity.id, name: entity.name, kind: entity.kind };
}

const span = (evidence: Evidence): SourceSpan => ({
  sourceId: evidence.source,
  start: evidence.start,
  end: evidence.end,
});

function eventSummary(event: KbEvent, name: (id: string) => string): EventSummary {
  return {
    id: event.id,
    title: event.title,
    when: event.when,
    where: event.where.map(name).join(', ') || undefined,
  };
}

function quoteItem(quote: Quote, speaker: EntityRef | null, sentence: string): QuoteItem {
  return {
    id: quote.id,
    text: quote.text,
    speaker,
    context: quote.context,
    sentence,
    span: span(quote.evidence),
  };
}

/** Everything searchable, as plain documents, from the knowledge in use. */
async function buildIndex(reader: KnowledgeReader): Promise<SearchIndex> {
  const [entities, quotes, events] = await Promise.all([
    reader.allEntities(),
    reader.allQuotes(),
    reader.allEvents(),
  ]);
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const corpus: SearchCorpus = {
    entities: entities.map((e) => ({
      ...toRef(e),
      aliases: [...new Set(e.aliases.map((alias) => alias.text))],
      description: e.description,
    })),
    quotes: quotes.map((quote) => {
      const speaker = byId.get(quote.speaker);
      return {
        id: quote.id,
        text: quote.text,
        speaker: speaker ? toRef(speaker) : null,
        span: span(quote.evidence),
      };
    }),
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      when: e.when,
      where: e.where.map(name).join(', ') || undefined,
      participants: e.participants.map(name),
    })),
  };
  return new SearchIndex(corpus);
}

/** One line of a source cut into plain runs, entity mentions and the emphasised span's runs. */
function segmentLine(
  text: string,
  start: number,
  end: number,
  mentions: readonly NameMatch[],
  entities: ReadonlyMap<string, EntityRef>,
  emphasis: { start: number; end: number } | undefined,
): SourceSegment[] {
  // Cut points: every mention boundary and the emphasis boundaries, so no run straddles either.
  const cuts = new Set<number>([start, end]);
  for (const mention of mentions) {
    cuts.add(Math.max(start, mention.start));
    cuts.add(Math.min(end, mention.end));
  }
  if (emphasis) {
    if (emphasis.start > start && emphasis.start < end) cuts.add(emphasis.start);
    if (emphasis.end > start && emphasis.end < end) cuts.add(emphasis.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: SourceSegment[] = [];
  let m = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    while (m < mentions.length && (mentions[m]?.end ?? 0) <= from) m++;
    const mention = mentions[m];
    const inMention = mention && mention.start <= from && to <= mention.end;
    const entity = inMention ? entities.get(mention.entityId) : undefined;
    const segment: SourceSegment = { text: text.slice(from, to) };
    if (entity) segment.entity = entity;
    if (emphasis && from >= emphasis.start && to <= emphasis.end) segment.emphasised = true;
    segments.push(segment);
  }
  return segments;
}
