// What the options page does with datasets: list them, export them, import, back up, restore and reset.

import { formatBytes } from '../shared/format';
import type { DatasetIssue } from '../shared/kb/schema';
import { err, ok, type Result } from '../shared/result';
import {
  type Backup,
  type BackupDataset,
  backupEntry,
  buildBackup,
  checkBackupFileSize,
  MAX_BACKUP_FILE_BYTES,
  parseBackup,
} from '../shared/settings/backup';
import { resetSettings, restoredLine, restoreSettings } from '../shared/settings/restore';
import { doneText, planText, restoreChanges } from '../shared/settings/restore-summary';
import { getMuted, getSettings } from '../shared/settings/store';
import type { ImportError } from '../shared/store/errors';
import type { DatasetRow } from '../shared/store/rows';
import type { KnowledgeAccess } from './knowledge-access';

/** What the import needs of a chosen File. */
export interface ChosenFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** The bundled dataset's row, and the others (imported and saved), in the order options lists them. */
export async function listDatasets(
  knowledge: KnowledgeAccess,
): Promise<{ bundled: DatasetRow | undefined; others: DatasetRow[] }> {
  const rows = await knowledge.reader.datasets();
  return {
    bundled: rows.find((row) => row.origin === 'bundled'),
    others: rows.filter((row) => row.origin !== 'bundled'),
  };
}

/**
 * A stored dataset as its file's text, or null if it is gone or has no items (a damaged one). Compact JSON, not
 * indented: indenting makes a dataset ~1.75× larger, so one imported just under the 5 MB limit would come out too
 * large to import again.
 */
export async function datasetFileText(
  knowledge: KnowledgeAccess,
  id: string,
): Promise<string | null> {
  const file = await knowledge.reader.datasetFile(id);
  return file ? `${JSON.stringify(file)}\n` : null;
}

/** Every imported dataset as a backup lists it: how the reader had it, and its file. */
async function importedForBackup(knowledge: KnowledgeAccess): Promise<BackupDataset[]> {
  const rows = (await knowledge.reader.datasets()).filter(
    (row) => row.origin === 'imported' && !row.damaged,
  );
  const out: BackupDataset[] = [];
  for (const row of rows) {
    const file = await knowledge.reader.datasetFile(row.id);
    if (file) out.push({ entry: backupEntry(row), data: file });
  }
  return out;
}

/** The "Export all imported datasets" file, or the full backup. */
export async function backupFile(knowledge: KnowledgeAccess, only?: 'datasets'): Promise<Backup> {
  return buildBackup(await importedForBackup(knowledge), only);
}

/** "Imported Fixture set: 3 entities, …" for one dataset; each with its counts for several. */
export function importedMessage(entries: DatasetRow[]): string {
  const counts = ({ counts: c }: DatasetRow) =>
    `${c.entities} entities, ${c.quotes} quotes, ${c.events} events`;
  const [only] = entries;
  if (entries.length === 1 && only) return `Imported ${only.name}: ${counts(only)}.`;
  const each = entries.map((entry) => `${entry.name} (${counts(entry)})`).join('; ');
  return `Imported ${entries.length} datasets: ${each}.`;
}

/** Imports a chosen file through the background; a file too large for any import is refused unread. */
export async function importChosenFile(
  knowledge: KnowledgeAccess,
  file: ChosenFile,
): Promise<Result<DatasetRow[], ImportError>> {
  if (file.size > MAX_BACKUP_FILE_BYTES) {
    return err({
      kind: 'too-large',
      message: `${file.name} is ${formatBytes(file.size)}; a file of datasets can be at most ${formatBytes(MAX_BACKUP_FILE_BYTES)}. Nothing was changed.`,
    });
  }
  return knowledge.requests.importDatasetFile({ name: file.name, text: await file.text() });
}

export interface PreparedRestore {
  /** What restoring would replace, for the confirmation. */
  plan: string[];
  /** Restores: datasets first (the background, one transaction), then the settings; the success message. */
  apply(): Promise<Result<string[], DatasetIssue[]>>;
}

/**
 * Checks a backup completely (its shape here, its datasets by the background) and says what restoring it would
 * replace. Nothing is written until `apply`.
 */
export async function prepareRestore(
  knowledge: KnowledgeAccess,
  fileName: string,
  text: string,
): Promise<Result<PreparedRestore, DatasetIssue[]>> {
  const size = checkBackupFileSize(fileName, new TextEncoder().encode(text).length);
  if (!size.ok) return size;
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const backup = parsed.value;
  if (backup.datasets) {
    const checked = await knowledge.requests.checkBackupDatasets(backup.datasets);
    if (!checked.ok) return checked;
  }
  const current = async () => ({
    settings: await getSettings(),
    muted: await getMuted(),
    imported: (await knowledge.reader.datasets()).filter((row) => row.origin === 'imported'),
  });
  const before = await current();
  return ok({
    plan: planText(fileName, restoreChanges(before, backup)),
    apply: async () => {
      const changes = restoreChanges(await current(), backup);
      if (backup.datasets) {
        const restored = await knowledge.requests.restoreDatasets(backup.datasets);
        if (!restored.ok) {
          return err(
            restored.error.kind === 'invalid'
              ? restored.error.issues
              : [{ path: 'datasets', message: restored.error.message }],
          );
        }
      }
      const settings = await restoreSettings(backup);
      if (!settings.ok) return settings;
      return ok([restoredLine(backup), ...doneText(changes)]);
    },
  });
}

/** Back to a fresh install: default settings, styles and muted names, no imported datasets. Set-aside data stays. */
export async function resetEverything(knowledge: KnowledgeAccess): Promise<void> {
  await knowledge.requests.removeImportedDatasets();
  await resetSettings();
}
