// Importing a dataset file (one dataset, or an "Export all imported datasets" file of several), checked against every stored dataset under the index lock.
import { storage } from 'wxt/utils/storage';
import { err, type Result } from '../result';
import { BACKUP_FORMAT, checkBackup, MAX_BACKUP_FILE_BYTES } from './backup';
import { datasetIndexItem, datasetKey } from './dataset-index';
import {
  checkFileSize,
  type DatasetValidator,
  type ImportError,
  storeDatasets,
  type ToStore,
} from './datasets';
import type { DatasetEntry, DatasetIndex } from './schema';

/** What the import needs of a chosen File. */
export interface ChosenFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

type FileKind = 'dataset' | 'datasets' | 'backup';

/** Sections only a full backup has; a file with none of them is an "Export all imported datasets" file. */
const BACKUP_ONLY = ['settings', 'styles', 'muted', 'quarantine'] as const;

function kindOf(text: string): FileKind {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'dataset'; // the dataset validator reports the syntax error with its position
  }
  if (typeof json !== 'object' || json === null) return 'dataset';
  const value = json as Record<string, unknown>;
  if (value.format !== BACKUP_FORMAT) return 'dataset';
  return BACKUP_ONLY.some((key) => key in value) ? 'backup' : 'datasets';
}

/** The data of every listed dataset but the damaged (theirs is set aside): what a new one must not clash with. */
async function storedData(index: DatasetIndex): Promise<unknown[]> {
  const usable = index.filter((entry) => !entry.damaged);
  const bodies = await storage.getItems(usable.map((entry) => datasetKey(entry.id)));
  return bodies.map((body) => body.value).filter((value) => value != null);
}

/**
 * Imports a chosen file: a dataset, or a file of datasets exported together (each imported, all or
 * none). Ids are checked against `others` (the bundled dataset) and every stored dataset, enabled or not,
 * inside the index lock, so two pages importing at once can't both take an id. A full backup is refused
 * with a pointer to Restore. Returns the new entries.
 */
export async function importDatasetFile(
  file: ChosenFile,
  validate: DatasetValidator,
  others: readonly unknown[],
): Promise<Result<DatasetEntry[], ImportError>> {
  // A file of several datasets may hold the whole storage budget, so only a file too large even for
  // that is refused unread; a single dataset's 5 MB limit applies once the kind is known.
  const size = checkFileSize(file.name, file.size);
  if (!size.ok && file.size > MAX_BACKUP_FILE_BYTES) return size;
  const text = await file.text();
  const kind = kindOf(text);
  if (kind === 'backup') {
    return err({
      kind: 'backup',
      message: `${file.name} is a backup of all settings, not a dataset file. To bring it back, use “Restore from a backup file” below. Nothing was changed.`,
    });
  }
  if (kind === 'dataset' && !size.ok) return size;
  return datasetIndexItem.transact(async (index, write) => {
    const existing = [...others, ...(await storedData(index))];
    let datasets: ToStore[];
    if (kind === 'dataset') {
      const valid = validate(text, existing);
      if (!valid.ok) return err({ kind: 'invalid', issues: valid.error });
      datasets = [{ valid: valid.value, idPath: 'id' }];
    } else {
      const checked = checkBackup(text, (one, accepted) =>
        validate(one, [...existing, ...accepted]),
      );
      if (!checked.ok) return err({ kind: 'invalid', issues: checked.error });
      datasets = checked.value.datasets.map(({ valid }, i) => ({
        valid,
        idPath: `datasets[${i}].data.id`,
      }));
      if (datasets.length === 0) {
        return err({
          kind: 'invalid',
          issues: [{ path: 'datasets', message: 'the file holds no datasets' }],
        });
      }
    }
    return storeDatasets(index, write, datasets);
  });
}
