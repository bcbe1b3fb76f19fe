// "The knowledge changed": the background announces each committed write in storage.local, where every context sees it.
//
// IndexedDB tells no other context that it changed, and content scripts can't open the extension's database at
// all; storage.local's change events reach every content script and extension page. The value is only the store's
// version number: what changed is read from the store (pages) or asked of the background (content scripts).
import { storage } from 'wxt/utils/storage';

import { KNOWLEDGE_SIGNAL } from './signal-key';

const KEY = `local:${KNOWLEDGE_SIGNAL}` as const;

interface Signal {
  version: number;
}

/** Background only: tells every context that knowledge version `version` is committed. */
export function announceKnowledge(version: number): Promise<void> {
  return storage.setItem<Signal>(KEY, { version });
}

/** The version last announced (0 before the first). */
export async function announcedVersion(): Promise<number> {
  return (await storage.getItem<Signal>(KEY))?.version ?? 0;
}

/** Calls `onChange` with each newly announced version. */
export function watchKnowledge(onChange: (version: number) => void): () => void {
  return storage.watch<Signal>(KEY, (signal) => {
    if (signal) onChange(signal.version);
  });
}
