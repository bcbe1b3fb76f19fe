// Restoring a checked backup and resetting to defaults: every stored item written at once, under every item's lock.
import { type StorageItemKey, storage } from 'wxt/utils/storage';
import { err, ok, type Result } from '../result';
import { type CheckedBackup, checkBackup, checkBackupFileSize } from './backup';
import { datasetIdOfKey } from './dataset-index';
import {
  type DatasetValidator,
  datasetIndexItem,
  datasetKey,
  formatBytes,
  type ImportIssue,
  STORAGE_BUDGET_BYTES,
  storedSize,
} from './datasets';
import { withLock } from './lock';
import { QUARANTINE_KEY, QUARANTINE_LOCK, readQuarantine } from './quarantine';
import { type Current, doneText, planText, restoreChanges } from './restore-summary';
import type { DatasetEntry } from './schema';
import { mutedItem, settingsItem, stylesItem } from './store';

/**
 * Runs `task` holding the lock of every stored item — always settings, styles, muted, datasets in this
 * order (every other writer takes one of them, then perhaps the quarantine's), so no two wait on each
 * other — with their current values, read and repaired under the locks.
 */
function withEveryItem<R>(task: (current: Current) => Promise<R>): Promise<R> {
  return settingsItem.transact((settings) =>
    stylesItem.transact(() =>
      mutedItem.transact((muted) =>
        datasetIndexItem.transact((index) => task({ settings, muted, index })),
      ),
    ),
  );
}

export interface PreparedRestore {
  checked: CheckedBackup;
  /** What restoring would replace, for the confirmation. */
  plan: string[];
}

/** Checks a backup's text completely and says what restoring it would replace; nothing is written. */
export async function prepareRestore(
  fileName: string,
  text: string,
  validate: DatasetValidator,
): Promise<Result<PreparedRestore, ImportIssue[]>> {
  const size = checkBackupFileSize(fileName, new TextEncoder().encode(text).length);
  if (!size.ok) return size;
  const checked = checkBackup(text, validate);
  if (!checked.ok) return checked;
  const current = {
    settings: await settingsItem.get(),
    muted: await mutedItem.get(),
    index: await datasetIndexItem.get(),
  };
  return ok({
    checked: checked.value,
    plan: planText(fileName, restoreChanges(current, checked.value)),
  });
}

function restoredLine({ backup, datasets }: CheckedBackup): string {
  const parts = [
    backup.settings && 'settings',
    backup.styles && 'styles',
    backup.muted && 'muted entities',
    backup.datasets && `${datasets.length} dataset${datasets.length === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return `Restored ${parts.join(', ') || 'nothing (the file was empty)'}.`;
}

/**
 * Restores a checked backup: the sections present in the file replace what is stored, all in one write,
 * under the locks. Sections the file lacks are left as they are. Set-aside data in the file is added to
 * the current set-aside data, never put back in place. Returns the success message: what was restored,
 * then what it replaced (datasets removed named).
 */
export function applyRestore(checked: CheckedBackup): Promise<Result<string[], ImportIssue[]>> {
  const { backup, datasets } = checked;
  return withEveryItem((current) =>
    withLock(QUARANTINE_LOCK, async (): Promise<Result<string[], ImportIssue[]>> => {
      const writes: { key: StorageItemKey; value: unknown }[] = [];
      const meta = (item: { key: StorageItemKey; version: number }) => ({
        key: `${item.key}$` as StorageItemKey,
        value: { v: item.version },
      });
      if (backup.settings)
        writes.push({ key: settingsItem.key, value: backup.settings }, meta(settingsItem));
      if (backup.styles)
        writes.push({ key: stylesItem.key, value: backup.styles }, meta(stylesItem));
      if (backup.muted) writes.push({ key: mutedItem.key, value: backup.muted }, meta(mutedItem));
      if (backup.datasets) {
        const index = datasets.map(({ entry, valid }): DatasetEntry => {
          // Validated just now, so not damaged whatever the file says.
          const { damaged: _, ...rest } = entry;
          return {
            ...rest,
            bytes: storedSize(datasetKey(entry.id).slice('local:'.length), valid.data),
            counts: valid.counts,
          };
        });
        writes.push({ key: datasetIndexItem.key, value: index }, meta(datasetIndexItem));
        for (const { entry, valid } of datasets)
          writes.push({ key: datasetKey(entry.id), value: valid.data });
      }
      if (backup.quarantine && backup.quarantine.length > 0) {
        const kept = await readQuarantine();
        const seen = new Set(kept.map((entry) => JSON.stringify([entry.key, entry.raw])));
        const added = backup.quarantine.filter(
          (entry) => !seen.has(JSON.stringify([entry.key, entry.raw])),
        );
        writes.push({ key: QUARANTINE_KEY, value: [...kept, ...added] });
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
        const stale = current.index
          .filter((entry) => !kept.has(entry.id))
          .map((entry) => datasetKey(entry.id));
        if (stale.length > 0) await storage.removeItems(stale);
      }
      return ok([restoredLine(checked), ...doneText(restoreChanges(current, checked))]);
    }),
  );
}

/** Checks and restores a backup's text in one step (no confirmation; the options page confirms first). */
export async function restoreBackup(
  text: string,
  validate: DatasetValidator,
): Promise<Result<string[], ImportIssue[]>> {
  const size = checkBackupFileSize('the file', new TextEncoder().encode(text).length);
  if (!size.ok) return size;
  const checked = checkBackup(text, validate);
  return checked.ok ? applyRestore(checked.value) : checked;
}

/**
 * Back to a fresh install: default settings and styles, nothing muted, no imported datasets — the data of
 * every `dataset:*` key, listed or not, so nothing is left taking up storage unseen. Set-aside data stays.
 * Under every item's lock, so an edit or import made meanwhile is either reset or kept whole.
 */
export function resetAll(): Promise<void> {
  return withEveryItem(async () => {
    const all = await storage.snapshot('local');
    const data = Object.keys(all)
      .filter((key) => datasetIdOfKey(key) !== null)
      .map((key): StorageItemKey => `local:${key}`);
    const items = [settingsItem, stylesItem, mutedItem, datasetIndexItem];
    await storage.removeItems([
      ...items.flatMap((item) => [item.key, `${item.key}$` as StorageItemKey]),
      ...data,
    ]);
  });
}
