// Imported datasets: reading their data (setting aside what is missing), storing validated ones (all or nothing, within the storage budget), enabling and removing them.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { DatasetIssue } from '../kb/schema';
import { MAX_IMPORT_BYTES } from '../kb/transfer';
import { err, ok, type Result } from '../result';
import { setDatasetAside } from './dataset-damage';
import { datasetIndexItem, datasetKey, getDatasetIndex } from './dataset-index';
import { discardQuarantined } from './quarantine';
import type { DatasetCounts, DatasetEntry, DatasetIndex } from './schema';
import type { Extra } from './stored-item';

export { setAsideUnlistedDatasets, setDatasetAside } from './dataset-damage';
export {
  datasetIndexItem,
  datasetKey,
  getDatasetIndex,
  salvageDatasetIndex,
  watchDatasetIndex,
} from './dataset-index';

/**
 * Chrome's storage.local quota without the `unlimitedStorage` permission. Firefox enforces none,
 * but the same budget keeps both browsers behaving alike (and keeps the permission list short).
 */
export const STORAGE_BUDGET_BYTES = 10 * 1024 * 1024;
/** Larger dataset files are refused before they are read (lib/kb's limit). */
export const MAX_IMPORT_FILE_BYTES = MAX_IMPORT_BYTES;

/** One problem found in an imported file: where (a JSON path such as `entities[3].name`) and what. */
export type ImportIssue = DatasetIssue;

/** What the knowledge-base layer returns for a file that passed validation. */
export interface ValidDataset {
  /** The dataset's own id; a second dataset with the same id is refused. */
  id: string;
  /** The validated dataset, exactly as it will be stored and loaded again. */
  data: unknown;
  name: string;
  counts: DatasetCounts;
}

/** Validates one dataset given as JSON text; `existing` are the datasets it must not clash with. */
export type DatasetValidator = (
  text: string,
  existing: unknown[],
) => Result<ValidDataset, ImportIssue[]>;

export type ImportError =
  | { kind: 'invalid'; issues: ImportIssue[] }
  | { kind: 'too-large'; message: string }
  | { kind: 'quota'; message: string }
  /** A full backup chosen where a dataset file was expected. */
  | { kind: 'backup'; message: string };

/** The stored dataset of an index entry (null if it is missing). */
export async function readDataset(id: string): Promise<unknown> {
  return storage.getItem<unknown>(datasetKey(id));
}

/** Whether pages get this dataset: enabled by the reader and not set aside as damaged. */
export function isInUse(entry: DatasetEntry): boolean {
  return entry.enabled && !entry.damaged;
}

/**
 * The stored data of `entries`, in order, skipping damaged ones. One whose data is missing is set aside
 * (listed as damaged, with the notice), never silently left out.
 */
export async function readDatasets(
  entries: readonly DatasetEntry[],
): Promise<{ entry: DatasetEntry; data: unknown }[]> {
  const usable = entries.filter((entry) => !entry.damaged);
  const bodies = await storage.getItems(usable.map((entry) => datasetKey(entry.id)));
  const found: { entry: DatasetEntry; data: unknown }[] = [];
  for (const [i, entry] of usable.entries()) {
    const data = bodies[i]?.value;
    if (data == null) await setDatasetAside(entry);
    else found.push({ entry, data });
  }
  return found;
}

