// Build-time gate for the bundled dataset: the same parse and provenance check the tests and the extension run, plus
// the editorial rules for data we ship (standalone.ts), failing loudly.
//
// Why at build time: PRODUCT says the build fails if a quote or fact no longer appears verbatim
// in its source. wxt.config.ts calls this from its `build:before` hook, so `npm run build` stops
// before bundling a seed.json the background would refuse at start-up — or one whose facts do not stand
// on their own (standalone.ts says why those rules run here and not in parseDataset).
import { parseDataset } from './parse';
import type { DatasetIssue } from './schema';
import { standaloneIssues } from './standalone';

/** Throws an Error listing every problem of the dataset file `text` (each with its item and JSON path). */
export function checkBundledDataset(text: string, file = 'assets/kb/seed.json'): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const result = parseDataset(json);
  const issues: DatasetIssue[] = result.ok ? standaloneIssues(result.value) : result.error;
  if (issues.length === 0) return;
  const count = issues.length;
  throw new Error(
    `${file} fails validation (${count} problem${count === 1 ? '' : 's'}; edit assets/kb/seed.annotations.json and run node scripts/kb-build.mjs):\n${issues
      .map((issue) => `  ${issue.path}: ${issue.message}`)
      .join('\n')}`,
  );
}
