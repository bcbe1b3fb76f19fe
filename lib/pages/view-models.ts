// Builds the panel's plain models (entity, event, source, search documents) from the knowledge base.
import type { KnowledgeBase } from '../shared/kb/knowledge-base';
import type { Evidence, KbEvent, Quote, Relation } from '../shared/kb/schema';
import { compileMatcher, type Matcher } from '../shared/match/matcher';
import type { PanelKnowledge } from './knowledge';
import type {
  EntityDetail,
  EntityRef,
  EventDetail,
  EventSummary,
  FigureItem,
  RelatedEntity,
  SourceDocument,
  SourceSegment,
  SourceSpan,
} from './models';
import { type SearchCorpus, SearchIndex } from './search';

export interface BuiltKnowledge extends PanelKnowledge {
  /** The first source of the first (bundled) dataset: what the "Article" button opens. */
  defaultSourceId?: string;
  corpus: SearchCorpus;
}

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

/** Turns the knowledge base into what the panel shows. Built once per set of datasets. */
export function buildPanelKnowledge(kb: KnowledgeBase): BuiltKnowledge {
  // The same dictionary (canonical name first) the content script matches pages with.
  const dictionary = kb.dictionary();
  let matcher: Matcher | undefined;

  const ref = (id: string): EntityRef | undefined => {
    const entity = kb.entity(id);
    return entity ? { id: entity.id, name: entity.name, kind: entity.kind } : undefined;
  };
  const name = (id: string) => kb.entity(id)?.name ?? id;
  const span = (evidence: Evidence): SourceSpan => ({
    sourceId: evidence.source,
    start: evidence.start,
    end: evidence.end,
  });
  const sourceOrder = new Map(kb.sources().map((source, index) => [source.id, index]));
  /** Article order: by source, then by where the evidence sentence starts. */
  const byOrder = (a: SourceSpan, b: SourceSpan) =>
    (sourceOrder.get(a.sourceId) ?? 0) - (sourceOrder.get(b.sourceId) ?? 0) || a.start - b.start;

  const eventSummary = (event: KbEvent): EventSummary => ({
    id: event.id,
    title: event.title,
    when: event.when,
    where: event.where.map(name).join(', ') || undefined,
  });
  const quoteItem = (quote: Quote) => ({
    id: quote.id,
    text: quote.text,
    speaker: ref(quote.speaker) ?? null,
    context: quote.context,
    sentence: kb.sentence(quote.evidence),
    span: span(quote.evidence),
  });

  const entity = (id: string): EntityDetail | undefined => {
    const found = kb.entity(id);
    if (!found) return undefined;
    const facts = kb
      .facts(id)
      .map((fact) => ({
        id: fact.id,
        text: fact.text,
        sentence: kb.sentence(fact.evidence),
        span: span(fact.evidence),
      }))
      .sort((a, b) => byOrder(a.span, b.span));
    const quotes = kb
      .quotes(id)
      .map(quoteItem)
      .sort((a, b) => byOrder(a.span, b.span));
    const events = kb
      .events(id)
      .map((event) => ({ summary: eventSummary(event), at: span(event.evidence[0] as Evidence) }))
      .sort((a, b) => byOrder(a.at, b.at))
      .map(({ summary }) => summary);
    const related: RelatedEntity[] = kb.related(id).map((other) => {
      const relation = other.relations[0];
      const event = other.events[0];
      return {
        id: other.entity.id,
        name: other.entity.name,
        kind: other.entity.kind,
        relation: relation
          ? relationPhrase(relation, name)
          : event
            ? `also in: ${event.title}`
            : undefined,
      };
    });
    return {
      id: found.id,
      name: found.name,
      kind: found.kind,
      description: found.description,
      aliases: [...new Set(found.aliases.map((alias) => alias.text))],
      facts,
      quotes,
      events,
      related,
    };
  };

  const event = (id: string): EventDetail | undefined => {
    const found = kb.event(id);
    if (!found) return undefined;
    const participants: EntityRef[] = [];
    for (const other of new Set([...found.participants, ...found.where])) {
      const otherRef = ref(other);
      if (otherRef) participants.push(otherRef);
    }
    return {
      ...eventSummary(found),
      participants,
      figures: found.figures.map(figureItem),
      sentences: found.evidence.map((evidence) => ({
        text: kb.sentence(evidence),
        span: span(evidence),
      })),
    };
  };

  const source = (
    id: string,
    emphasis?: { start: number; end: number },
  ): SourceDocument | undefined => {
    const found = kb.source(id);
    if (!found) return undefined;
    matcher ??= compileMatcher(dictionary);
    const text = found.text;
    const paragraphs: SourceSegment[][] = [];
    let lineStart = 0;
    for (const line of text.split('\n')) {
      const lineEnd = lineStart + line.length;
      if (line.trim() !== '') {
        paragraphs.push(segmentLine(text, lineStart, lineEnd, matcher, dictionary, emphasis));
      }
      lineStart = lineEnd + 1;
    }
    return { id, title: found.title, paragraphs };
  };

  const quoteIds = new Set<string>();
  const allQuotes = kb.datasets
    .flatMap((dataset) => dataset.quotes)
    .filter((quote) => !quoteIds.has(quote.id) && quoteIds.add(quote.id));
  const corpus: SearchCorpus = {
    entities: kb.entities().map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      aliases: [...new Set(e.aliases.map((alias) => alias.text))],
      description: e.description,
    })),
    quotes: allQuotes.map((quote) => ({
      id: quote.id,
      text: quote.text,
      speaker: ref(quote.speaker) ?? null,
      span: span(quote.evidence),
    })),
    events: kb.allEvents().map((e) => ({
      id: e.id,
      title: e.title,
      when: e.when,
      where: e.where.map(name).join(', ') || undefined,
      participants: e.participants.map(name),
    })),
  };

  return {
    entityRef: ref,
    entity,
    event,
    source,
    search: new SearchIndex(corpus, {
      namedIn: (text) => {
        matcher ??= compileMatcher(dictionary);
        return matcher.find(text).flatMap((match) => dictionary[match.entity]?.entityId ?? []);
      },
    }),
    corpus,
    defaultSourceId: kb.sources()[0]?.id,
  };
}

/** One line of a source cut into plain runs, entity mentions and the emphasised span's runs. */
function segmentLine(
  text: string,
  start: number,
  end: number,
  matcher: Matcher,
  entities: readonly { entityId: string; name: string; kind: string }[],
  emphasis: { start: number; end: number } | undefined,
): SourceSegment[] {
  // Cut points: every mention boundary and the emphasis boundaries, so no run straddles either.
  const mentions = matcher.find(text, start, end);
  const cuts = new Set<number>([start, end]);
  for (const mention of mentions) {
    cuts.add(mention.start);
    cuts.add(mention.end);
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
    const entity = inMention ? entities[mention.entity] : undefined;
    const segment: SourceSegment = { text: text.slice(from, to) };
    if (entity) segment.entity = { id: entity.entityId, name: entity.name, kind: entity.kind };
    if (emphasis && from >= emphasis.start && to <= emphasis.end) segment.emphasised = true;
    segments.push(segment);
  }
  return segments;
}
