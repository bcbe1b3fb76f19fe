// Reads of the knowledge store: each answers one question through an index, over the datasets in use only.
//
// "In use": enabled by the reader and not damaged. Items of other datasets stay stored but are never returned, so
// switching a dataset off takes its names off pages and out of cards, views and search at once. Where several
// datasets answer, results come in dataset order (the bundled one first, then by when each was added) and, within
// a dataset, in the file's order: the order the reader would read them in.
import type { Table } from 'dexie';
import type { Named } from '../kb/same-entity';
import type { Dataset, Entity, Evidence, Source } from '../kb/schema';
import type { KnowledgeDb } from './db';
import {
  type ArticleSummary,
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
import { type SameSuggestion, sameSuggestions } from './same-suggestions';

/** Another entity linked to the one asked about, and what links them. */
export interface RelatedRows {
  entity: EntityRow;
  /** Relations with the asked entity as subject or object. */
  relations: RelationRow[];
  /** Events both take part in (as place or participant). */
  events: EventRow[];
}

/**
 * Rows whose `index` has any of `keys`: one indexed read (getAll) per key, all in one read transaction. Dexie's
 * `anyOf()` walks a cursor instead, a step per row: for a family of 106 merged entities (300 saved articles) the 619
 * facts took 2.2 s that way in fake-indexeddb against 6 ms read key by key (bench/card/), and a browser pays a round
 * trip per cursor step. A multi-entry index may give a row once per key it matches.
 */
async function rowsWithAny<T, Key, Insert>(
  db: KnowledgeDb,
  table: Table<T, Key, Insert>,
  index: string,
  keys: readonly string[],
): Promise<T[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 1)
    return table
      .where(index)
      .equals(unique[0] as string)
      .toArray();
  const lists = await db.transaction('r', table, () =>
    Promise.all(unique.map((key) => table.where(index).equals(key).toArray())),
  );
  return lists.flat();
}

/**
 * Above this many keys a table that stays small (relations, events, quotes: a few rows per article) is read whole, one
 * request, rather than once per key and field: a family merged across hundreds of articles, or the names a library
 * shares, made the card and the dictionary build wait for thousands of requests.
 */
const WHOLE_TABLE_KEYS = 32;

/** Rows of a small table whose `fields` (plain or multi-entry) hold any of `keys`, each once (by primary key). */
async function rowsNaming<T extends { id: string }, Key, Insert>(
  db: KnowledgeDb,
  table: Table<T, Key, Insert>,
  fields: readonly (keyof T & string)[],
  keys: readonly string[],
): Promise<T[]> {
  const wanted = new Set(keys);
  if (wanted.size > WHOLE_TABLE_KEYS) {
    const names = (value: unknown) =>
      Array.isArray(value) ? value.some((key) => wanted.has(key)) : wanted.has(value as string);
    return (await table.toArray()).filter((row) => fields.some((field) => names(row[field])));
  }
  const lists = await Promise.all(
    fields.map((field) => rowsWithAny(db, table, field, [...wanted])),
  );
  return [...new Map(lists.flat().map((row) => [row.id, row])).values()];
}

