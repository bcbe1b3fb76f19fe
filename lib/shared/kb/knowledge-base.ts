// The runtime index over one or more validated datasets: look-ups by entity id and the matcher's dictionary.
import { compileMatcher, type Matcher } from '../match/matcher';
import { type DictionaryItem, dictionaryItem } from './dictionary';
import type { Dataset, Entity, Event, Evidence, Fact, Quote, Relation, Source } from './schema';

/** Another entity linked to the one asked about, and what links them. */
export interface RelatedEntity {
  entity: Entity;
  /** Relations with the asked entity as subject or object. */
  relations: Relation[];
  /** Events both take part in (as place or participant). */
  events: Event[];
}

/** Where an entity's name occurs in a source text (the mention itself, not its sentence). */
export interface Mention {
  source: string;
  start: number;
  end: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushOnce<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/**
 * Built from datasets that passed parseDataset (and, for imports, the id-collision check).
 * Should two datasets still share an id, the first dataset's item wins and the later one is
 * ignored, so a look-up never mixes two different things.
 */
export class KnowledgeBase {
  readonly datasets: readonly Dataset[];
  private readonly entityById = new Map<string, Entity>();
  private readonly sourceById = new Map<string, Source>();
  private readonly eventById = new Map<string, Event>();
  private readonly factsByEntity = new Map<string, Fact[]>();
  private readonly quotesBySpeaker = new Map<string, Quote[]>();
  private readonly eventsByEntity = new Map<string, Event[]>();
  private readonly relationsByEntity = new Map<string, Relation[]>();
  private matcher: Matcher | null = null;
  private mentions: Map<string, Mention[]> | null = null;

  constructor(datasets: readonly Dataset[]) {
    this.datasets = datasets;
    const seen = {
      facts: new Set<string>(),
      quotes: new Set<string>(),
      relations: new Set<string>(),
    };
    for (const dataset of datasets) {
      for (const source of dataset.sources)
        if (!this.sourceById.has(source.id)) this.sourceById.set(source.id, source);
      for (const entity of dataset.entities)
        if (!this.entityById.has(entity.id)) this.entityById.set(entity.id, entity);
      for (const fact of dataset.facts) {
        if (seen.facts.has(fact.id)) continue;
        seen.facts.add(fact.id);
        push(this.factsByEntity, fact.entity, fact);
      }
      for (const quote of dataset.quotes) {
        if (seen.quotes.has(quote.id)) continue;
        seen.quotes.add(quote.id);
        push(this.quotesBySpeaker, quote.speaker, quote);
      }
      for (const event of dataset.events) {
        if (this.eventById.has(event.id)) continue;
        this.eventById.set(event.id, event);
        for (const id of [...event.where, ...event.participants])
          pushOnce(this.eventsByEntity, id, event);
      }
      for (const relation of dataset.relations) {
        if (seen.relations.has(relation.id)) continue;
        seen.relations.add(relation.id);
        pushOnce(this.relationsByEntity, relation.subject, relation);
        pushOnce(this.relationsByEntity, relation.object, relation);
      }
    }
  }

  entity(id: string): Entity | undefined {
    return this.entityById.get(id);
  }

  entities(): Entity[] {
    return [...this.entityById.values()];
  }

  source(id: string): Source | undefined {
    return this.sourceById.get(id);
  }

  sources(): Source[] {
    return [...this.sourceById.values()];
  }

  event(id: string): Event | undefined {
    return this.eventById.get(id);
  }

  allEvents(): Event[] {
    return [...this.eventById.values()];
  }

  /** Facts about the entity, in dataset order. */
  facts(id: string): Fact[] {
    return this.factsByEntity.get(id) ?? [];
  }

  /** Quotes the entity is the speaker of, in dataset order. */
  quotes(id: string): Quote[] {
    return this.quotesBySpeaker.get(id) ?? [];
  }

  /** Events the entity is a place or participant of, in dataset order. */
  events(id: string): Event[] {
    return this.eventsByEntity.get(id) ?? [];
  }

  /** Relations the entity is the subject or object of. */
  relations(id: string): Relation[] {
    return this.relationsByEntity.get(id) ?? [];
  }

  /** Entities linked to `id` by a relation or a shared event; relations first, then by shared events. */
  related(id: string): RelatedEntity[] {
    const byId = new Map<string, RelatedEntity>();
    const entry = (otherId: string): RelatedEntity | undefined => {
      if (otherId === id) return undefined;
      const entity = this.entityById.get(otherId);
      if (!entity) return undefined;
      let related = byId.get(otherId);
      if (!related) {
        related = { entity, relations: [], events: [] };
        byId.set(otherId, related);
      }
      return related;
    };
    for (const relation of this.relations(id)) {
      entry(relation.subject === id ? relation.object : relation.subject)?.relations.push(relation);
    }
    for (const event of this.events(id)) {
      for (const otherId of new Set([...event.where, ...event.participants])) {
        entry(otherId)?.events.push(event);
      }
    }
    return [...byId.values()].sort(
      (a, b) =>
        Number(b.relations.length > 0) - Number(a.relations.length > 0) ||
        b.events.length - a.events.length,
    );
  }

  /** The sentence an evidence span points at ('' if its source is unknown). */
  sentence(evidence: Evidence): string {
    const source = this.sourceById.get(evidence.source);
    return source ? source.text.slice(evidence.start, evidence.end) : '';
  }

  /** Every entity with every way of writing it (canonical name first) and its exclusions, in dataset order, for the matcher. */
  dictionary(): DictionaryItem[] {
    return this.entities().map(dictionaryItem);
  }

  /** Where any of the entity's names occurs in the sources, in source and text order. */
  mentionsInSource(id: string): Mention[] {
    if (!this.mentions) this.mentions = this.findMentions();
    return this.mentions.get(id) ?? [];
  }

  private findMentions(): Map<string, Mention[]> {
    const dictionary = this.dictionary();
    this.matcher ??= compileMatcher(dictionary);
    const mentions = new Map<string, Mention[]>();
    for (const source of this.sourceById.values()) {
      for (const match of this.matcher.find(source.text)) {
        const item = dictionary[match.entity];
        if (item)
          push(mentions, item.entityId, { source: source.id, start: match.start, end: match.end });
      }
    }
    return mentions;
  }
}
