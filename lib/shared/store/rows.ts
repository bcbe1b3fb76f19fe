// What the knowledge store keeps: one row per item of a dataset, tagged with its dataset and place, and back.
//
// A dataset file (lib/shared/kb/schema.ts) is split into rows so a card, an entity view or a search reads
// only the items it needs through an index, instead of every dataset whole. Each row is the item exactly as the
// file has it plus `dataset` (which dataset it belongs to: removing a dataset removes its rows) and `order` (its
// place in the file's list: exporting gives back the file as it was imported). Rows carry no derived copies of
// what the item already says, except where an index needs a flat list (events' sources, entities' names).

import { nameWords } from '../kb/same-entity';
import type { Dataset, Entity, Fact, KbEvent, Quote, Relation, Source } from '../kb/schema';
import { foldKey } from './fold-key';

/** Where a dataset came from: shipped with the extension, a file the reader imported, an article they saved. */
export type DatasetOrigin = 'bundled' | 'imported' | 'saved';

export interface DatasetCounts {
  entities: number;
  quotes: number;
  events: number;
}

/** Why a listed dataset can't be used; its data, if there was any, is kept in the set-aside data. */
export interface DatasetDamage {
  reason: string;
  /** Whether there was data to keep (false: it was missing). */
  kept: boolean;
}

/** One dataset as options lists it; its items are rows of the other tables. */
export interface DatasetRow {
  id: string;
  name: string;
  origin: DatasetOrigin;
  /** Whether pages, cards and the side panel use it (the reader's switch). */
  enabled: boolean;
  /** When it was stored (imported, saved, or this build's bundled copy installed), ISO 8601. */
  addedAt: string;
  counts: DatasetCounts;
  /** Its size as a file (what exporting it gives), for options. */
  bytes: number;
  /** The file's own fields that belong to no item. */
  notes?: string;
  ignoredNames?: string[];
  /** The bundled dataset only: a hash of the build's copy, so an update replaces it. */
  contentHash?: string;
  /** Set for a dataset carried over from an older release whose data could not be read; it has no rows. */
  damaged?: DatasetDamage;
  /** A dataset of one source (every saved article): that source as the library lists it, without its text. */
  article?: ArticleSummary;
}

export interface ArticleSummary {
  sourceId: string;
  title: string;
  /** The publisher as the source names it, else the address's host. */
  site?: string;
  /** As the source states it. */
  published?: string;
  url?: string;
}

/** How the library lists a dataset's one source. */
export function articleSummary(source: Source): ArticleSummary {
  const summary: ArticleSummary = { sourceId: source.id, title: source.title };
  let site = source.publisher;
  if (!site && source.url) {
    try {
      site = new URL(source.url).hostname.replace(/^www\./, '');
    } catch {
      site = undefined;
    }
  }
  if (site) summary.site = site;
  if (source.published) summary.published = source.published;
  if (source.url) summary.url = source.url;
  return summary;
}

interface Owned {
  dataset: string;
  order: number;
}

export type SourceRow = Source & Owned;
/**
 * `names`: every name and alias folded (lib/shared/store/fold-key.ts), indexed for look-up by name. `words`: the words
 * of those names and their spelling keys (lib/shared/kb/same-entity.ts), indexed to find another name of it.
 */
export type EntityRow = Entity & Owned & { names: string[]; words: string[] };
export type FactRow = Fact & Owned;
export type QuoteRow = Quote & Owned;
/** `sources`: the sources its evidence comes from, indexed (an event's article, its main event). */
export type EventRow = KbEvent & Owned & { sources: string[] };
export type RelationRow = Relation & Owned;

/**
 * That a saved article's source names an entity (`count` times), whoever's entity it is. Kept per source, so the
 * card can say in how many of the reader's articles an entity appears, and a source's removal keeps an entity
 * another source still names.
 */
export interface MentionRow {
  source: string;
  entity: string;
  /** The dataset the source belongs to. */
  dataset: string;
  count: number;
}

/**
 * One entity taken as another (`from` shows as `into` everywhere: its names highlight as `into`, its facts and
 * quotes are `into`'s). Both rows stay as they were, so undoing the merge gives both back unchanged.
 */
export interface MergeRow {
  from: string;
  into: string;
  /** Who decided: the reader, or the rule for certain merges (lib/shared/kb/same-entity.ts). */
  how: 'reader' | 'certain';
  at: string;
  /** Entities that were merged into `from` and moved on to `into` with it: undoing this merge gives them back. */
  followers?: string[];
}

/** Two entities the reader said are not the same: never suggested again. `pair` is both ids, sorted, joined by '|'. */
export interface DistinctRow {
  pair: string;
  at: string;
}

