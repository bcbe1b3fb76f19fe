// Import and export of dataset files: size-limited, fully validated, all-or-nothing, id collisions reported.
import { parseDataset, type Result } from './parse';
import type { Dataset, DatasetIssue } from './schema';

/** Files larger than this are refused before they are parsed. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

function utf8Length(text: string): number {
  // Each UTF-16 unit is 1–3 UTF-8 bytes, so only texts in between need counting.
  if (text.length > MAX_IMPORT_BYTES) return text.length;
  if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

type Collection = 'sources' | 'entities' | 'facts' | 'quotes' | 'events' | 'relations';
const COLLECTIONS: readonly Collection[] = [
  'sources',
  'entities',
  'facts',
  'quotes',
  'events',
  'relations',
];

/** Every id of `incoming` that an `existing` dataset already uses, as issues (nothing is overwritten). */
export function findCollisions(incoming: Dataset, existing: readonly Dataset[]): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  for (const other of existing) {
    if (other.id === incoming.id) {
      issues.push({
        path: 'id',
        message: `a dataset with id "${incoming.id}" ("${other.name}") already exists`,
      });
    }
  }
  for (const collection of COLLECTIONS) {
    const owners = new Map<string, Dataset>();
    for (const other of existing) {
      for (const item of other[collection]) if (!owners.has(item.id)) owners.set(item.id, other);
    }
    incoming[collection].forEach((item: { id: string }, index: number) => {
      const owner = owners.get(item.id);
      if (owner) {
        issues.push({
          path: `${collection}[${index}].id`,
          message: `id "${item.id}" is already used in ${collection} of dataset "${owner.id}" ("${owner.name}")`,
        });
      }
    });
  }
  return issues;
}

/**
 * Reads a dataset file. Either the whole file is accepted (a validated Dataset whose ids clash
 * with none of `existing`) or nothing is, with every problem listed.
 */
export function importDataset(
  text: string,
  existing: readonly Dataset[],
): Result<Dataset, DatasetIssue[]> {
  const bytes = utf8Length(text);
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      error: [
        {
          path: '(file)',
          message: `the file is ${mb(bytes)} MB; the limit is ${mb(MAX_IMPORT_BYTES)} MB`,
        },
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: [{ path: '(file)', message: `not a JSON file: ${reason}` }] };
  }
  const parsed = parseDataset(json);
  if (!parsed.ok) return parsed;
  const collisions = findCollisions(parsed.value, existing);
  return collisions.length > 0 ? { ok: false, error: collisions } : parsed;
}

/** The dataset as a file's text; importDataset() of it gives back an identical dataset. */
export function exportDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
