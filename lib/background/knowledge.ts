// The background's knowledge: the datasets every context reads, plus the dictionary and matcher tables tabs get.
import { type LoadedDatasets, loadDatasets } from '../shared/kb/load';
import { buildMatcherTables } from '../shared/match/matcher';
import { type EncodedTables, encodeTables } from '../shared/match/tables-transfer';
import type { DictionaryEntry } from '../shared/messaging';

export { currentDatasetsVersion, datasetsVersion, parseBundled } from '../shared/kb/load';

export interface LoadedKnowledge extends LoadedDatasets {
  dictionary: DictionaryEntry[];
  /** The dictionary's matcher tables, built once here for every frame. */
  tables: EncodedTables;
}

export async function loadKnowledge(): Promise<LoadedKnowledge> {
  const loaded = await loadDatasets();
  const dictionary = loaded.kb
    .dictionary()
    .map(({ entityId, kind, aliases, excludes }) =>
      excludes ? { entityId, kind, aliases, excludes } : { entityId, kind, aliases },
    );
  // Sent to every frame: ~110 KB as JSON for the seed; the 10 MB storage budget bounds imports to ~100,000
  // small entities, ~47 MB, inside Chrome's 64 MiB message limit (copy cost at that size not measured).
  const tables = encodeTables(buildMatcherTables(dictionary));
  return { ...loaded, dictionary, tables };
}
