// The knowledge every context reads: the bundled dataset plus every enabled import, validated, as one KnowledgeBase.
import seed from '../../../assets/kb/seed.json';
import { describeProblems } from '../settings/dataset-damage';
import {
  getDatasetIndex,
  isInUse,
  readEnabledDatasets,
  setDatasetAside,
} from '../settings/datasets';
import type { DatasetIndex } from '../settings/schema';
import { KnowledgeBase } from './knowledge-base';
import { parseDataset } from './parse';
import type { Dataset } from './schema';

export interface LoadedDatasets {
  kb: KnowledgeBase;
  /** Changes whenever the set of datasets does. */
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

export async function loadDatasets(): Promise<LoadedDatasets> {
  const datasets: Dataset[] = [parseBundled()];
  const skipped: LoadedDatasets['skipped'] = [];
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
  return { kb: new KnowledgeBase(datasets), version, skipped };
}
