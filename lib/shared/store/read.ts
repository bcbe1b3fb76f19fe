// Reads of the knowledge store: each answers one question through an index, over the datasets in use only.
//
// "In use": enabled by the reader and not damaged. Items of other datasets stay stored but are never returned, so
// switching a dataset off takes its names off pages and out of cards, views and search at once. Where several
// datasets answer, results come in dataset order (the bundled one first, then by when each was added) and, within
// a dataset, in the file's order: the order the reader would read them in.
import type { Dataset, Entity, Evidence } from '../kb/schema';
import type { KnowledgeDb } from './db';
import {
  type DatasetRow,
  type DatasetRows,
  type EntityRow,
  type EventRow,
  entityOfRow,
  type FactRow,
  fromRows,
  type QuoteRow,
  type RelationRow,
  type SourceRow,
} from './rows';

/** Another entity linked to the one asked about, and what links them. */
export interface RelatedRows {
  entity: EntityRow;
  /** Relations with the asked entity as subject or object. */
  relations: RelationRow[];
  /** Events both take part in (as place or participant). */
  events: EventRow[];
}

/** Whether pages and views use a dataset. */
export function isInUse(dataset: Pick<DatasetRow, 'enabled' | 'damaged'>): boolean {
  return dataset.enabled && !dataset.damaged;
}

/** The bundled dataset first, then the others by when they were added. */
export function datasetOrder(a: DatasetRow, b: DatasetRow): number {
  const rank = (row: DatasetRow) => (row.origin === 'bundled' ? 0 : 1);
  return rank(a) - rank(b) || a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id);
}

export class KnowledgeReader {
  constructor(private readonly db: KnowledgeDb) {}

  /** Every dataset, in use or not, in dataset order. */
  async datasets(): Promise<DatasetRow[]> {
    return (await this.db.datasets.toArray()).sort(datasetOrder);
  }

  /** Rank of each dataset in use (its place in dataset order). */
  private async ranks(): Promise<Map<string, number>> {
    const rows = (await this.datasets()).filter(isInUse);
    return new Map(rows.map((row, rank) => [row.id, rank]));
  }

  /** Rows of datasets in use, in dataset order then file order. */
  private async inUse<T extends { dataset: string; order: number }>(rows: T[]): Promise<T[]> {
    const ranks = await this.ranks();
    return rows
      .filter((row) => ranks.has(row.dataset))
      .sort(
        (a, b) =>
          (ranks.get(a.dataset) as number) - (ranks.get(b.dataset) as number) || a.order - b.order,
      );
  }

  async entity(id: string): Promise<EntityRow | undefined> {
    const row = await this.db.entities.get(id);
    return row ? (await this.inUse([row]))[0] : undefined;
  }

  /** The entities of `ids` that are in use, by id. */
  async entities(ids: readonly string[]): Promise<Map<string, EntityRow>> {
    const rows = (await this.db.entities.bulkGet([...new Set(ids)])).filter(
      (row): row is EntityRow => row !== undefined,
    );
    return new Map((await this.inUse(rows)).map((row) => [row.id, row]));
  }

  /** Every entity in use, in dataset order (the dictionary's order). */
  async allEntities(): Promise<EntityRow[]> {
    const ranks = await this.ranks();
    const rows = await this.db.entities
      .where('dataset')
      .anyOf([...ranks.keys()])
      .toArray();
    return this.inUse(rows);
  }

  /** Entities in use one of whose names or aliases folds to `key` (lib/shared/store/fold-key.ts). */
  async entitiesNamed(key: string): Promise<EntityRow[]> {
    return this.inUse(await this.db.entities.where('names').equals(key).toArray());
  }

  /** Facts about the entity. */
  async facts(entityId: string): Promise<FactRow[]> {
    return this.inUse(await this.db.facts.where('entity').equals(entityId).toArray());
  }

  /** Quotes the entity is the speaker of. */
  async quotes(speakerId: string): Promise<QuoteRow[]> {
    return this.inUse(await this.db.quotes.where('speaker').equals(speakerId).toArray());
  }

