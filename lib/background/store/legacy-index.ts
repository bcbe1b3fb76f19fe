// Where releases before the knowledge store kept imported datasets in storage.local: a list (`datasets`) and each
// dataset's data under `dataset:<id>`. Read only to carry them into the store (migrate.ts), then removed.
import type { StorageItemKey } from 'wxt/utils/storage';
import {
  type DatasetEntry,
  DatasetEntrySchema,
  type DatasetIndex,
  DatasetIndexSchema,
} from '../../shared/settings/schema';
import { defineStoredItem } from '../../shared/settings/stored-item';

const DATA_PREFIX = 'dataset:';

export const datasetIndexItem = defineStoredItem<DatasetIndex>({
  key: 'local:datasets',
  schema: DatasetIndexSchema,
  fallback: [],
  version: 1,
  migrations: {},
  salvage: salvageDatasetIndex,
});

/**
 * Keeps the entries of a damaged list that are still readable, the first of each id: one bad field must not
 * unlist every dataset. The whole value is set aside as well, and the data of the entries left out is moved
 * there by setAsideUnlistedDatasets.
 */
export function salvageDatasetIndex(raw: unknown): DatasetIndex | undefined {
  if (!Array.isArray(raw)) return undefined;
  const kept: DatasetEntry[] = [];
  for (const item of raw) {
    const parsed = DatasetEntrySchema.safeParse(item);
    if (parsed.success && !kept.some((entry) => entry.id === parsed.data.id))
      kept.push(parsed.data);
  }
  return kept;
}

export function datasetKey(id: string): StorageItemKey {
  return `local:${DATA_PREFIX}${id}`;
}

/** The dataset id of a storage.local key that holds a dataset's data (`dataset:<id>`), or null. */
export function datasetIdOfKey(key: string): string | null {
  const bare = key.startsWith('local:') ? key.slice('local:'.length) : key;
  if (!bare.startsWith(DATA_PREFIX) || bare.endsWith('$')) return null;
  return bare.slice(DATA_PREFIX.length);
}

export const getDatasetIndex = (): Promise<DatasetIndex> => datasetIndexItem.get();
export const watchDatasetIndex = (cb: (index: DatasetIndex) => void): (() => void) =>
  datasetIndexItem.watch(cb);
