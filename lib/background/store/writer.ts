// Every write to the knowledge store: each one transaction (it happens whole or not at all), then announced.
//
// Only the background writes (one owner: no two contexts race, and the dictionary it caches always matches what is
// stored). Each write bumps the store's version inside its own transaction, so the version and the data never
// disagree; the version is then announced in storage.local (lib/shared/store/signal.ts) for every other context.

import { formatBytes } from '../../shared/format';
import type { Dataset, DatasetIssue } from '../../shared/kb/schema';
import { err, ok, type Result } from '../../shared/result';
import { ITEM_TABLES, type KnowledgeDb } from '../../shared/store/db';
import type { WriteError } from '../../shared/store/errors';
import { VERSION_KEY } from '../../shared/store/read';
import {
  type DatasetCounts,
  type DatasetOrigin,
  type DatasetRow,
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
      [db.datasets, db.meta, db.mentions, ...COLLECTIONS.map((t) => db[t])],
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
  private async collisions(incoming: readonly Incoming[]): Promise<DatasetIssue[]> {
    const { db } = this;
    const issues: DatasetIssue[] = [];
    const names = new Map((await db.datasets.toArray()).map((row) => [row.id, row.name]));
    const batch = new Map<string, Map<string, string>>();
    for (const { dataset, path = '' } of incoming) {
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
        // Inside the transaction: two imports at once can't both take an id.
        const issues = await this.collisions(incoming);
        if (issues.length > 0) throw new Refused(issues);
        for (const row of rows) await this.put(row);
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
    const first = dataset.sources[0];
    if (first) {
      const { title, publisher, published, url } = first;
      rows.dataset.article = {
        title,
        ...(publisher ? { publisher } : {}),
        ...(published ? { published } : {}),
        ...(url ? { url } : {}),
      };
    }
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
    await this.transact(() => this.deleteRows(id));
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

  /**
   * Removes a dataset's rows. Its entities that a saved article of another dataset still names stay, handed to that
   * dataset: removing one article never takes away what another supports.
   */
  private async deleteRows(id: string): Promise<void> {
    const { db } = this;
    const own = new Set(await db.entities.where('dataset').equals(id).primaryKeys());
    if (own.size > 0) {
      const keeper = new Map<string, string>();
      await db.mentions
        .where('dataset')
        .notEqual(id)
        .each((mention) => {
          if (own.has(mention.entity) && !keeper.has(mention.entity))
            keeper.set(mention.entity, mention.dataset);
        });
      for (const [entity, dataset] of keeper) await db.entities.update(entity, { dataset });
    }
    for (const collection of COLLECTIONS) await db[collection].where('dataset').equals(id).delete();
    await db.mentions.where('dataset').equals(id).delete();
    await db.datasets.delete(id);
  }
}

/** Thrown inside a transaction to abort it with the problems found (the transaction rolls back). */
class Refused extends Error {
  constructor(readonly issues: DatasetIssue[]) {
    super('refused');
  }
}
