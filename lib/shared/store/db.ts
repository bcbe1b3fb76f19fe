// The knowledge store: one IndexedDB database (Dexie) holding every dataset's items, indexed for what reads need.
//
// Who touches it: the background writes (lib/background/store/), every extension page reads (lib/shared/store/
// read.ts). Content scripts can't reach an extension's IndexedDB and never need to: they get the dictionary by
// message. Settings stay in storage.local (lib/shared/settings/).
//
// Indexes, each for a read that needs it:
// - `dataset` on every table: removing or exporting one dataset, and leaving out disabled ones.
// - entities `*names`: folded names and aliases (look-up by name, "is this a known entity?").
// - facts `entity`, quotes `speaker`, events `*where`/`*participants`, relations `subject`/`object`: an entity's view
//   and card read only its own items.
// - facts/quotes `evidence.source`, events `*sources`: what one source says (its article view, its main event).
// - mentions `entity`, `source`, `dataset`: which saved articles name an entity (however many datasets own it), so
//   removing one article keeps what another still names.
// Versions: a new index or table is a new `version(n).stores(...)`, with `.upgrade()` when rows change shape; Dexie
// upgrades a store the next time any context opens it.
import { Dexie, type EntityTable, type Table } from 'dexie';
import { nameWords } from '../kb/same-entity';
import {
  articleSummary,
  type DatasetRow,
  type DistinctRow,
  type EntityRow,
  type EventRow,
  type FactRow,
  type MentionRow,
  type MergeRow,
  type QuoteRow,
  type RelationRow,
  type SourceRow,
  type TrashRow,
} from './rows';

/** Small values the store keeps about itself (the knowledge version, the cached dictionary). */
export interface MetaRow {
  key: string;
  value: unknown;
}

export type KnowledgeDb = Dexie & {
  datasets: EntityTable<DatasetRow, 'id'>;
  sources: EntityTable<SourceRow, 'id'>;
  entities: EntityTable<EntityRow, 'id'>;
  facts: EntityTable<FactRow, 'id'>;
  quotes: EntityTable<QuoteRow, 'id'>;
  events: EntityTable<EventRow, 'id'>;
  relations: EntityTable<RelationRow, 'id'>;
  mentions: Table<MentionRow, [string, string]>;
  merges: EntityTable<MergeRow, 'from'>;
  distinct: EntityTable<DistinctRow, 'pair'>;
  trash: EntityTable<TrashRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DB_NAME = 'backstory-knowledge';

/** The item tables, in the order a dataset's rows are written and read. */
export const ITEM_TABLES = [
  'sources',
  'entities',
  'facts',
  'quotes',
  'events',
  'relations',
] as const;
export type ItemTable = (typeof ITEM_TABLES)[number];

export function openKnowledgeDb(name = DB_NAME): KnowledgeDb {
  const db = new Dexie(name) as KnowledgeDb;
  db.version(1).stores({
    datasets: 'id, origin',
    sources: 'id, dataset',
    entities: 'id, dataset, *names',
    facts: 'id, dataset, entity, evidence.source',
    quotes: 'id, dataset, speaker, evidence.source',
    events: 'id, dataset, *where, *participants, *sources',
    relations: 'id, dataset, subject, object',
    meta: 'key',
  });
  // 2: saved articles record the entities each of their sources names (any dataset's), by source and by entity.
  db.version(2).stores({ mentions: '[source+entity], source, entity, dataset' });
  // 3: one entity across sources: merges (`from` shown as `into`, by `into` for its family) and pairs said distinct.
  db.version(3)
    .stores({ entities: 'id, dataset, *names, *words', merges: 'from, into', distinct: 'pair' })
    .upgrade((tx) =>
      tx
        .table<EntityRow>('entities')
        .toCollection()
        .modify((row) => {
          row.words = nameWords(row);
        }),
    );
  // 4: removed saved articles kept for undo (the latest few); a one-source dataset lists its source (the library).
  db.version(4)
    .stores({ trash: 'id, at' })
    .upgrade(async (tx) => {
      const sources = await tx.table<SourceRow>('sources').toArray();
      const byDataset = new Map<string, SourceRow[]>();
      for (const source of sources)
        byDataset.set(source.dataset, [...(byDataset.get(source.dataset) ?? []), source]);
      await tx
        .table<DatasetRow>('datasets')
        .toCollection()
        .modify((row) => {
          const [only, ...more] = byDataset.get(row.id) ?? [];
          if (only && more.length === 0) row.article = articleSummary(only);
        });
    });
  return db;
}

let shared: KnowledgeDb | undefined;

/** This context's connection (one per context: Dexie keeps it open and shares it among callers). */
export function knowledgeDb(): KnowledgeDb {
  shared ??= openKnowledgeDb();
  return shared;
}
