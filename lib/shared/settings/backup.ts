// One file with everything Backstory stores (settings, styles, muted entities, datasets, set-aside data): its format, export and check; restore.ts writes it back.
import { z } from 'zod';
import { formatPath } from '../kb/parse';
import { err, ok, type Result } from '../result';
import {
  type DatasetValidator,
  datasetIndexItem,
  formatBytes,
  type ImportIssue,
  readDatasets,
  STORAGE_BUDGET_BYTES,
  type ValidDataset,
} from './datasets';
import { readQuarantine } from './quarantine';
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
  // Damaged datasets are left out here; their data is in the quarantine, which a full backup carries.
  const datasets = await readDatasets(await datasetIndexItem.get());
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

/** A backup file that passed checkBackup: its sections, and its datasets as validated. */
export interface CheckedBackup {
  backup: Backup;
  datasets: { entry: DatasetEntry; valid: ValidDataset }[];
}

/**
 * Checks a backup file completely — its shape and every dataset in it — before anything is written.
 * Returns the backup with datasets as validated, or every problem found with its JSON path.
 */
export function checkBackup(
  text: string,
  validate: DatasetValidator,
): Result<CheckedBackup, ImportIssue[]> {
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
