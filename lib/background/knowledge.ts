// The background's knowledge base: the bundled dataset plus every enabled import, rebuilt when datasets change.
import seed from '../../assets/kb/seed.json';
import { KnowledgeBase } from '../kb/knowledge-base';
import { parseDataset } from '../kb/parse';
import type { Dataset } from '../kb/schema';
import type { DictionaryEntry } from '../messaging';
import { readEnabledDatasets } from '../settings/datasets';

export interface LoadedKnowledge {
  kb: KnowledgeBase;
  dictionary: DictionaryEntry[];
  /** Changes whenever the set of datasets does, so tabs refetch the dictionary only then. */
  version: string;
  /** Stored datasets that no longer validate: left out, and named here so the failure is visible. */
  skipped: { id: string; reason: string }[];
}

export function parseBundled(): Dataset {
  const parsed = parseDataset(seed);
  if (!parsed.ok) {
    // The build's tests validate the bundled file, so this only happens to a broken build.
    throw new Error(`The bundled dataset is invalid: ${JSON.stringify(parsed.error.slice(0, 3))}`);
  }
  return parsed.value;
}

export async function loadKnowledge(): Promise<LoadedKnowledge> {
  const datasets: Dataset[] = [parseBundled()];
  const skipped: LoadedKnowledge['skipped'] = [];
  const versions = ['bundled'];
  for (const { entry, data } of await readEnabledDatasets()) {
    const parsed = parseDataset(data);
    if (parsed.ok) {
      datasets.push(parsed.value);
      versions.push(`${entry.id}@${entry.importedAt}`);
    } else skipped.push({ id: entry.id, reason: parsed.error[0]?.message ?? 'invalid' });
  }
  const kb = new KnowledgeBase(datasets);
  const dictionary = kb
    .dictionary()
    .map(({ entityId, kind, aliases }) => ({ entityId, kind, aliases }));
  const version = versions.join('|');
  return { kb, dictionary, version, skipped };
}
