// Synthetic knowledge for the extension-pages bench: many small people in Backstory's dataset format, as the files a
// reader imports (one dataset a file, and the "Export all imported datasets" file that carries several).
import { distinctNames } from './dictionary.mjs';

/** Entities a dataset holds at most (lib/shared/kb/schema.ts LIMITS.items). */
const MAX_ITEMS = 100_000;

/**
 * `count` people split into `parts` datasets of `schemaVersion` 1, each entity as small as the format allows: an id,
 * a kind, a name and no aliases (the name is always matched). Returns the datasets as plain objects.
 */
export function syntheticPeopleDatasets(count, parts) {
  const names = distinctNames(count, 13);
  const per = Math.ceil(count / parts);
  if (per > MAX_ITEMS)
    throw new Error(`${per} entities in one dataset: the format allows ${MAX_ITEMS}`);
  const datasets = [];
  for (let p = 0; p < parts; p++) {
    const slice = names.slice(p * per, (p + 1) * per);
    datasets.push({
      schemaVersion: 1,
      id: `bench-people-${p + 1}`,
      name: `Bench people ${p + 1}`,
      sources: [],
      entities: slice.map((name, i) => ({
        id: `b${p + 1}-${(p * per + i).toString(36)}`,
        kind: 'person',
        name,
        aliases: [],
      })),
      facts: [],
      quotes: [],
      events: [],
      relations: [],
    });
  }
  return datasets;
}

/** One dataset file as a reader would have it (compact JSON). */
export const datasetFileText = (dataset) => JSON.stringify(dataset);

/**
 * An "Export all imported datasets" file (lib/shared/settings/backup.ts: `format`, `version`, `datasets` of
 * `{ entry, data }` and nothing only a full backup has), which this build imports through the same file input.
 */
export function datasetsFileText(datasets, importedAt = '2026-01-01T00:00:00.000Z') {
  return JSON.stringify({
    format: 'backstory-backup',
    version: 1,
    exportedAt: importedAt,
    datasets: datasets.map((data) => ({
      entry: {
        id: data.id,
        name: data.name,
        enabled: true,
        importedAt,
        bytes: Buffer.byteLength(JSON.stringify(data)),
        counts: { entities: data.entities.length, quotes: 0, events: 0 },
      },
      data,
    })),
  });
}