/** A source as lists and cards name it, without its text. */
export type SourceSummary = Pick<Source, 'id' | 'title' | 'publisher' | 'published' | 'url'>;

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

  /**
   * What most reads start from, read once per knowledge version: the rank of each dataset in use and the merges in
   * force. With a library of 1,000 saved articles the merges alone are thousands of rows; a card, a view or a search
   * then pays one small read (the version) instead.
   */
  private cached:
    | {
        version: number;
        ranks: Promise<Map<string, number>>;
        /** The one source of each one-source dataset in use (every saved article), without its text, by id. */
        articles: Promise<Map<string, ArticleSummary>>;
        merges?: Promise<Map<string, string>>;
      }
    | undefined;

  private async current() {
    const version = await this.version();
    if (this.cached?.version !== version) {
      const inUse = this.datasets().then((rows) => rows.filter(isInUse));
      const ranks = inUse.then((rows) => new Map(rows.map((row, rank) => [row.id, rank])));
      const articles = inUse.then(
        (rows) =>
          new Map(
            rows.flatMap((row) => (row.article ? [[row.article.sourceId, row.article]] : [])),
          ),
      );
      // Rejects with `ranks`, which callers await first.
      articles.catch(() => undefined);
      this.cached = { version, ranks, articles };
      // A failed read is not kept: the next call reads again.
      ranks.catch(() => {
        if (this.cached?.ranks === ranks) this.cached = undefined;
      });
    }
    return this.cached;
  }

  /** Rank of each dataset in use (its place in dataset order). */
  private async ranks(): Promise<Map<string, number>> {
    return (await this.current()).ranks;
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

  /**
   * Merges in force: `from` → `into`, for pairs whose both entities are in use (a merge into an entity whose dataset
   * is switched off lapses while it is off: the merged entity stands alone again).
   */
  private async mergeMap(): Promise<Map<string, string>> {
    const cached = await this.current();
    if (!cached.merges) {
      const merges = this.readMerges(cached.ranks);
      cached.merges = merges;
      merges.catch(() => {
        if (cached.merges === merges) cached.merges = undefined;
      });
    }
    return cached.merges;
  }

  private async readMerges(ranking: Promise<Map<string, number>>): Promise<Map<string, string>> {
    const [merges, ranks, datasets] = await Promise.all([
      this.db.merges.toArray(),
      ranking,
      this.db.datasets.toCollection().primaryKeys(),
    ]);
    if (merges.length === 0) return new Map();
    // Keys only: reading the thousands of merged entities' rows to learn whether each is stored and in use cost the
    // popup and the side panel most of their opening time with a library of 1,000 articles.
    const off = datasets.filter((id) => !ranks.has(id));
    const [stored, outOfUse] = await Promise.all([
      this.db.entities.toCollection().primaryKeys(),
      off.length > 0 ? this.db.entities.where('dataset').anyOf(off).primaryKeys() : [],
    ]);
    const existing = new Set(stored);
    const unusable = new Set(outOfUse);
    const usable = (id: string) => existing.has(id) && !unusable.has(id);
    return new Map(
      merges.filter((m) => usable(m.from) && usable(m.into)).map((m) => [m.from, m.into]),
    );
  }

  /** The entity `id` is shown as (itself, unless merged into another). */
  async resolve(id: string): Promise<string> {
    return (await this.mergeMap()).get(id) ?? id;
  }

  /** The entity and every entity merged into it: whose facts, quotes, events and names it shows. */
  async family(id: string): Promise<string[]> {
    const merges = await this.mergeMap();
    const head = merges.get(id) ?? id;
    return [head, ...[...merges].flatMap(([from, into]) => (into === head ? [from] : []))];
  }

  /** Entities merged into `id`, with who decided (for the view's "also" line and its undo). */
  async mergedInto(id: string): Promise<{ entity: EntityRow; how: 'reader' | 'certain' }[]> {
    const family = await this.family(id);
    const [rows, merges] = await Promise.all([
      this.db.entities.bulkGet(family.slice(1)),
      this.db.merges.bulkGet(family.slice(1)),
    ]);
    return rows.flatMap((row, i) =>
      row ? [{ entity: row, how: merges[i]?.how ?? 'reader' }] : [],
    );
  }

  async entity(id: string): Promise<EntityRow | undefined> {
    const row = await this.db.entities.get(await this.resolve(id));
    return row ? (await this.inUse([row]))[0] : undefined;
  }

  /** The entities of `ids` that are in use, by the id asked for (a merged one answers as the entity it shows as). */
  async entities(ids: readonly string[]): Promise<Map<string, EntityRow>> {
    const merges = await this.mergeMap();
    const asked = [...new Set(ids)];
    const heads = asked.map((id) => merges.get(id) ?? id);
    const rows = (await this.db.entities.bulkGet([...new Set(heads)])).filter(
      (row): row is EntityRow => row !== undefined,
    );
    const found = new Map((await this.inUse(rows)).map((row) => [row.id, row]));
    return new Map(
      asked.flatMap((id, i) => {
        const row = found.get(heads[i] as string);
        return row ? [[id, row] as const] : [];
      }),
    );
  }

  /** Every entity in use, in dataset order (the dictionary's order); entities merged into another are left out. */
  async allEntities(): Promise<EntityRow[]> {
    const merges = await this.mergeMap();
    return (await this.inUseEntities()).filter((row) => !merges.has(row.id));
  }

  /** Every entity of the datasets in use, merged or not, in dataset then file order. */
  private async inUseEntities(): Promise<EntityRow[]> {
    // One read of the whole table (getAll), not a cursor over the datasets in use (one request per row: a second
    // or more for a library's 20,000 entities); the few of datasets switched off are dropped here.
    return this.inUse(await this.db.entities.toArray());
  }

  /** The id of every stored entity, in use or not: a new entity must take none of them. */
  async entityIds(): Promise<string[]> {
    return this.db.entities.toCollection().primaryKeys();
  }

  /**
   * Every entity in use as the dictionary needs it: an entity with the names and aliases of those merged into it
   * (their case rules kept), so a page marks each of those names as the one entity.
   */
  async dictionaryEntities(): Promise<EntityRow[]> {
    const [rows, merges] = await Promise.all([this.inUseEntities(), this.mergeMap()]);
    const heads = rows.filter((row) => !merges.has(row.id));
    if (merges.size === 0) return heads;
    // The members come from the same read: a merge in force joins two entities in use.
    const extra = new Map<string, EntityRow[]>();
    for (const member of rows) {
      const into = merges.get(member.id);
      if (into === undefined) continue;
      const list = extra.get(into);
      if (list) list.push(member);
      else extra.set(into, [member]);
    }
    return heads.map((head) => {
      const more = extra.get(head.id);
      if (!more) return head;
      const aliases = [...head.aliases];
      for (const member of more) {
        const listed = member.aliases.some((alias) => alias.text === member.name);
        if (!listed)
          aliases.push({ text: member.name, caseSensitive: /^\p{Lu}{1,5}$/u.test(member.name) });
        aliases.push(...member.aliases);
      }
      const excludes = [
        ...(head.excludes ?? []),
        ...more.flatMap((member) => member.excludes ?? []),
      ];
      return { ...head, aliases, ...(excludes.length > 0 ? { excludes } : {}) };
    });
  }

  /** Entities in use one of whose names or aliases folds to `key` (lib/shared/store/fold-key.ts), as they show. */
  async entitiesNamed(key: string): Promise<EntityRow[]> {
    const rows = await this.inUse(await this.db.entities.where('names').equals(key).toArray());
    const shown = await this.entities(rows.map((row) => row.id));
    return [...new Map([...shown.values()].map((row) => [row.id, row])).values()];
  }

  /** Facts about the entity (and the entities merged into it). */
  async facts(entityId: string): Promise<FactRow[]> {
    const family = await this.family(entityId);
    return this.inUse(await rowsWithAny(this.db, this.db.facts, 'entity', family));
  }

  /** Quotes the entity (or one merged into it) is the speaker of. */
  async quotes(speakerId: string): Promise<QuoteRow[]> {
    const family = await this.family(speakerId);
    return this.inUse(await rowsNaming(this.db, this.db.quotes, ['speaker'], family));
  }

  /** Every quote in use (for search). */
  async allQuotes(): Promise<QuoteRow[]> {
    // One getAll: a cursor over the datasets in use is a request per row (see inUseEntities).
    return this.inUse(await this.db.quotes.toArray());
  }

  /** Events the entity (or one merged into it) is a place or participant of, each once. */
  async events(entityId: string): Promise<EventRow[]> {
    const family = await this.family(entityId);
    return this.inUse(await rowsNaming(this.db, this.db.events, ['where', 'participants'], family));
  }

  /** Events with evidence in the source. */
  async eventsOfSource(sourceId: string): Promise<EventRow[]> {
    return this.inUse(await this.db.events.where('sources').equals(sourceId).toArray());
  }

  /** Every event in use (for search). */
  async allEvents(): Promise<EventRow[]> {
    return this.inUse(await this.db.events.toArray());
  }

  async event(id: string): Promise<EventRow | undefined> {
    const row = await this.db.events.get(id);
    return row ? (await this.inUse([row]))[0] : undefined;
  }

  /** Relations the entity (or one merged into it) is the subject or object of, each once. */
  async relations(entityId: string): Promise<RelationRow[]> {
    const family = await this.family(entityId);
    return this.inUse(await rowsNaming(this.db, this.db.relations, ['subject', 'object'], family));
  }

  /**
   * For each of `ids`, the entities in use a relation or a shared event links it to (what the background's
   * dictionary needs for names several entities share): the relations and events naming any of them, read together.
   */
  async linkedIds(ids: readonly string[]): Promise<Map<string, string[]>> {
    const linked = new Map<string, Set<string>>();
    if (ids.length === 0) return new Map();
    const wanted = new Set(ids);
    // An entity merged into another links as that one, both ways: its head is what the dictionary has.
    const merges = await this.mergeMap();
    const merged = [...merges].flatMap(([from, into]) => (wanted.has(into) ? [from] : []));
    const asked = [...ids, ...merged];
    const link = (from: string, to: string) => {
      const id = merges.get(from) ?? from;
      const other = merges.get(to) ?? to;
      if (!wanted.has(id) || id === other) return;
      const set = linked.get(id) ?? new Set<string>();
      set.add(other);
      linked.set(id, set);
    };
    const [relations, events] = await Promise.all([
      rowsNaming(this.db, this.db.relations, ['subject', 'object'], asked),
      rowsNaming(this.db, this.db.events, ['where', 'participants'], asked),
    ]);
    for (const relation of await this.inUse(relations)) {
      link(relation.subject, relation.object);
      link(relation.object, relation.subject);
    }
    for (const event of await this.inUse(events)) {
      const members = [...event.where, ...event.participants];
      for (const id of members) for (const other of members) link(id, other);
    }
    return new Map([...linked].map(([id, set]) => [id, [...set]]));
  }

  /**
   * Entities linked to `id` by a relation or a shared event: relations first, then by shared events. `events`: the
   * entity's events (`events(id)`) when the caller reads them anyway.
   */
  async related(
    id: string,
    events: Promise<EventRow[]> | EventRow[] = this.events(id),
  ): Promise<RelatedRows[]> {
    const family = new Set(await this.family(id));
    const relations = await this.relations(id);
    const otherOf = (relation: RelationRow) =>
      family.has(relation.subject) ? relation.object : relation.subject;
    const otherIds = new Set<string>();
    for (const relation of relations) otherIds.add(otherOf(relation));
    const shared = await events;
    for (const event of shared)
      for (const other of [...event.where, ...event.participants]) otherIds.add(other);
    for (const member of family) otherIds.delete(member);
    // Others are named as they show: one merged into another counts as that other.
    const entities = await this.entities([...otherIds]);
    const byId = new Map<string, RelatedRows>();
    const entry = (otherId: string): RelatedRows | undefined => {
      const entity = entities.get(otherId);
      if (!entity || family.has(entity.id)) return undefined;
      let related = byId.get(entity.id);
      if (!related) {
        related = { entity, relations: [], events: [] };
        byId.set(entity.id, related);
      }
      return related;
    };
    for (const relation of relations) entry(otherOf(relation))?.relations.push(relation);
    for (const event of shared) {
      const shown = new Set<RelatedRows>();
      for (const otherId of [...event.where, ...event.participants]) {
        const related = entry(otherId);
        if (related && !shown.has(related)) {
          shown.add(related);
          related.events.push(event);
        }
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

  /** The sources of `ids` that are in use, by id; each read once. */
  async sources(ids: readonly string[]): Promise<Map<string, SourceRow>> {
    const rows = await this.inUse(
      (await this.db.sources.bulkGet([...new Set(ids)])).filter(
        (row): row is SourceRow => row !== undefined,
      ),
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * The sources of `ids` that are in use, as a list names them (title, publisher, date, address) without their text:
   * a saved article's from its dataset's row (read once per knowledge version), another's from its source row.
   */
  async sourceSummaries(ids: readonly string[]): Promise<Map<string, SourceSummary>> {
    const articles = await (await this.current()).articles;
    const found = new Map<string, SourceSummary>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const article = articles.get(id);
      if (!article) missing.push(id);
      else {
        const { sourceId, site: _, ...line } = article;
        found.set(id, { id: sourceId, ...line });
      }
    }
    if (missing.length > 0)
      for (const { id, title, publisher, published, url } of (await this.sources(missing)).values())
        found.set(id, {
          id,
          title,
          ...(publisher !== undefined ? { publisher } : {}),
          ...(published !== undefined ? { published } : {}),
          ...(url !== undefined ? { url } : {}),
        });
    return found;
  }

  /**
   * The sentences evidence spans point at, in the order given ('' where the source is not in use). Reads each
   * source once, however many spans point into it.
   */
  async sentences(spans: readonly Evidence[]): Promise<string[]> {
    const sources = await this.sources(spans.map((span) => span.source));
    return spans.map((span) => sources.get(span.source)?.text.slice(span.start, span.end) ?? '');
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

  /** How many saved sources name the entity, or one merged into it (the card's "in N of your articles"). */
  async sourcesNaming(entityId: string): Promise<number> {
    const family = await this.family(entityId);
    const { mentions } = this.db;
    // Keys only ([source, entity]): the rows' counts are not needed.
    const keys = await this.db.transaction('r', mentions, () =>
      Promise.all(family.map((id) => mentions.where('entity').equals(id).primaryKeys())),
    );
    return new Set(keys.flat().map(([source]) => source)).size;
  }

  /** Stored entities in use that may be the same as `entity`, for the reader to confirm (best first). */
  async sameSuggestions(entity: Named): Promise<SameSuggestion[]> {
    return sameSuggestions(this.db, entity, new Set((await this.ranks()).keys()));
  }

  /** The store's knowledge version (changes with every write that changes what is in use). */
  async version(): Promise<number> {
    const row = await this.db.meta.get(VERSION_KEY);
    return typeof row?.value === 'number' ? row.value : 0;
  }
}

export const VERSION_KEY = 'version';
