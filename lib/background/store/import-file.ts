// Reading the files a reader imports or restores (a dataset, several datasets exported together, a backup's
// datasets): every dataset validated with every problem listed by JSON path, before the writer stores them at once.

import { formatBytes } from '../../shared/format';
import { parseDataset } from '../../shared/kb/parse';
import type { DatasetIssue } from '../../shared/kb/schema';
import { MAX_IMPORT_BYTES, readDatasetFile } from '../../shared/kb/transfer';
import { err, ok, type Result } from '../../shared/result';
import {
  type BackupDataset,
  fileKind,
  MAX_BACKUP_FILE_BYTES,
  parseBackup,
} from '../../shared/settings/backup';
import type { ImportError } from '../../shared/store/errors';
import type { DatasetRow } from '../../shared/store/rows';
import type { Incoming, KnowledgeWriter } from './writer';

export interface ChosenFile {
  name: string;
  text: string;
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function tooLarge(name: string, bytes: number, limit: number, what: string) {
  return err({
    kind: 'too-large' as const,
    message: `${name} is ${formatBytes(bytes)}; ${what} can be at most ${formatBytes(limit)}. Nothing was changed.`,
  });
}

/** A path inside `datasets[i].data` of a file of several datasets. */
function within(prefix: string, issue: DatasetIssue): DatasetIssue {
  const inner =
    issue.path === '(root)' ? '' : issue.path.startsWith('[') ? issue.path : `.${issue.path}`;
  return { path: prefix + inner, message: issue.message };
}

/**
 * Validates the datasets of a backup or of an "Export all imported datasets" file: each one a valid dataset, no
 * dataset id twice. Their switches and dates come along. Every problem is listed, with its path in the file.
 */
export function validateBackupDatasets(
  datasets: readonly BackupDataset[],
): Result<Incoming[], DatasetIssue[]> {
  const issues: DatasetIssue[] = [];
  const incoming: Incoming[] = [];
  const ids = new Map<string, number>();
  datasets.forEach(({ entry, data }, i) => {
    const parsed = parseDataset(data);
    if (!parsed.ok) {
      issues.push(...parsed.error.map((issue) => within(`datasets[${i}].data`, issue)));
      return;
    }
    const first = ids.get(parsed.value.id);
    if (first !== undefined) {
      issues.push({
        path: `datasets[${i}].data.id`,
        message: `duplicate dataset id "${parsed.value.id}" (also datasets[${first}])`,
      });
      return;
    }
    ids.set(parsed.value.id, i);
    incoming.push({
      dataset: parsed.value,
      origin: 'imported',
      enabled: entry.enabled,
      addedAt: entry.importedAt,
      path: `datasets[${i}].data`,
    });
  });
  return issues.length > 0 ? err(issues) : ok(incoming);
}

/**
 * Imports a chosen file: one dataset, or a file of datasets exported together (every one of them, or none). A full
 * backup is refused with a pointer to Restore. Ids are checked against every stored dataset, in use or not, in the
 * writer's transaction.
 */
export async function importFile(
  writer: KnowledgeWriter,
  file: ChosenFile,
): Promise<Result<DatasetRow[], ImportError>> {
  const bytes = utf8Bytes(file.text);
  if (bytes > MAX_BACKUP_FILE_BYTES) {
    return tooLarge(file.name, bytes, MAX_BACKUP_FILE_BYTES, 'a file of datasets');
  }
  const kind = fileKind(file.text);
  if (kind === 'backup') {
    return err({
      kind: 'backup',
      message: `${file.name} is a backup of all settings, not a dataset file. To bring it back, use “Restore from a backup file” below. Nothing was changed.`,
    });
  }
  if (kind === 'dataset') {
    if (bytes > MAX_IMPORT_BYTES)
      return tooLarge(file.name, bytes, MAX_IMPORT_BYTES, 'a dataset file');
    const read = readDatasetFile(file.text);
    if (!read.ok) return err({ kind: 'invalid', issues: read.error });
    return writer.add([{ dataset: read.value, origin: 'imported' }]);
  }
  const backup = parseBackup(file.text);
  if (!backup.ok) return err({ kind: 'invalid', issues: backup.error });
  const datasets = backup.value.datasets ?? [];
  if (datasets.length === 0) {
    return err({
      kind: 'invalid',
      issues: [{ path: 'datasets', message: 'the file holds no datasets' }],
    });
  }
  const valid = validateBackupDatasets(datasets);
  if (!valid.ok) return err({ kind: 'invalid', issues: valid.error });
  // A file of datasets brings them in switched on, as a fresh import does.
  return writer.add(valid.value.map((one) => ({ ...one, enabled: true, addedAt: undefined })));
}
