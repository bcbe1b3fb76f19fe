// The background's knowledge base: the bundled dataset plus every enabled import, rebuilt when datasets change.
import seed from '../../assets/kb/seed.json';
import { KnowledgeBase } from '../shared/kb/knowledge-base';
import { parseDataset } from '../shared/kb/parse';
import type { Dataset } from '../shared/kb/schema';
import { buildMatcherTables } from '../shared/match/matcher';
import { type EncodedTables, encodeTables } from '../shared/match/tables-transfer';
import type { DictionaryEntry } from '../shared/messaging';
import { describeProblems } from '../shared/settings/dataset-damage';
import {
  getDatasetIndex,
  isInUse,
  readEnabledDatasets,
  setDatasetAside,
} from '../shared/settings/datasets';
import type { DatasetIndex } from '../shared/settings/schema';

export interface LoadedKnowledge {
  kb: KnowledgeBase;
  dictionary: DictionaryEntry[];
  /** The dictionary's matcher tables, built once here for every frame. */
  tables: EncodedTables;
  /** Changes whenever the set of datasets does, so tabs refetch the dictionary only then. */
  version: string;
  /** Stored datasets that no longer validate: left out, and set aside so options and the popup say so. */
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

/** Names the set of enabled datasets; equal versions mean equal dictionaries. */
export function datasetsVersion(index: DatasetIndex): string {
  const enabled = index.filter(isInUse);
  return ['bundled', ...enabled.map((entry) => `${entry.id}@${entry.importedAt}`)].join('|');
}

/** The version the stored dataset index asks for now (a cheap read, unlike loading the datasets). */
export async function currentDatasetsVersion(): Promise<string> {
  return datasetsVersion(await getDatasetIndex());
}

export async function loadKnowledge(): Promise<LoadedKnowledge> {
  const datasets: Dataset[] = [parseBundled()];
  const skipped: LoadedKnowledge['skipped'] = [];
  const version = await currentDatasetsVersion();
  for (const { entry, data } of await readEnabledDatasets()) {
    const parsed = parseDataset(data);
    if (parsed.ok) datasets.push(parsed.value);
    else {
      const reason = describeProblems(parsed.error);
      skipped.push({ id: entry.id, reason });
      // Never silently: the entry is marked damaged (options shows it) and its data kept for export.
      await setDatasetAside(entry, reason);
    }
  }
  const kb = new KnowledgeBase(datasets);
  const dictionary = kb
    .dictionary()
    .map(({ entityId, kind, aliases, excludes }) =>
      excludes ? { entityId, kind, aliases, excludes } : { entityId, kind, aliases },
    );
  // Sent to every frame: ~110 KB as JSON for the seed; the 10 MB storage budget bounds imports to ~100,000
  // small entities, ~47 MB, inside Chrome's 64 MiB message limit (copy cost at that size not measured).
  const tables = encodeTables(buildMatcherTables(dictionary));
  return { kb, dictionary, tables, version, skipped };
}