  /** Every quote in use (for search). */
  async allQuotes(): Promise<QuoteRow[]> {
    const ranks = await this.ranks();
    return this.inUse(
      await this.db.quotes
        .where('dataset')
        .anyOf([...ranks.keys()])
        .toArray(),
    );
  }

  /** Events the entity is a place or participant of, each once. */
  async events(entityId: string): Promise<EventRow[]> {
    const [where, participants] = await Promise.all([
      this.db.events.where('where').equals(entityId).toArray(),
      this.db.events.where('participants').equals(entityId).toArray(),
    ]);
    const byId = new Map([...where, ...participants].map((row) => [row.id, row]));
    return this.inUse([...byId.values()]);
  }

  /** Events with evidence in the source. */
  async eventsOfSource(sourceId: string): Promise<EventRow[]> {
    return this.inUse(await this.db.events.where('sources').equals(sourceId).toArray());
  }

  /** Every event in use (for search). */
  async allEvents(): Promise<EventRow[]> {
    const ranks = await this.ranks();
    return this.inUse(
      await this.db.events
        .where('dataset')
        .anyOf([...ranks.keys()])
        .toArray(),
    );
  }

  async event(id: string): Promise<EventRow | undefined> {
    const row = await this.db.events.get(id);
    return row ? (await this.inUse([row]))[0] : undefined;
  }

  /** Relations the entity is the subject or object of, each once. */
  async relations(entityId: string): Promise<RelationRow[]> {
    const [subject, object] = await Promise.all([
      this.db.relations.where('subject').equals(entityId).toArray(),
      this.db.relations.where('object').equals(entityId).toArray(),
    ]);
    const byId = new Map([...subject, ...object].map((row) => [row.id, row]));
    return this.inUse([...byId.values()]);
  }

  /**
   * For each of `ids`, the entities in use a relation or a shared event links it to (what the background's
   * dictionary needs for names several entities share): four indexed reads for all of them.
   */
  async linkedIds(ids: readonly string[]): Promise<Map<string, string[]>> {
    const linked = new Map<string, Set<string>>();
    if (ids.length === 0) return new Map();
    const wanted = new Set(ids);
    const link = (id: string, other: string) => {
      if (!wanted.has(id) || id === other) return;
      const set = linked.get(id) ?? new Set<string>();
      set.add(other);
      linked.set(id, set);
    };
    const [subjects, objects, places, participants] = await Promise.all([
      this.db.relations.where('subject').anyOf(ids).toArray(),
      this.db.relations.where('object').anyOf(ids).toArray(),
      this.db.events.where('where').anyOf(ids).toArray(),
      this.db.events.where('participants').anyOf(ids).toArray(),
    ]);
    for (const relation of await this.inUse([...subjects, ...objects])) {
      link(relation.subject, relation.object);
      link(relation.object, relation.subject);
    }
    for (const event of await this.inUse([...places, ...participants])) {
      const members = [...event.where, ...event.participants];
      for (const id of members) for (const other of members) link(id, other);
    }
    return new Map([...linked].map(([id, set]) => [id, [...set]]));
  }

