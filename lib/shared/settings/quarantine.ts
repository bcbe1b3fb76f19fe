// The set-aside area: stored values that could not be read are kept here, whole, until the user exports or dismisses them.
import { storage } from 'wxt/utils/storage';
import { withLock } from './lock';
import { type QuarantineEntry, QuarantineEntrySchema } from './schema';

export const QUARANTINE_KEY = 'local:quarantine' as const;
export const QUARANTINE_LOCK = 'quarantine';

/**
 * Reads the set-aside entries. Never fails: if the quarantine itself is unreadable, its raw
 * value is presented as one more entry, so even that is not lost.
 */
export async function readQuarantine(): Promise<QuarantineEntry[]> {
  return toEntries(await storage.getItem<unknown>(QUARANTINE_KEY));
}

export function toEntries(raw: unknown): QuarantineEntry[] {
  if (raw == null) return [];
  if (Array.isArray(raw)) {
    const entries: QuarantineEntry[] = [];
    for (const item of raw) {
      const parsed = QuarantineEntrySchema.safeParse(item);
      entries.push(
        parsed.success
          ? parsed.data
          : {
              key: QUARANTINE_KEY,
              reason: 'unreadable set-aside entry',
              at: '',
              version: null,
              raw: item,
            },
      );
    }
    return entries;
  }
  return [{ key: QUARANTINE_KEY, reason: 'unreadable set-aside data', at: '', version: null, raw }];
}

/** Adds an entry unless an identical value from the same key is already kept. */
export function withEntry(entries: QuarantineEntry[], entry: QuarantineEntry): QuarantineEntry[] {
  const same = (e: QuarantineEntry) =>
    e.key === entry.key && JSON.stringify(e.raw) === JSON.stringify(entry.raw);
  return entries.some(same) ? entries : [...entries, entry];
}

/** Removes the set-aside entries read from `key` (the user removed what they belonged to). */
export function discardQuarantined(key: string): Promise<void> {
  return withLock(QUARANTINE_LOCK, async () => {
    const entries = await readQuarantine();
    const rest = entries.filter((entry) => entry.key !== key);
    if (rest.length === entries.length) return;
    if (rest.length === 0) await storage.removeItem(QUARANTINE_KEY);
    else await storage.setItem(QUARANTINE_KEY, rest);
  });
}

/** Removes every set-aside entry (the user has exported them or chose to discard them). */
export function clearQuarantine(): Promise<void> {
  return withLock(QUARANTINE_LOCK, () => storage.removeItem(QUARANTINE_KEY));
}

export function watchQuarantine(cb: (entries: QuarantineEntry[]) => void): () => void {
  return storage.watch<unknown>(QUARANTINE_KEY, (raw) => cb(toEntries(raw)));
}
