// Restoring a backup's settings and resetting them to defaults: every stored item written at once, under every
// item's lock. (A backup's datasets go to the background, which owns the knowledge store.)
import { type StorageItemKey, storage } from 'wxt/utils/storage';
import type { DatasetIssue } from '../kb/schema';
import { err, ok, type Result } from '../result';
import type { Backup } from './backup';
import { withLock } from './lock';
import { QUARANTINE_KEY, QUARANTINE_LOCK, readQuarantine } from './quarantine';
import { mutedItem, settingsItem, stylesItem } from './store';

/**
 * Runs `task` holding the lock of every settings item — always settings, styles, muted in this order (every other
 * writer takes one of them, then perhaps the quarantine's), so no two wait on each other.
 */
function withEveryItem<R>(task: () => Promise<R>): Promise<R> {
  return settingsItem.transact(() => stylesItem.transact(() => mutedItem.transact(task)));
}

/** "Restored settings, styles, 2 datasets." for the success message. */
export function restoredLine(backup: Backup): string {
  const count = backup.datasets?.length ?? 0;
  const parts = [
    backup.settings && 'settings',
    backup.styles && 'styles',
    backup.muted && 'muted entities',
    backup.datasets && `${count} dataset${count === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return `Restored ${parts.join(', ') || 'nothing (the file was empty)'}.`;
}

/**
 * Writes the settings sections of a backup (settings, styles, muted) in one storage write, under the locks; the
 * sections the file lacks are left as they are. Set-aside data in the file is added to the current set-aside data,
 * never put back in place.
 */
export function restoreSettings(backup: Backup): Promise<Result<void, DatasetIssue[]>> {
  return withEveryItem(() =>
    withLock(QUARANTINE_LOCK, async (): Promise<Result<void, DatasetIssue[]>> => {
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
      if (backup.quarantine && backup.quarantine.length > 0) {
        const kept = await readQuarantine();
        const seen = new Set(kept.map((entry) => JSON.stringify([entry.key, entry.raw])));
        const added = backup.quarantine.filter(
          (entry) => !seen.has(JSON.stringify([entry.key, entry.raw])),
        );
        writes.push({ key: QUARANTINE_KEY, value: [...kept, ...added] });
      }
      if (writes.length === 0) return ok(undefined);
      try {
        await storage.setItems(writes);
      } catch (error) {
        return err([
          {
            path: '(root)',
            message: `the browser refused to store the settings (${(error as Error).message}).`,
          },
        ]);
      }
      return ok(undefined);
    }),
  );
}

/**
 * Settings back to a fresh install's: default settings and styles, nothing muted. Set-aside data stays. Under every
 * item's lock, so an edit made meanwhile is either reset or kept whole. (Imported datasets: the background.)
 */
export function resetSettings(): Promise<void> {
  return withEveryItem(async () => {
    const items = [settingsItem, stylesItem, mutedItem];
    await storage.removeItems(
      items.flatMap((item) => [item.key, `${item.key}$` as StorageItemKey]),
    );
  });
}
