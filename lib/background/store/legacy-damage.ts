// Legacy dataset data that can't be carried into the store (missing, not a valid dataset, or listed nowhere) is
// moved into the quarantine, never dropped: options shows it there, for export.
import { type StorageItemKey, storage } from 'wxt/utils/storage';
import { withLock } from '../../shared/settings/lock';
import {
  discardQuarantined,
  QUARANTINE_KEY,
  QUARANTINE_LOCK,
  readQuarantine,
  withEntry,
} from '../../shared/settings/quarantine';
import type { DatasetEntry } from '../../shared/settings/schema';
import type { Extra } from '../../shared/settings/stored-item';
import { datasetIdOfKey, datasetIndexItem, datasetKey } from './legacy-index';

const MISSING = 'its data is missing from storage';
const UNLISTED =
  'its data is listed nowhere (its entry in the list of datasets could not be read), so it is left out. Export the set-aside data to keep it, and import the dataset again.';

/** The problems lib/kb found in stored data, shortly: the first one with its JSON path, and how many more. */
export function describeProblems(issues: readonly { path: string; message: string }[]): string {
  const [first] = issues;
  if (!first) return 'unreadable';
  const more = issues.length - 1;
  const rest = more === 0 ? '' : `, and ${more} more problem${more === 1 ? '' : 's'}`;
  return `${first.path}: ${first.message}${rest}`;
}

/** What the notice says about a damaged dataset's data: why, and what to do. */
function quarantineReason(reason: string, kept: boolean): string {
  return kept
    ? `${reason}, so it is left out. Export it to repair the file, or remove the dataset.`
    : `${reason}, so it is left out. Remove the dataset, then import its file again.`;
}

interface Move {
  key: StorageItemKey;
  raw: unknown;
  reason: string;
  /** Whether `key` holds the value, to be emptied as it moves (false when there was nothing to move). */
  fromKey: boolean;
}

/**
 * Adds each value to the quarantine and empties its key in the same write (storage.local.set of
 * null), so the data is moved, never copied: storage use stays the same, which matters near the quota.
 * `write` stores the extra entries with the caller's own value. The caller holds the index lock.
 */
async function moveIntoQuarantine(
  moves: Move[],
  write: (extra: Extra[]) => Promise<void>,
): Promise<void> {
  await withLock(QUARANTINE_LOCK, async () => {
    let entries = await readQuarantine();
    const at = new Date().toISOString();
    for (const { key, raw, reason } of moves)
      entries = withEntry(entries, { key, reason, at, version: null, raw });
    await write([
      { key: QUARANTINE_KEY, value: entries },
      ...moves.filter((move) => move.fromKey).map((move) => ({ key: move.key, value: null })),
    ]);
  });
  const emptied = moves.filter((move) => move.fromKey).map((move) => move.key);
  if (emptied.length > 0) await storage.removeItems(emptied);
}

/**
 * Sets aside a listed dataset whose data is missing, or that lib/kb could not read (`problems`, from
 * describeProblems, says why): the data moves into the quarantine (kept whole for export; it survives a
 * reset) and the entry stays listed, marked damaged, so options can say so. Does nothing if the entry
 * changed meanwhile (removed, imported again, already set aside). Must not be called holding the index lock.
 */
export function setDatasetAside(entry: DatasetEntry, problems?: string): Promise<boolean> {
  return datasetIndexItem.transact(async (index, write) => {
    const current = index.find((other) => other.id === entry.id);
    if (!current || current.damaged || current.importedAt !== entry.importedAt) return false;
    const key = datasetKey(entry.id);
    const raw = await storage.getItem<unknown>(key);
    // Judged on what is stored now: data that vanished since it failed to parse is missing, not invalid.
    const kept = raw != null;
    const reason = kept ? `its data is not a valid dataset (${problems ?? 'unreadable'})` : MISSING;
    const next = index.map((other) =>
      other.id === entry.id ? { ...other, damaged: { reason, kept } } : other,
    );
    const move = { key, raw: kept ? raw : current, reason: quarantineReason(reason, kept) };
    await moveIntoQuarantine([{ ...move, fromKey: kept }], (extra) => write(next, extra));
    return true;
  });
}

/**
 * Moves stored dataset data that no entry lists (its entry was damaged and left out, or an older build
 * stopped between two writes) into the quarantine, where options shows it and a reset keeps it.
 * Returns how many were moved.
 */
export function setAsideUnlistedDatasets(): Promise<number> {
  return datasetIndexItem.transact(async (index, write) => {
    const listed = new Set(index.map((entry) => entry.id));
    const all = await storage.snapshot('local');
    const moves: Move[] = [];
    for (const [key, raw] of Object.entries(all)) {
      const id = datasetIdOfKey(key);
      if (id === null || listed.has(id) || raw == null) continue;
      moves.push({ key: `local:${key}`, raw, reason: UNLISTED, fromKey: true });
    }
    if (moves.length > 0) await moveIntoQuarantine(moves, (extra) => write(index, extra));
    return moves.length;
  });
}

/** Removes the set-aside copy of a damaged dataset's data (the reader removed the dataset, knowing it goes too). */
export function discardLegacyQuarantine(id: string): Promise<void> {
  return discardQuarantined(datasetKey(id));
}
