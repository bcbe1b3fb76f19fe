// One file with everything Backstory stores (settings, styles, muted entities, imported datasets, set-aside data):
// its format, how it is read, and how the options page puts one together. Restoring is restore.ts (settings) and the
// background (datasets).
import { z } from 'zod';
import { formatBytes } from '../format';
import { formatPath } from '../kb/parse';
import type { DatasetIssue } from '../kb/schema';
import { err, ok, type Result } from '../result';
import type { DatasetRow } from '../store/rows';
import { readQuarantine } from './quarantine';
import {
  type DatasetEntry,
  DatasetEntrySchema,
  MutedSchema,
  QuarantineSchema,
  SettingsSchema,
  StylesSchema,
} from './schema';
import { mutedItem, settingsFormat2, settingsItem, stylesItem } from './store';

export const BACKUP_FORMAT = 'backstory-backup';
export const BACKUP_VERSION = 1;

/**
 * Larger backup files (and files of several datasets) are refused before they are read: they travel to the
 * background in one message, and 50 MB is far beyond any reader's imports while well inside what a message carries.
 */
export const MAX_BACKUP_FILE_BYTES = 50 * 1024 * 1024;

/** The size check to run on a backup File before reading it. */
export function checkBackupFileSize(name: string, bytes: number): Result<void, DatasetIssue[]> {
  if (bytes <= MAX_BACKUP_FILE_BYTES) return ok(undefined);
  return err([
    {
      path: '(file)',
      message: `${name} is ${formatBytes(bytes)}; a backup file can be at most ${formatBytes(MAX_BACKUP_FILE_BYTES)}.`,
    },
  ]);
}

const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string().optional(),
  // A backup made before settings had format 2 still restores: read through the same migration.
  settings: z.preprocess(settingsFormat2, SettingsSchema).optional(),
  styles: StylesSchema.optional(),
  muted: MutedSchema.optional(),
  /** Each imported dataset as a dataset file, with how the reader had it (switch, date). */
  datasets: z.array(z.object({ entry: DatasetEntrySchema, data: z.unknown() })).optional(),
  /** Carried along so set-aside data survives a reset and restore; never restored into place. */
  quarantine: QuarantineSchema.optional(),
});
export type Backup = z.infer<typeof BackupSchema>;
export type BackupDataset = NonNullable<Backup['datasets']>[number];

/** Sections only a full backup has; a file with none of them is an "Export all imported datasets" file. */
const BACKUP_ONLY = ['settings', 'styles', 'muted', 'quarantine'] as const;

/** What a chosen file is: one dataset, several exported together, or a full backup. */
export function fileKind(text: string): 'dataset' | 'datasets' | 'backup' {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'dataset'; // the dataset reader reports the syntax error with its position
  }
  if (typeof json !== 'object' || json === null) return 'dataset';
  const value = json as Record<string, unknown>;
  if (value.format !== BACKUP_FORMAT) return 'dataset';
  return BACKUP_ONLY.some((key) => key in value) ? 'backup' : 'datasets';
}

/** Parses JSON text, reporting a syntax error with its position. */
export function parseJson(text: string): Result<unknown, DatasetIssue[]> {
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    return err([{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

/**
 * Reads a backup file's shape: its sections, each checked, datasets still unread (the background validates them
 * when it stores them). Every problem is listed with its JSON path.
 */
export function parseBackup(text: string): Result<Backup, DatasetIssue[]> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = BackupSchema.safeParse(json.value);
  if (parsed.success) return ok(parsed.data);
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
    parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  );
}

/** How a backup lists a stored dataset. */
export function backupEntry(row: DatasetRow): DatasetEntry {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    importedAt: row.addedAt,
    bytes: row.bytes,
    counts: row.counts,
  };
}

/**
 * The backup file's content. `datasets` are the imported datasets as files (read from the knowledge store by the
 * caller); `only` leaves out everything else (the "Export all imported datasets" file).
 */
export async function buildBackup(datasets: BackupDataset[], only?: 'datasets'): Promise<Backup> {
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