  /** Entities linked to `id` by a relation or a shared event: relations first, then by shared events. */
  async related(id: string): Promise<RelatedRows[]> {
    const [relations, events] = await Promise.all([this.relations(id), this.events(id)]);
    const otherIds = new Set<string>();
    for (const relation of relations)
      otherIds.add(relation.subject === id ? relation.object : relation.subject);
    for (const event of events)
      for (const other of [...event.where, ...event.participants]) otherIds.add(other);
    otherIds.delete(id);
    const entities = await this.entities([...otherIds]);
    const byId = new Map<string, RelatedRows>();
    const entry = (otherId: string): RelatedRows | undefined => {
      const entity = entities.get(otherId);
      if (!entity || otherId === id) return undefined;
      let related = byId.get(otherId);
      if (!related) {
        related = { entity, relations: [], events: [] };
        byId.set(otherId, related);
      }
      return related;
    };
    for (const relation of relations) {
      entry(relation.subject === id ? relation.object : relation.subject)?.relations.push(relation);
    }
    for (const event of events) {
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

  async source(id: string): Promise<SourceRow | undefined> {
    const row = await this.db.sources.get(id);
    return row ? (await this.inUse([row]))[0] : undefined;
  }

  /** The first source of the first dataset in use: what the panel's "Article" button opens. */
  async firstSource(): Promise<SourceRow | undefined> {
    const [first] = (await this.datasets()).filter(isInUse);
    if (!first) return undefined;
    const rows = await this.db.sources.where('dataset').equals(first.id).sortBy('order');
    return rows[0];
  }

  /**
   * The sentences evidence spans point at, in the order given ('' where the source is not in use). Reads each
   * source once, however many spans point into it.
   */
  async sentences(spans: readonly Evidence[]): Promise<string[]> {
    const ids = [...new Set(spans.map((span) => span.source))];
    const rows = await this.inUse(
      (await this.db.sources.bulkGet(ids)).filter((row): row is SourceRow => row !== undefined),
    );
    const texts = new Map(rows.map((row) => [row.id, row.text]));
    return spans.map((span) => texts.get(span.source)?.slice(span.start, span.end) ?? '');
  }

  /** Each source's place among the sources in use: dataset order, then the file's order. */
  async sourceOrder(ids: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.inUse(
      (await this.db.sources.bulkGet([...new Set(ids)])).filter(
        (row): row is SourceRow => row !== undefined,
      ),
    );
    return new Map(rows.map((row, place) => [row.id, place]));
  }

  /** Every row of one dataset, in use or not (for export). */
  async datasetRows(id: string): Promise<DatasetRows | undefined> {
    const { db } = this;
    const dataset = await db.datasets.get(id);
    if (!dataset) return undefined;
    const [sources, entities, facts, quotes, events, relations] = await Promise.all([
      db.sources.where('dataset').equals(id).toArray(),
      db.entities.where('dataset').equals(id).toArray(),
      db.facts.where('dataset').equals(id).toArray(),
      db.quotes.where('dataset').equals(id).toArray(),
      db.events.where('dataset').equals(id).toArray(),
      db.relations.where('dataset').equals(id).toArray(),
    ]);
    return { dataset, sources, entities, facts, quotes, events, relations };
  }

  /**
   * A stored dataset as its file: its items in their file order, plus copies of the entities of other datasets its
   * items refer to (a saved article names entities it does not own; schema 1 resolves references inside one file).
   * Undefined if it is gone or has no items (a damaged one).
   */
  async datasetFile(id: string): Promise<Dataset | undefined> {
    const rows = await this.datasetRows(id);
    if (!rows || rows.dataset.damaged) return undefined;
    const file = fromRows(rows);
    const own = new Set(file.entities.map((entity) => entity.id));
    const referred = new Set<string>();
    for (const fact of file.facts) referred.add(fact.entity);
    for (const quote of file.quotes) referred.add(quote.speaker);
    for (const event of file.events)
      for (const e of [...event.where, ...event.participants]) referred.add(e);
    for (const relation of file.relations) referred.add(relation.subject).add(relation.object);
    for (const mention of await this.db.mentions.where('dataset').equals(id).toArray())
      referred.add(mention.entity);
    const foreign = [...referred].filter((entityId) => !own.has(entityId));
    const copies = (await this.db.entities.bulkGet(foreign)).filter(
      (row): row is EntityRow => row !== undefined,
    );
    // A copy's role keeps its words but not its evidence, which lies in the other dataset's source.
    const copy = (row: EntityRow): Entity => {
      const { descriptionEvidence: _, ...entity } = entityOfRow(row);
      return entity;
    };
    return { ...file, entities: [...file.entities, ...copies.map(copy)] };
  }

  /** How many saved sources name the entity (the card's "in N of your articles"). */
  async sourcesNaming(entityId: string): Promise<number> {
    return this.db.mentions.where('entity').equals(entityId).count();
  }

  /** The store's knowledge version (changes with every write that changes what is in use). */
  async version(): Promise<number> {
    const row = await this.db.meta.get(VERSION_KEY);
    return typeof row?.value === 'number' ? row.value : 0;
  }
}

export const VERSION_KEY = 'version';