/**
 * A removed saved article, kept so its removal can be undone: its rows as they were, the mentions and merges that
 * went with it, and the entities it owned that another article still names (handed to that article, handed back on
 * undo).
 */
export interface TrashRow {
  id: string;
  at: string;
  rows: DatasetRows;
  mentions: MentionRow[];
  merges: MergeRow[];
  handedOver: { entity: string; to: string }[];
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Every row of one dataset, ready to store. */
export interface DatasetRows {
  dataset: DatasetRow;
  sources: SourceRow[];
  entities: EntityRow[];
  facts: FactRow[];
  quotes: QuoteRow[];
  events: EventRow[];
  relations: RelationRow[];
}

export function countsOf(dataset: Pick<Dataset, 'entities' | 'quotes' | 'events'>): DatasetCounts {
  return {
    entities: dataset.entities.length,
    quotes: dataset.quotes.length,
    events: dataset.events.length,
  };
}

/** UTF-8 bytes of the dataset as an exported file. */
export function fileBytes(dataset: Dataset): number {
  return new TextEncoder().encode(JSON.stringify(dataset)).length;
}

function owned<T extends object>(dataset: string) {
  return (item: T, order: number): T & Owned => ({ ...item, dataset, order });
}

/** Splits a validated dataset into rows. `meta` is what the file does not say: origin, switch, time. */
export function toRows(
  dataset: Dataset,
  meta: Pick<DatasetRow, 'origin' | 'enabled' | 'addedAt'> & { contentHash?: string },
): DatasetRows {
  const id = dataset.id;
  const row: DatasetRow = {
    id,
    name: dataset.name,
    ...meta,
    counts: countsOf(dataset),
    bytes: fileBytes(dataset),
  };
  if (dataset.notes !== undefined) row.notes = dataset.notes;
  if (dataset.ignoredNames !== undefined) row.ignoredNames = dataset.ignoredNames;
  const [only, ...more] = dataset.sources;
  if (only && more.length === 0) row.article = articleSummary(only);
  return {
    dataset: row,
    sources: dataset.sources.map(owned<Source>(id)),
    entities: dataset.entities.map((entity, order) => ({
      ...owned<Entity>(id)(entity, order),
      names: entityNames(entity),
      words: nameWords(entity),
    })),
    facts: dataset.facts.map(owned<Fact>(id)),
    quotes: dataset.quotes.map(owned<Quote>(id)),
    events: dataset.events.map((event, order) => ({
      ...owned<KbEvent>(id)(event, order),
      sources: [...new Set(event.evidence.map((evidence) => evidence.source))],
    })),
    relations: dataset.relations.map(owned<Relation>(id)),
  };
}

/** The folded name and aliases of an entity, each once. */
export function entityNames(entity: Pick<Entity, 'name' | 'aliases'>): string[] {
  return [...new Set([entity.name, ...entity.aliases.map((alias) => alias.text)].map(foldKey))];
}

/** Removes the store's own fields, giving back the item as the file had it. */
function strip<T extends Owned>(row: T, extra: readonly string[] = []): Omit<T, keyof Owned> {
  const copy = { ...row } as Record<string, unknown>;
  delete copy.dataset;
  delete copy.order;
  for (const key of extra) delete copy[key];
  return copy as Omit<T, keyof Owned>;
}

const byOrder = (a: Owned, b: Owned) => a.order - b.order;

/** An entity row as the file has the entity. */
export function entityOfRow(row: EntityRow): Entity {
  return strip(row, ['names', 'words']) as Entity;
}

/** The dataset file the rows were made from, items in their original order (exportDataset of it round-trips). */
export function fromRows(rows: DatasetRows): Dataset {
  const { dataset } = rows;
  const out: Dataset = {
    schemaVersion: 1,
    id: dataset.id,
    name: dataset.name,
    ...(dataset.notes !== undefined ? { notes: dataset.notes } : {}),
    sources: [...rows.sources].sort(byOrder).map((row) => strip(row)),
    entities: [...rows.entities].sort(byOrder).map(entityOfRow),
    facts: [...rows.facts].sort(byOrder).map((row) => strip(row)),
    quotes: [...rows.quotes].sort(byOrder).map((row) => strip(row)),
    events: [...rows.events].sort(byOrder).map((row) => strip(row, ['sources']) as KbEvent),
    relations: [...rows.relations].sort(byOrder).map((row) => strip(row)),
  };
  if (dataset.ignoredNames !== undefined) out.ignoredNames = dataset.ignoredNames;
  return out;
}
