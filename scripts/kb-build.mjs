// Builds assets/kb/seed.json from the readable annotations and the raw article (node scripts/kb-build.mjs [--check]).
//
// The logic lives in lib/shared/kb/annotations.ts (TypeScript, shared with the test that keeps seed.json
// up to date); jiti (already installed with WXT and Vite) runs it without a separate compile step.
// --check exits non-zero if seed.json differs from what the annotations produce. Either way it fails, listing each
// item and JSON path, if the dataset does not validate or breaks an editorial rule (lib/shared/kb/standalone.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jiti = createJiti(import.meta.url);
const { AnnotationsSchema, buildDataset } = await jiti.import(
  join(root, 'lib/shared/kb/annotations.ts'),
);
const { parseDataset } = await jiti.import(join(root, 'lib/shared/kb/parse.ts'));
const { exportDataset } = await jiti.import(join(root, 'lib/shared/kb/transfer.ts'));
const { standaloneIssues } = await jiti.import(join(root, 'lib/shared/kb/standalone.ts'));

const annotations = AnnotationsSchema.parse(
  JSON.parse(readFileSync(join(root, 'assets/kb/seed.annotations.json'), 'utf8')),
);
const raw = readFileSync(join(root, 'assets/kb/seed.source.txt'), 'utf8');
const parsed = parseDataset(buildDataset(annotations, raw));
// The build's own gate (lib/shared/kb/check-bundled.ts) also applies the editorial rules: facts stand on their own.
const issues = parsed.ok ? standaloneIssues(parsed.value) : parsed.error;
if (issues.length > 0) {
  for (const issue of issues) console.error(`${issue.path}: ${issue.message}`);
  process.exit(1);
}
const out = join(root, 'assets/kb/seed.json');
const text = exportDataset(parsed.value);
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error('assets/kb/seed.json is out of date: run node scripts/kb-build.mjs');
    process.exit(1);
  }
  console.log('assets/kb/seed.json is up to date');
} else {
  writeFileSync(out, text);
  const d = parsed.value;
  console.log(
    `wrote assets/kb/seed.json: ${d.entities.length} entities, ${d.facts.length} facts, ${d.quotes.length} quotes, ${d.events.length} events, ${d.relations.length} relations`,
  );
}
