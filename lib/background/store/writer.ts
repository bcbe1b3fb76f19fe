// Every write to the knowledge store: each one transaction (it happens whole or not at all), then announced.
//
// Only the background writes (one owner: no two contexts race, and the dictionary it caches always matches what is
// stored). Each write bumps the store's version inside its own transaction, so the version and the data never
// disagree; the version is then announced in storage.local (lib/shared/store/signal.ts) for every other context.

import { formatBytes } from '../../shared/format';
import { sameEntity } from '../../shared/kb/same-entity';
import type { Dataset, DatasetIssue } from '../../shared/kb/schema';
import { err, ok, type Result } from '../../shared/result';
import { ITEM_TABLES, type KnowledgeDb } from '../../shared/store/db';
import type { WriteError } from '../../shared/store/errors';
import { VERSION_KEY } from '../../shared/store/read';
import {
  type DatasetCounts,
  type DatasetOrigin,
  type DatasetRow,
  type EntityRow,
  fromRows,
  type MergeRow,
  pairKey,
  type TrashRow,
  toRows,
} from '../../shared/store/rows';

/** One dataset to add, validated, with what the file does not say. */
export interface Incoming {
  dataset: Dataset;
  origin: DatasetOrigin;
  enabled?: boolean;
  /** Kept when a dataset comes back from a backup; now otherwise. */
  addedAt?: string;
  /** JSON path prefix of this dataset in the file it came from ('' for a file of one dataset). */
  path?: string;
}

const COLLECTIONS = ITEM_TABLES;

/** How much room the browser gives the extension and how much is used, when it says. */
async function estimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const { usage, quota } = (await navigator.storage?.estimate?.()) ?? {};
    return usage !== undefined && quota !== undefined ? { usage, quota } : null;
  } catch {
    return null;
  }
}

