// The options page's use of lib/kb: the bundled dataset's summary, validation of imported files, entity names.
import seed from '../../assets/kb/seed.json';
import { parseDataset } from '../../lib/shared/kb/parse';
import type { Dataset } from '../../lib/shared/kb/schema';
import { importDataset } from '../../lib/shared/kb/transfer';
import { ok, type Result } from '../../lib/shared/result';
import { describeProblems } from '../../lib/shared/settings/dataset-damage';
import type { ImportIssue, ValidDataset } from '../../lib/shared/settings/datasets';
import type { DatasetCounts } from '../../lib/shared/settings/schema';

export function countsOf(dataset: Dataset): DatasetCounts {
  return {
    entities: dataset.entities.length,
    quotes: dataset.quotes.length,
    events: dataset.events.length,
  };
}

export interface Bundled {
  name: string;
  counts: DatasetCounts;
  /** The parsed dataset, or null if the build shipped a broken one (then only a message shows). */
  data: Dataset | null;
}

export function bundledDataset(): Bundled {
  const parsed = parseDataset(seed);
  if (!parsed.ok)
    return {
      name: 'Bundled dataset (damaged in this build)',
      counts: { entities: 0, quotes: 0, events: 0 },
      data: null,
    };
  return { name: parsed.value.name, counts: countsOf(parsed.value), data: parsed.value };
}

/**
 * Parsed once per object: a file of several datasets is checked one dataset at a time against the same
 * stored ones and those accepted before it, which would otherwise be parsed again for each.
 */
const parsedOnce = new WeakMap<object, Dataset | null>();

/** Stored datasets back as Datasets; ones that no longer validate cannot clash and are left out. */
function asDatasets(values: readonly unknown[]): Dataset[] {
  return values.flatMap((value) => {
    if (typeof value !== 'object' || value === null) return [];
    let dataset = parsedOnce.get(value);
    if (dataset === undefined) {
      const parsed = parseDataset(value);
      dataset = parsed.ok ? parsed.value : null;
      parsedOnce.set(value, dataset);
    }
    return dataset ? [dataset] : [];
  });
}

/** Why stored dataset data can't be used (lib/kb's problems, shortly), or null if it is a valid dataset. */
export function storedDatasetProblem(value: unknown): string | null {
  const parsed = parseDataset(value);
  return parsed.ok ? null : describeProblems(parsed.error);
}

/** Validates a dataset file's text against lib/kb's schema and the ids of `existing` datasets. */
export function validateDataset(
  text: string,
  existing: readonly unknown[],
): Result<ValidDataset, ImportIssue[]> {
  const imported = importDataset(text, asDatasets(existing));
  if (!imported.ok) return imported;
  const dataset = imported.value;
  return ok({ id: dataset.id, name: dataset.name, data: dataset, counts: countsOf(dataset) });
}

/** id → display name of every entity in `datasets` (loosely read: a name is only a label). */
export function entityNames(datasets: readonly unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const dataset of datasets) {
    const entities = (dataset as { entities?: unknown } | null)?.entities;
    if (!Array.isArray(entities)) continue;
    for (const entity of entities) {
      const { id, name } = (entity ?? {}) as { id?: unknown; name?: unknown };
      if (typeof id === 'string' && typeof name === 'string' && !names.has(id)) names.set(id, name);
    }
  }
  return names;
}