/** The datasets the reader has left enabled, in import order, for the content script and panels. */
export async function readEnabledDatasets(): Promise<{ entry: DatasetEntry; data: unknown }[]> {
  return readDatasets((await getDatasetIndex()).filter(isInUse));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The size check to run on a File before reading it. */
export function checkFileSize(
  name: string,
  bytes: number,
): Result<void, Extract<ImportError, { kind: 'too-large' }>> {
  if (bytes <= MAX_IMPORT_FILE_BYTES) return ok(undefined);
  return err({
    kind: 'too-large',
    message: `${name} is ${formatBytes(bytes)}; a dataset file can be at most ${formatBytes(MAX_IMPORT_FILE_BYTES)}. Nothing was changed.`,
  });
}

/** How storage counts a value: the key plus the JSON of the value (Chrome's own rule). */
export function storedSize(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** Bytes storage.local holds now: Chrome reports it; elsewhere it is summed the same way. */
export async function bytesInUse(): Promise<number> {
  const area = browser.storage.local as { getBytesInUse?: (keys: null) => Promise<number> };
  if (typeof area.getBytesInUse === 'function') {
    try {
      return await area.getBytesInUse(null);
    } catch {
      // Not implemented (Firefox, the test double): fall through to counting.
    }
  }
  const all = await browser.storage.local.get(null);
  return Object.entries(all).reduce((sum, [key, value]) => sum + storedSize(key, value), 0);
}

function isQuotaError(error: unknown): boolean {
  return /quota/i.test(String((error as Error)?.message ?? error));
}

function quotaMessage(needed: number, free: number, count: number): string {
  const what = count === 1 ? 'This dataset needs' : `These ${count} datasets need`;
  return `${what} ${formatBytes(needed)} of storage but only ${formatBytes(Math.max(0, free))} of ${formatBytes(STORAGE_BUDGET_BYTES)} is free. Remove or export a dataset to make room. Nothing was changed.`;
}

/** A validated dataset to store, and the JSON path its issues are reported under (its id field). */
export interface ToStore {
  valid: ValidDataset;
  idPath: string;
}

/**
 * Stores validated datasets and lists them, in one write: all land or none does. Refuses an id that is
 * listed already (damaged entries included) or twice in `datasets`, refuses up front what would not fit,
 * and reports a quota failure from the browser the same way. Runs inside the index lock (`transact`).
 */
export async function storeDatasets(
  index: DatasetIndex,
  write: (next: DatasetIndex, extra?: Extra[]) => Promise<void>,
  datasets: readonly ToStore[],
): Promise<Result<DatasetEntry[], ImportError>> {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, string>(index.map((entry) => [entry.id, entry.name]));
  for (const { valid, idPath } of datasets) {
    const clash = seen.get(valid.id);
    if (clash !== undefined) {
      issues.push({
        path: idPath,
        message: `a dataset with the id "${valid.id}" is already imported (${clash}); remove it first, or give this one another id`,
      });
    }
    seen.set(valid.id, valid.name);
  }
  if (issues.length > 0) return err({ kind: 'invalid', issues });
  const importedAt = new Date().toISOString();
  const entries: DatasetEntry[] = datasets.map(({ valid }) => ({
    id: valid.id,
    name: valid.name,
    enabled: true,
    importedAt,
    bytes: storedSize(datasetKey(valid.id).slice('local:'.length), valid.data),
    counts: valid.counts,
  }));
  const nextIndex = [...index, ...entries];
  const needed =
    entries.reduce((sum, entry) => sum + entry.bytes, 0) +
    storedSize('datasets', nextIndex) -
    storedSize('datasets', index);
  const free = STORAGE_BUDGET_BYTES - (await bytesInUse());
  const quota = () =>
    err({ kind: 'quota' as const, message: quotaMessage(needed, free, entries.length) });
  if (needed > free) return quota();
  try {
    await write(
      nextIndex,
      datasets.map(({ valid }) => ({ key: datasetKey(valid.id), value: valid.data })),
    );
  } catch (error) {
    if (isQuotaError(error)) return quota();
    throw error;
  }
  return ok(entries);
}

/** Stores one dataset validated beforehand (see dataset-import.ts for files, validated under the lock). */
export function saveDataset(dataset: ValidDataset): Promise<Result<DatasetEntry, ImportError>> {
  return datasetIndexItem.transact(async (index, write) => {
    const stored = await storeDatasets(index, write, [{ valid: dataset, idPath: 'id' }]);
    return stored.ok ? ok(stored.value[0] as DatasetEntry) : stored;
  });
}

export function setDatasetEnabled(id: string, enabled: boolean): Promise<DatasetIndex> {
  return datasetIndexItem.update((index) =>
    index.map((entry) => (entry.id === id ? { ...entry, enabled } : entry)),
  );
}

/**
 * Unlists a dataset and deletes its data; for a damaged one, the copy of its data kept in the quarantine too
 * (the user confirmed removing it). Under the index lock throughout, so nothing sees the data unlisted.
 */
export function removeDataset(id: string): Promise<void> {
  return datasetIndexItem.transact(async (index, write) => {
    const entry = index.find((other) => other.id === id);
    await write(index.filter((other) => other.id !== id));
    await storage.removeItem(datasetKey(id));
    if (entry?.damaged) await discardQuarantined(datasetKey(id));
  });
}
