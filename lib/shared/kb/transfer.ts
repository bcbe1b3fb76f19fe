// Dataset files in and out: reading one (size-limited, fully validated, every problem listed) and writing one.
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

/**
 * Reads a dataset file: either the whole file is a valid dataset, or every problem is listed. (Whether its ids are
 * free is the store's question: lib/background/store/writer.ts.)
 */
export function readDatasetFile(text: string): Result<Dataset, DatasetIssue[]> {
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
  return parseDataset(json);
}

/** The dataset as a file's text; readDatasetFile() of it gives back an identical dataset. */
export function exportDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
