// A versioned storage item that validates what it reads and sets unreadable values aside instead of throwing or dropping them.
import { type StorageItemKey, storage } from 'wxt/utils/storage';
import type { z } from 'zod';
import { withLock } from './lock';
import { QUARANTINE_KEY, QUARANTINE_LOCK, readQuarantine, withEntry } from './quarantine';

export interface StoredItemOptions<T> {
  key: StorageItemKey;
  schema: z.ZodType<T>;
  fallback: T;
  /** The current shape's version; stored values of older versions go through `migrations`. */
  version: number;
  /** migrations[n] turns a version n-1 value into a version n value. It may throw: the value is then set aside. */
  migrations: Record<number, (old: unknown) => unknown>;
  /** Recovers the readable parts of an invalid value (the whole value is still set aside). */
  salvage?: (raw: unknown) => T | undefined;
}

export interface StoredItem<T> {
  readonly key: StorageItemKey;
  readonly fallback: T;
  /** The format version values are written with. */
  readonly version: number;
  /** The stored value, or the fallback; an invalid stored value is set aside first. */
  get(): Promise<T>;
  /** Atomically replaces the value with `change(current)`; returns what was stored. */
  update(change: (current: T) => T): Promise<T>;
  /**
   * Runs `task` under the item's lock with the current value; `task` writes through `write`, which
   * stores the new value together with any `extra` entries in one storage call (all or nothing).
   */
  transact<R>(
    task: (current: T, write: (next: T, extra?: Extra[]) => Promise<void>) => Promise<R>,
  ): Promise<R>;
  /** Calls `cb` with every new value, already validated. */
  watch(cb: (value: T) => void): () => void;
}

export type Extra = { key: StorageItemKey; value: unknown };

type Read<T> = { value: T; problem?: { raw: unknown; reason: string; version: number | null } };

const MAX_ATTEMPTS = 5;

/**
 * Whether two values are the same JSON, whatever the order of their objects' keys: Chromium's storage gives an object
 * back with its keys sorted, so a value read back after writing it is rarely in the order the schema wrote it.
 */
function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (_key: string, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : value;
  return JSON.stringify(a, sorted) === JSON.stringify(b, sorted);
}

function typeOfValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object of another shape' : `a ${typeof value}`;
}

function describe(fallback: unknown): string {
  return Array.isArray(fallback) ? 'a list' : 'an object';
}

export function defineStoredItem<T>(options: StoredItemOptions<T>): StoredItem<T> {
  const { key, schema, fallback, version, migrations } = options;
  const metaKey = `${key}$` as StorageItemKey;
  // The library runs migrations once, when the item is defined (that is, when the extension
  // starts). A migration that throws leaves the old value and old version in place; `read`
  // then sees the version mismatch and sets the value aside.
  const item = storage.defineItem<unknown>(key, { version, migrations });
  const lock = `item:${key}`;

  function interpret(raw: unknown, storedVersion: number | null): Read<T> {
    if (raw == null) return { value: fallback };
    const claimed = storedVersion ?? 1;
    const current =
      claimed < version ? migrated(raw, claimed) : claimed === version ? raw : undefined;
    if (current === undefined) {
      const reason =
        claimed > version
          ? `written by a newer version of Backstory (format ${claimed}, this one reads ${version})`
          : `could not be migrated from format ${claimed} to ${version}`;
      return { value: recover(raw), problem: { raw, reason, version: storedVersion } };
    }
    const parsed = schema.safeParse(current);
    if (parsed.success) return { value: parsed.data };
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    const reason =
      first && first.path.length === 0
        ? `not readable as ${describe(fallback)} (found ${typeOfValue(raw)})`
        : `not valid${where}: ${first?.message ?? 'unexpected value'}`;
    return { value: recover(raw), problem: { raw, reason, version: storedVersion } };
  }

  /**
   * An older format's value brought to this one (undefined if a migration throws). The library migrates once, at
   * start-up; a value of an older format written later (by a page of the previous release still open during an
   * update) is migrated when read instead of being set aside.
   */
  function migrated(raw: unknown, from: number): unknown {
    let value = raw;
    try {
      for (let next = from + 1; next <= version; next++) value = migrations[next]?.(value) ?? value;
      return value;
    } catch {
      return undefined;
    }
  }

  function recover(raw: unknown): T {
    try {
      return options.salvage?.(raw) ?? fallback;
    } catch {
      return fallback;
    }
  }

  async function readRaw(): Promise<{ raw: unknown; storedVersion: number | null }> {
    const raw = await item.getValue();
    const meta = (await item.getMeta()) as { v?: unknown };
    return { raw, storedVersion: typeof meta.v === 'number' ? meta.v : null };
  }

  /** Moves `raw` into the quarantine and stores `replacement`, in one write. Caller holds `lock`. */
  async function setAside(problem: NonNullable<Read<T>['problem']>, replacement: T): Promise<void> {
    await withLock(QUARANTINE_LOCK, async () => {
      // Someone may have repaired or replaced the value since it was read.
      const now = await readRaw();
      if (JSON.stringify(now.raw) !== JSON.stringify(problem.raw)) return;
      const entries = withEntry(await readQuarantine(), {
        key,
        reason: problem.reason,
        at: new Date().toISOString(),
        version: problem.version,
        raw: problem.raw,
      });
      await storage.setItems([
        { key: QUARANTINE_KEY, value: entries },
        { key, value: replacement },
        { key: metaKey, value: { v: version } },
      ]);
    });
  }

  async function readRepaired(): Promise<T> {
    const { raw, storedVersion } = await readRaw();
    const read = interpret(raw, storedVersion);
    if (read.problem) await setAside(read.problem, read.value);
    return read.value;
  }

  return {
    key,
    fallback,
    version,
    async get() {
      const { raw, storedVersion } = await readRaw();
      const read = interpret(raw, storedVersion);
      if (!read.problem) return read.value;
      const problem = read.problem;
      await withLock(lock, () => setAside(problem, read.value));
      return read.value;
    },
    update(change) {
      return withLock<T>(lock, async (): Promise<T> => {
        let current: T = await readRepaired();
        for (let attempt = 1; ; attempt++) {
          const next = schema.parse(change(current));
          await storage.setItems([
            { key, value: next },
            { key: metaKey, value: { v: version } },
          ]);
          // Re-check: a writer that does not share our lock (another browser context without
          // Web Locks) may have written in between; apply the change again on top of its value.
          const { raw, storedVersion } = await readRaw();
          if (sameJson(raw, next) || attempt >= MAX_ATTEMPTS) return next;
          current = interpret(raw, storedVersion).value;
        }
      });
    },
    transact(task) {
      return withLock(lock, async () => {
        const current = await readRepaired();
        return task(current, async (next, extra = []) => {
          await storage.setItems([
            ...extra,
            { key, value: schema.parse(next) },
            { key: metaKey, value: { v: version } },
          ]);
        });
      });
    },
    watch(cb) {
      // Synchronous on purpose: a listener (the background reloading datasets) must have reacted
      // before another context, told by the same change event, comes asking. A value written by
      // this code carries the current version; the schema catches anything else.
      return storage.watch<unknown>(key, (raw) => cb(interpret(raw, version).value));
    },
  };
}
