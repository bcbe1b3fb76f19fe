// How an extension page reaches the knowledge: reads straight from the store, writes by asking the background.
//
// Pages read the store themselves (read-only; an IndexedDB read costs no message and no service-worker wake-up) and
// never write it: every change is a typed request to the background, which owns the writes and the dictionary.
// Both halves come as one object so a test can hand a page the background's own code instead of messages.
import { backgroundMessenger } from '../shared/messaging';
import { knowledgeDb } from '../shared/store/db';
import { KnowledgeReader } from '../shared/store/read';
import type { KnowledgeRequests } from '../shared/store/requests';
import { watchKnowledge } from '../shared/store/signal';

export type { KnowledgeRequests } from '../shared/store/requests';

export interface KnowledgeAccess {
  reader: KnowledgeReader;
  requests: KnowledgeRequests;
  /** Calls `onChange` after every committed change to the knowledge; returns the function that stops it. */
  watch(onChange: () => void): () => void;
}

const send = backgroundMessenger.sendMessage;

export const backgroundRequests: KnowledgeRequests = {
  importDatasetFile: (file) => send('importDatasetFile', file),
  setDatasetEnabled: (id, enabled) => send('setDatasetEnabled', { id, enabled }),
  removeDataset: (id) => send('removeDataset', id),
  checkBackupDatasets: (datasets) => send('checkBackupDatasets', datasets),
  restoreDatasets: (datasets) => send('restoreDatasets', datasets),
  removeImportedDatasets: () => send('removeImportedDatasets', undefined),
  findNames: (text) => send('findNames', text),
  sourceNames: (sourceId) => send('sourceNames', sourceId),
  saveArticle: (article) => send('saveArticle', article),
  mergeEntities: (from, into) => send('mergeEntities', { from, into }),
  unmergeEntity: (from) => send('unmergeEntity', from),
  markDistinct: (a, b) => send('markDistinct', { a, b }),
  restoreRemoved: (datasetId) => send('restoreRemoved', datasetId),
};

/** The store this page reads and the background it asks. */
export function pageKnowledge(): KnowledgeAccess {
  return {
    reader: new KnowledgeReader(knowledgeDb()),
    requests: backgroundRequests,
    watch: (onChange) => watchKnowledge(() => onChange()),
  };
}