/**
 * Whether an error means the storage quota was exceeded. Dexie wraps the browser's QuotaExceededError: as the cause
 * of an aborted transaction (`inner`), or among the failures of a bulk write (Firefox reports it so).
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const { name, inner, failures } = e as { name?: unknown; inner?: unknown; failures?: unknown };
    if (name === 'QuotaExceededError') return true;
    if (visit(inner)) return true;
    return Array.isArray(failures) && failures.some(visit);
  };
  return visit(error);
}

async function quotaMessage(names: readonly string[], bytes: number): Promise<string> {
  const what =
    names.length === 1
      ? `${names[0]} (${formatBytes(bytes)})`
      : `These ${names.length} datasets (${formatBytes(bytes)})`;
  const room = await estimate();
  const limit = room
    ? ` The browser lets Backstory keep ${formatBytes(room.quota)}, and ${formatBytes(room.usage)} is in use.`
    : '';
  return `${what} did not fit in the browser’s storage.${limit} Remove a dataset you no longer need, or free disk space, and try again. Nothing was changed.`;
}

export class KnowledgeWriter {
  constructor(
    private readonly db: KnowledgeDb,
    /** Called after each committed write with the new version (the background announces it). */
    private readonly committed: (version: number) => void | Promise<void>,
  ) {}

  /** Runs `work` in one read-write transaction over every table, bumping the version; returns `work`'s result. */
  private async transact<T>(work: () => Promise<T>): Promise<T> {
    const { db } = this;
    let version = 0;
    const result = await db.transaction(
      'rw',
      [
        db.datasets,
        db.meta,
        db.mentions,
        db.merges,
        db.distinct,
        db.trash,
        ...COLLECTIONS.map((t) => db[t]),
      ],
      async () => {
        const value = await work();
        const current = await db.meta.get(VERSION_KEY);
        version = (typeof current?.value === 'number' ? current.value : 0) + 1;
        await db.meta.put({ key: VERSION_KEY, value: version });
        return value;
      },
    );
    await this.committed(version);
    return result;
  }

  /**
   * Every id of `incoming` that a stored dataset (enabled or not) or an earlier dataset of the same batch already
   * uses, as issues: nothing is ever overwritten.
   */
  private async collisions(
    incoming: readonly Incoming[],
    /** Per dataset, entities that are copies of stored ones (named, not stored): no clash. */
    copies: readonly ReadonlySet<string>[] = [],
  ): Promise<DatasetIssue[]> {
    const { db } = this;
    const issues: DatasetIssue[] = [];
    const names = new Map((await db.datasets.toArray()).map((row) => [row.id, row.name]));
    const batch = new Map<string, Map<string, string>>();
    for (const [i, { dataset, path = '' }] of incoming.entries()) {
      const at = (rest: string) => (path ? `${path}.${rest}` : rest);
      const clash = names.get(dataset.id);
      if (clash !== undefined) {
        issues.push({
          path: at('id'),
          message: `a dataset with the id "${dataset.id}" is already imported (${clash}); remove it first, or give this one another id`,
        });
      }
      for (const collection of COLLECTIONS) {
        const items: readonly { id: string }[] = dataset[collection];
        const stored = await db[collection].bulkGet(items.map((item) => item.id));
        const earlier = batch.get(collection) ?? new Map<string, string>();
        items.forEach((item, index) => {
          if (collection === 'entities' && copies[i]?.has(item.id)) return;
          const owner = stored[index]?.dataset ?? earlier.get(item.id);
          if (owner !== undefined) {
            issues.push({
              path: at(`${collection}[${index}].id`),
              message: `id "${item.id}" is already used in ${collection} of dataset "${owner}" ("${names.get(owner) ?? owner}")`,
            });
          }
        });
        for (const item of items) earlier.set(item.id, dataset.id);
        batch.set(collection, earlier);
      }
      names.set(dataset.id, dataset.name);
    }
    return issues;
  }

  /** Stores validated datasets in one transaction: all of them or, on any problem, none. */
  add(incoming: readonly Incoming[]): Promise<Result<DatasetRow[], WriteError>> {
    return this.store(incoming, []);
  }

  /**
   * Replaces every imported dataset with `incoming` (a restored backup), in one transaction. Saved articles and the
   * bundled dataset stay; ids are checked against what stays.
   */
  async replaceImported(incoming: readonly Incoming[]): Promise<Result<DatasetRow[], WriteError>> {
    return this.store(incoming, await this.importedIds());
  }

  /** Removes `replaced`, checks `incoming` against what is left, and adds it: one transaction, whole or not at all. */
  private async store(
    incoming: readonly Incoming[],
    replaced: readonly string[],
  ): Promise<Result<DatasetRow[], WriteError>> {
    const now = new Date().toISOString();
    const rows = incoming.map(({ dataset, origin, enabled = true, addedAt = now }) =>
      toRows(dataset, { origin, enabled, addedAt }),
    );
    try {
      await this.transact(async () => {
        for (const id of replaced) await this.deleteRows(id);
        // Copies of stored entities (what an exported saved article carries of the entities it names) are named,
        // not stored twice; everything else must be new. Inside the transaction: two imports at once can't both
        // take an id.
        const copies = await Promise.all(rows.map((row) => this.copiesOfStored(row.entities)));
        rows.forEach((row, i) => {
          const copied = copies[i] as Set<string>;
          row.entities = row.entities.filter((entity) => !copied.has(entity.id));
        });
        const issues = await this.collisions(incoming, copies);

        if (issues.length > 0) throw new Refused(issues);
        for (const [i, row] of rows.entries()) {
          await this.put(row);
          const source = row.sources[0]?.id;
          const copied = [...(copies[i] as Set<string>)];
          if (source && copied.length > 0)
            await this.db.mentions.bulkPut(
              copied.map((entity) => ({ source, entity, dataset: row.dataset.id, count: 1 })),
            );
          // The same resolution as a saved article: certainly the same as a stored entity, merged.
          await this.mergeCertain(row.entities);
        }
      });
    } catch (error) {
      if (error instanceof Refused) return err({ kind: 'invalid', issues: error.issues });
      if (!isQuotaError(error)) throw error;
      const bytes = rows.reduce((sum, row) => sum + row.dataset.bytes, 0);
      const names = rows.map((row) => row.dataset.name);
      return err({ kind: 'quota', message: await quotaMessage(names, bytes) });
    }
    return ok(rows.map((row) => row.dataset));
  }

  private importedIds(): Promise<string[]> {
    return this.db.datasets.where('origin').equals('imported').primaryKeys();
  }

  /**
   * Stores an article the reader saved: its dataset (one source), in one transaction. Entities it carries as copies
   * of ones already stored (the known entities it names) are not stored twice: the stored ones stay as they are,
   * and the article's `mentions` record that it names them. The same article saved again (same dataset id) replaces
   * the earlier copy; `replaced` then gives that copy's counts, to say what changed.
   */
  async saveArticle(
    dataset: Dataset,
    mentions: readonly { entity: string; count: number }[],
  ): Promise<Result<{ row: DatasetRow; replaced?: DatasetCounts }, WriteError>> {
    const { db } = this;
    const rows = toRows(dataset, {
      origin: 'saved',
      enabled: true,
      addedAt: new Date().toISOString(),
    });
    const source = dataset.sources[0]?.id;
    let replaced: DatasetCounts | undefined;
    try {
      await this.transact(async () => {
        const earlier = await db.datasets.get(dataset.id);
        if (earlier && earlier.origin !== 'saved') {
          throw new Refused([
            {
              path: 'id',
              message: `a dataset with the id "${dataset.id}" is already stored (${earlier.name}) and is not a saved article`,
            },
          ]);
        }
        if (earlier) {
          replaced = earlier.counts;
          await this.deleteRows(dataset.id);
        }
        // Copies of stored entities stay out; everything else must be new.
        const stored = await db.entities.bulkGet(rows.entities.map((entity) => entity.id));
        rows.entities = rows.entities.filter((_, i) => stored[i] === undefined);
        const issues = await this.collisions([
          { dataset: { ...dataset, entities: rows.entities }, origin: 'saved' },
        ]);
        if (issues.length > 0) throw new Refused(issues);
        await this.put(rows);
        await this.mergeCertain(rows.entities);
        const named = new Set(dataset.entities.map((entity) => entity.id));
        if (source) {
          await db.mentions.bulkPut(
            mentions
              .filter((mention) => named.has(mention.entity))
              .map((mention) => ({
                source,
                entity: mention.entity,
                dataset: dataset.id,
                count: mention.count,
              })),
          );
        }
      });
    } catch (error) {
      if (error instanceof Refused) return err({ kind: 'invalid', issues: error.issues });
      if (!isQuotaError(error)) throw error;
      return err({
        kind: 'quota',
        message: await quotaMessage([dataset.name], rows.dataset.bytes),
      });
    }
    return ok({ row: rows.dataset, ...(replaced ? { replaced } : {}) });
  }

  /**
   * Takes `from` as `into` from now on (one transaction): its names highlight as `into`, its facts and quotes are
   * `into`'s. Entities merged into `from` follow it to `into`. Refused for a pair the reader said is not the same.
   */
  async merge(
    from: string,
    into: string,
    how: MergeRow['how'] = 'reader',
  ): Promise<Result<null, string>> {
    const { db } = this;
    try {
      await this.transact(async () => {
        const target = (await db.merges.get(into))?.into ?? into;
        if (target === from)
          throw new Refused([{ path: 'into', message: 'an entity cannot be merged into itself' }]);
        const [a, b] = await db.entities.bulkGet([from, target]);
        if (!a || !b)
          throw new Refused([{ path: 'from', message: 'both entities must be stored' }]);
        if (await db.distinct.get(pairKey(from, target))) {
          throw new Refused([
            { path: 'from', message: `you said ${a.name} and ${b.name} are not the same` },
          ]);
        }
        const followers = await db.merges.where('into').equals(from).toArray();
        await db.merges.bulkPut(followers.map((merge) => ({ ...merge, into: target })));
        await db.merges.put({
          from,
          into: target,
          how,
          at: new Date().toISOString(),
          followers: followers.map((m) => m.from),
        });
      });
    } catch (error) {
      if (error instanceof Refused) return err(error.issues[0]?.message ?? 'refused');
      throw error;
    }
    return ok(null);
  }

  /** Undoes a merge: `from` stands alone again, as it was, with the entities that followed it back on it. */
  async unmerge(from: string): Promise<void> {
    const { db } = this;
    await this.transact(async () => {
      const merge = await db.merges.get(from);
      if (!merge) return;
      await db.merges.delete(from);
      for (const follower of merge.followers ?? []) {
        const moved = await db.merges.get(follower);
        if (moved?.into === merge.into) await db.merges.put({ ...moved, into: from });
      }
    });
  }

  /** Remembers that two entities are not the same: never suggested, never merged. */
  async markDistinct(a: string, b: string): Promise<void> {
    await this.transact(async () => {
      await this.db.distinct.put({ pair: pairKey(a, b), at: new Date().toISOString() });
    });
  }

  /**
   * Merges each of `added` into a stored entity it is certainly the same as (lib/shared/kb/same-entity.ts: the same
   * full name, the same kind), unless the reader said otherwise. Inside the caller's transaction; undone by unmerge.
   */
  private async mergeCertain(added: readonly EntityRow[]): Promise<void> {
    const { db } = this;
    for (const entity of added) {
      const full = entity.names.filter((name) => name.includes(' '));
      if (full.length === 0) continue;
      const others = await db.entities.where('names').anyOf(full).toArray();
      for (const other of others) {
        if (other.id === entity.id || other.dataset === entity.dataset) continue;
        if (sameEntity(entity, other).same !== 'certain') continue;
        if (await db.distinct.get(pairKey(entity.id, other.id))) continue;
        const into = (await db.merges.get(other.id))?.into ?? other.id;
        await db.merges.put({
          from: entity.id,
          into,
          how: 'certain',
          at: new Date().toISOString(),
          followers: [],
        });
        break;
      }
    }
  }

  /**
   * Ids of `entities` that are copies of stored ones: the same id, kind and name, and no evidence of their own (an
   * exported dataset carries the entities it names so; lib/shared/store/read.ts datasetFile).
   */
  private async copiesOfStored(entities: readonly EntityRow[]): Promise<Set<string>> {
    const candidates = entities.filter((entity) => !entity.descriptionEvidence);
    const stored = await this.db.entities.bulkGet(candidates.map((entity) => entity.id));
    return new Set(
      candidates
        .filter((entity, i) => {
          const other = stored[i];
          return other !== undefined && other.kind === entity.kind && other.name === entity.name;
        })
        .map((entity) => entity.id),
    );
  }

  /** Lists a dataset that could not be read (carried over damaged); it has no items. */
  async addDamaged(rows: readonly DatasetRow[]): Promise<void> {
    await this.transact(async () => {
      for (const row of rows)
        if (!(await this.db.datasets.get(row.id))) await this.db.datasets.add(row);
    });
  }

  /**
   * Installs this build's copy of the bundled dataset when the store holds another (or none), in one transaction.
   * Items whose ids an imported dataset took meanwhile are left to it (the import was checked against the older
   * copy); they are named in the returned list so the caller can say so.
   */
  async installBundled(dataset: Dataset, contentHash: string): Promise<string[]> {
    const { db } = this;
    const stored = await db.datasets.get(dataset.id);
    if (stored?.contentHash === contentHash) return [];
    const skipped: string[] = [];
    await this.transact(async () => {
      await this.deleteRows(dataset.id);
      const rows = toRows(dataset, {
        origin: 'bundled',
        enabled: stored?.enabled ?? true,
        addedAt: new Date().toISOString(),
        contentHash,
      });
      for (const collection of COLLECTIONS) {
        const list = rows[collection] as { id: string }[];
        const taken = await db[collection].bulkGet(list.map((item) => item.id));
        const free = list.filter((item, i) => {
          if (!taken[i]) return true;
          skipped.push(`${collection}/${item.id}`);
          return false;
        });
        (rows as unknown as Record<string, unknown>)[collection] = free;
      }
      await this.put(rows);
    });
    return skipped;
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await this.transact(async () => {
      await this.db.datasets.update(id, { enabled });
    });
  }

  /** Removes a dataset and every item of it. */
  async remove(id: string): Promise<void> {
    await this.transact(async () => {
      const row = await this.db.datasets.get(id);
      // A saved article can be brought back (the library's undo); an imported file can be imported again.
      await this.deleteRows(id, row?.origin === 'saved');
    });
  }

  /**
   * Brings back a removed saved article as it was (one transaction): its rows, its mentions and merges, and the
   * entities it had handed to another article. Refused if something it had was taken meanwhile.
   */
  async restoreRemoved(id: string): Promise<Result<DatasetRow, string>> {
    const { db } = this;
    try {
      const row = await this.transact(async () => {
        const kept = await db.trash.get(id);
        if (!kept)
          throw new Refused([{ path: 'id', message: 'there is nothing to undo for it any more' }]);
        if (await db.datasets.get(id))
          throw new Refused([{ path: 'id', message: 'it is stored again already' }]);
        const handed = new Map(kept.handedOver.map((h) => [h.entity, h.to]));
        const { rows } = kept;
        const fresh = {
          ...rows,
          entities: rows.entities.filter((entity) => !handed.has(entity.id)),
        };
        const issues = await this.collisions([{ dataset: fromRows(fresh), origin: 'saved' }]);
        if (issues.length > 0) throw new Refused(issues);
        await this.put(fresh);
        for (const [entity, to] of handed) {
          const now = await db.entities.get(entity);
          if (now?.dataset === to) await db.entities.update(entity, { dataset: id });
        }
        await db.mentions.bulkPut(kept.mentions);
        const entities = new Set(
          (await db.entities.bulkGet(kept.merges.flatMap((m) => [m.from, m.into]))).flatMap((e) =>
            e ? [e.id] : [],
          ),
        );
        await db.merges.bulkPut(
          kept.merges.filter((m) => entities.has(m.from) && entities.has(m.into)),
        );
        await db.trash.delete(id);
        return rows.dataset;
      });
      return ok(row);
    } catch (error) {
      if (error instanceof Refused) return err(error.issues[0]?.message ?? 'refused');
      throw error;
    }
  }

  /** Removes every imported dataset (reset); the bundled dataset and saved articles stay. */
  async removeImported(): Promise<void> {
    const ids = await this.importedIds();
    await this.transact(async () => {
      for (const id of ids) await this.deleteRows(id);
    });
  }

  private async put(rows: ReturnType<typeof toRows>): Promise<void> {
    const { db } = this;
    await db.datasets.put(rows.dataset);
    await db.sources.bulkAdd(rows.sources);
    await db.entities.bulkAdd(rows.entities);
    await db.facts.bulkAdd(rows.facts);
    await db.quotes.bulkAdd(rows.quotes);
    await db.events.bulkAdd(rows.events);
    await db.relations.bulkAdd(rows.relations);
  }

  /** A dataset's rows, mentions and merges as they are, for the trash (inside the caller's transaction). */
  private async snapshot(id: string): Promise<Omit<TrashRow, 'handedOver'> | undefined> {
    const { db } = this;
    const dataset = await db.datasets.get(id);
    if (!dataset) return undefined;
    const [sources, entities, facts, quotes, events, relations, mentions] = await Promise.all([
      db.sources.where('dataset').equals(id).toArray(),
      db.entities.where('dataset').equals(id).toArray(),
      db.facts.where('dataset').equals(id).toArray(),
      db.quotes.where('dataset').equals(id).toArray(),
      db.events.where('dataset').equals(id).toArray(),
      db.relations.where('dataset').equals(id).toArray(),
      db.mentions.where('dataset').equals(id).toArray(),
    ]);
    const ids = entities.map((entity) => entity.id);
    const merges = ids.length
      ? [
          ...(await db.merges.where('from').anyOf(ids).toArray()),
          ...(await db.merges.where('into').anyOf(ids).toArray()),
        ]
      : [];
    return {
      id,
      at: new Date().toISOString(),
      rows: { dataset, sources, entities, facts, quotes, events, relations },
      mentions,
      merges,
    };
  }

  /**
   * Removes a dataset's rows. Its entities that a saved article of another dataset still names stay, handed to that
   * dataset: removing one article never takes away what another supports. `keepForUndo`: kept in the trash first.
   */
  private async deleteRows(id: string, keepForUndo = false): Promise<void> {
    const { db } = this;
    const snapshot = keepForUndo ? await this.snapshot(id) : undefined;
    const own = new Set(await db.entities.where('dataset').equals(id).primaryKeys());
    const keeper = new Map<string, string>();
    if (own.size > 0) {
      await db.mentions
        .where('dataset')
        .notEqual(id)
        .each((mention) => {
          if (own.has(mention.entity) && !keeper.has(mention.entity))
            keeper.set(mention.entity, mention.dataset);
        });
      for (const [entity, dataset] of keeper) await db.entities.update(entity, { dataset });
    }
    if (snapshot) {
      await db.trash.put({
        ...snapshot,
        handedOver: [...keeper].map(([entity, to]) => ({ entity, to })),
      });
      // Only the latest few removals can be undone: the trash never grows with the library.
      const old = await db.trash.orderBy('at').reverse().offset(TRASH_KEPT).primaryKeys();
      await db.trash.bulkDelete(old);
    }
    // Merges of entities that go go with them; an entity merged into one that goes stands alone again.
    const gone = await db.entities.where('dataset').equals(id).primaryKeys();
    if (gone.length > 0) {
      await db.merges.where('from').anyOf(gone).delete();
      await db.merges.where('into').anyOf(gone).delete();
    }
    for (const collection of COLLECTIONS) await db[collection].where('dataset').equals(id).delete();
    await db.mentions.where('dataset').equals(id).delete();
    await db.datasets.delete(id);
  }
}

/** How many removed saved articles can be brought back. */
const TRASH_KEPT = 5;

/** Thrown inside a transaction to abort it with the problems found (the transaction rolls back). */
class Refused extends Error {
  constructor(readonly issues: DatasetIssue[]) {
    super('refused');
  }
}
