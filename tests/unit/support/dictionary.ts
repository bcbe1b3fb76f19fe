// Reading the dictionary the background builds (lib/background/page-dictionary.ts) in tests: its entities' entries.
import type { DictionaryEntry, EntityEntry } from '../../../lib/shared/messaging';

/** The entity ids of the dictionary, in its order (other places and shared names left out). */
export function entityIds(entries: readonly DictionaryEntry[]): string[] {
  return entries.flatMap((entry) => ('entityId' in entry ? [entry.entityId] : []));
}

/** The entry of one entity, if the dictionary has it. */
export function entityEntry(
  entries: readonly DictionaryEntry[],
  entityId: string,
): EntityEntry | undefined {
  return entries.find(
    (entry): entry is EntityEntry => 'entityId' in entry && entry.entityId === entityId,
  );
}

/** The entity a matched entry stands for when it decides on its own, as a page would paint it. */
export function paintedId(entries: readonly DictionaryEntry[], index: number): string | undefined {
  const entry = entries[index];
  if (!entry) return undefined;
  if ('entityId' in entry) return entry.entityId;
  if ('among' in entry && entry.among.length === 1) {
    const only = entries[entry.among[0] as number];
    return only && 'entityId' in only ? only.entityId : undefined;
  }
  return undefined;
}
