// One file with everything Backstory stores (settings, styles, muted entities, datasets, set-aside data): export, restore, reset.
import { type StorageItemKey, storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { formatPath } from '../kb/parse';
import { datasetIdOfKey } from './dataset-index';
import {
  type DatasetValidator,
  datasetIndexItem,
  datasetKey,
  formatBytes,
  type ImportIssue,
  STORAGE_BUDGET_BYTES,
  storedSize,
  type ValidDataset,
} from './datasets';
import { readQuarantine } from './quarantine';
import { err, ok, type Result } from './result';
import {
  type DatasetEntry,
  DatasetEntrySchema,
  MutedSchema,
  QuarantineSchema,
  SettingsSchema,
  StylesSchema,
} from './schema';
import { mutedItem, settingsItem, stylesItem } from './store';

export const BACKUP_FORMAT = 'backstory-backup';
export const BACKUP_VERSION = 1;

/**
 * Larger backup files are refused before they are read. Twice the storage budget, not the budget: what must fit
 * is the parsed content (checked before anything is written), and backups exported by earlier builds were indented
 * JSON, ~1.75× the size of what they hold. A backup holds up to the whole budget, so the 5 MB limit of a single
 * dataset file does not apply to it.
 */
export const MAX_BACKUP_FILE_BYTES = 2 * STORAGE_BUDGET_BYTES;

/** The size check to run on a backup File before reading it. */
export function checkBackupFileSize(name: string, bytes: number): Result<void, ImportIssue[]> {
  if (bytes <= MAX_BACKUP_FILE_BYTES) return ok(undefined);
  return err([
    {
      path: '(file)',
      message: `${name} is ${formatBytes(bytes)}; a backup file can be at most ${formatBytes(MAX_BACKUP_FILE_BYTES)} (what it holds must fit the ${formatBytes(STORAGE_BUDGET_BYTES)} of storage).`,
    },
  ]);
}

const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string().optional(),
  settings: SettingsSchema.optional(),
  styles: StylesSchema.optional(),
  muted: MutedSchema.optional(),
  datasets: z.array(z.object({ entry: DatasetEntrySchema, data: z.unknown() })).optional(),
  /** Carried along so set-aside data survives a reset and restore; never restored into place. */
  quarantine: QuarantineSchema.optional(),
});
export type Backup = z.infer<typeof BackupSchema>;

export type { DatasetValidator } from './datasets';

/** Everything stored, as one object ready for JSON.stringify. `only` limits it to the datasets. */
export async function exportBackup(only?: 'datasets'): Promise<Backup> {
  const index = await datasetIndexItem.get();
  const bodies = await storage.getItems(index.map((entry) => datasetKey(entry.id)));
  const datasets = index.flatMap((entry, i) => {
    const data = bodies[i]?.value;
    return data == null ? [] : [{ entry, data }];
  });
  const base: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    datasets,
  };
  if (only === 'datasets') return base;
  const quarantine = await readQuarantine();
  return {
    ...base,
    settings: await settingsItem.get(),
    styles: await stylesItem.get(),
    muted: await mutedItem.get(),
    ...(quarantine.length > 0 ? { quarantine } : {}),
  };
}

