// A knowledge store for one test: its own in-memory database, the background's owner over it (bundled dataset
// installed), and the access an extension page gets, answering with the background's own code instead of messages.
import seed from '../../../assets/kb/seed.json';
import { KnowledgeOwner } from '../../../lib/background/knowledge';
import { answerKnowledgeRequests } from '../../../lib/background/knowledge-requests';
import { KnowledgeWriter } from '../../../lib/background/store/writer';
import type { KnowledgeAccess } from '../../../lib/pages/knowledge-access';
import { type DictionaryItem, dictionaryItem } from '../../../lib/shared/kb/dictionary';
import { parseDataset } from '../../../lib/shared/kb/parse';
import type { Dataset } from '../../../lib/shared/kb/schema';
import { compileMatcher, type Matcher } from '../../../lib/shared/match/matcher';
import { openKnowledgeDb } from '../../../lib/shared/store/db';
import { KnowledgeReader } from '../../../lib/shared/store/read';
import { watchKnowledge } from '../../../lib/shared/store/signal';

let count = 0;

export interface TestKnowledge {
  owner: KnowledgeOwner;
  access: KnowledgeAccess;
}

/** A fresh store with `bundled` (the build's seed by default) installed as the bundled dataset. */
export async function freshKnowledge(bundled?: Dataset): Promise<TestKnowledge> {
  const db = openKnowledgeDb(`backstory-test-${++count}`);
  const owner = bundled === undefined ? new KnowledgeOwner(db) : new KnowledgeOwner(db, bundled);
  await owner.ready;
  return {
    owner,
    access: {
      reader: owner.reader,
      requests: answerKnowledgeRequests(owner),
      watch: (onChange) => watchKnowledge(() => onChange()),
    },
  };
}

/** Imports `dataset` as a reader would, failing the test if the store refuses it. */
export async function importDataset(
  knowledge: TestKnowledge,
  dataset: { id: string },
): Promise<void> {
  const result = await knowledge.access.requests.importDatasetFile({
    name: `${dataset.id}.json`,
    text: JSON.stringify(dataset),
  });
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.error)}`);
}

/** A reader over a fresh store holding just `datasets` (no bundled dataset), imported one after another. */
export async function readerWith(...datasets: Dataset[]): Promise<KnowledgeReader> {
  const db = openKnowledgeDb(`backstory-test-${++count}`);
  const writer = new KnowledgeWriter(db, () => undefined);
  const added = await writer.add(
    datasets.map((dataset, i) => ({
      dataset,
      origin: 'imported',
      addedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    })),
  );
  if (!added.ok) throw new Error(`store refused: ${JSON.stringify(added.error)}`);
  return new KnowledgeReader(db);
}

/** The bundled dataset's dictionary and a matcher over it, as the background builds them. */
export function seedDictionary(): { entries: DictionaryItem[]; matcher: Matcher } {
  const parsed = parseDataset(seed);
  if (!parsed.ok) throw new Error('the bundled dataset is invalid');
  const entries = parsed.value.entities.map(dictionaryItem);
  return { entries, matcher: compileMatcher(entries) };
}