/** Parses JSON text, reporting a syntax error with its position. */
export function parseJson(text: string): Result<unknown, ImportIssue[]> {
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    return err([{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

/**
 * Checks a backup file completely — its shape and every dataset in it — before anything is written.
 * Returns the backup with datasets as validated, or every problem found with its JSON path.
 */
export function checkBackup(
  text: string,
  validate: DatasetValidator,
): Result<
  { backup: Backup; datasets: { entry: DatasetEntry; valid: ValidDataset }[] },
  ImportIssue[]
> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = BackupSchema.safeParse(json.value);
  if (!parsed.success) {
    const format = (json.value as { format?: unknown } | null)?.format;
    if (format !== BACKUP_FORMAT) {
      return err([
        {
          path: 'format',
          message: `this is not a Backstory backup (expected "format": "${BACKUP_FORMAT}"). To add a dataset, use "Import a dataset" instead.`,
        },
      ]);
    }
    return err(
      parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
    );
  }
  const backup = parsed.data;
  const issues: ImportIssue[] = [];
  const datasets: { entry: DatasetEntry; valid: ValidDataset }[] = [];
  const accepted: unknown[] = [];
  (backup.datasets ?? []).forEach(({ entry, data }, i) => {
    const result = validate(JSON.stringify(data), accepted);
    if (!result.ok) {
      const prefix = `datasets[${i}].data`;
      for (const issue of result.error) {
        const inner =
          issue.path === '(root)' ? '' : issue.path.startsWith('[') ? issue.path : `.${issue.path}`;
        issues.push({ path: prefix + inner, message: issue.message });
      }
      return;
    }
    accepted.push(result.value.data);
    datasets.push({ entry, valid: result.value });
  });
  const ids = new Set<string>();
  backup.datasets?.forEach(({ entry }, i) => {
    if (ids.has(entry.id))
      issues.push({
        path: `datasets[${i}].entry.id`,
        message: `duplicate dataset id "${entry.id}"`,
      });
    ids.add(entry.id);
  });
  return issues.length > 0 ? err(issues) : ok({ backup, datasets });
}

/**
 * Restores a backup: the sections present in the file replace what is stored, all in one write.
 * Sections the file lacks are left as they are. Set-aside data in the file is added to the current
 * set-aside data, never put back in place.
 */
export async function restoreBackup(
  text: string,
  validate: DatasetValidator,
): Promise<Result<string, ImportIssue[]>> {
  const bytes = new TextEncoder().encode(text).length;
  const size = checkBackupFileSize('the file', bytes);
  if (!size.ok) return size;
  const checked = checkBackup(text, validate);
  if (!checked.ok) return checked;
  const { backup, datasets } = checked.value;
  const writes: { key: StorageItemKey; value: unknown }[] = [];
  const meta = (item: { key: StorageItemKey; version: number }) => ({
    key: `${item.key}$` as StorageItemKey,
    value: { v: item.version },
  });
  if (backup.settings)
    writes.push({ key: settingsItem.key, value: backup.settings }, meta(settingsItem));
  if (backup.styles) writes.push({ key: stylesItem.key, value: backup.styles }, meta(stylesItem));
  if (backup.muted) writes.push({ key: mutedItem.key, value: backup.muted }, meta(mutedItem));
  const oldIndex = await datasetIndexItem.get();
  if (backup.datasets) {
    const index = datasets.map(({ entry, valid }) => ({
      ...entry,
      bytes: storedSize(datasetKey(entry.id).slice('local:'.length), valid.data),
      counts: valid.counts,
    }));
    writes.push({ key: datasetIndexItem.key, value: index }, meta(datasetIndexItem));
    for (const { entry, valid } of datasets)
      writes.push({ key: datasetKey(entry.id), value: valid.data });
  }
  if (backup.quarantine && backup.quarantine.length > 0) {
    const current = await readQuarantine();
    const seen = new Set(current.map((entry) => JSON.stringify([entry.key, entry.raw])));
    const added = backup.quarantine.filter(
      (entry) => !seen.has(JSON.stringify([entry.key, entry.raw])),
    );
    writes.push({ key: 'local:quarantine', value: [...current, ...added] });
  }
  const needed = writes.reduce((sum, w) => sum + storedSize(w.key, w.value), 0);
  if (needed > STORAGE_BUDGET_BYTES) {
    return err([
      {
        path: 'datasets',
        message: `restoring needs ${formatBytes(needed)}, more than the ${formatBytes(STORAGE_BUDGET_BYTES)} of storage. Nothing was changed.`,
      },
    ]);
  }
  try {
    await storage.setItems(writes);
  } catch (error) {
    return err([
      {
        path: '(root)',
        message: `the browser refused to store it (${(error as Error).message}). Nothing was changed.`,
      },
    ]);
  }
  if (backup.datasets) {
    // Data of datasets the backup replaced; removed only after the new index is in place.
    const kept = new Set(datasets.map(({ entry }) => entry.id));
    const stale = oldIndex
      .filter((entry) => !kept.has(entry.id))
      .map((entry) => datasetKey(entry.id));
    if (stale.length > 0) await storage.removeItems(stale);
  }
  const parts = [
    backup.settings && 'settings',
    backup.styles && 'styles',
    backup.muted && 'muted entities',
    backup.datasets && `${datasets.length} dataset${datasets.length === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return ok(`Restored ${parts.join(', ') || 'nothing (the file was empty)'}.`);
}

/**
 * Back to a fresh install: default settings and styles, nothing muted, no imported datasets — the data of
 * every `dataset:*` key, listed or not, so nothing is left taking up storage unseen. Set-aside data stays.
 */
export async function resetAll(): Promise<void> {
  const all = await storage.snapshot('local');
  const data = Object.keys(all)
    .filter((key) => datasetIdOfKey(key) !== null)
    .map((key): StorageItemKey => `local:${key}`);
  const items = [settingsItem, stylesItem, mutedItem, datasetIndexItem];
  await storage.removeItems([
    ...items.flatMap((item) => [item.key, `${item.key}$` as StorageItemKey]),
    ...data,
  ]);
}
