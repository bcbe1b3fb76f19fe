// Prints what Save would store for a saved page if the reader accepted everything: the dataset JSON on stdout, diagnostics on stderr.
//
// npm run extract -- <page.html> [--url <https://…>]
// Known entities come from the bundled seed dataset (assets/kb/seed.json), as on a fresh install.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { parseHtml } from './extract-eval/parse-html.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const urlAt = args.indexOf('--url');
const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
const file = args.find((arg, i) => !arg.startsWith('--') && !(urlAt >= 0 && i === urlAt + 1));
if (!file || (urlAt >= 0 && !url)) {
  console.error('usage: npm run extract -- <page.html> [--url <https://…>]');
  process.exit(2);
}

const jiti = createJiti(import.meta.url);
const { extractDraftFromHtml, draftToDataset } = await jiti.import(
  join(root, 'lib/pages/extract/index.ts'),
);
const { dictionaryItem } = await jiti.import(join(root, 'lib/shared/kb/dictionary.ts'));
const { parseDataset } = await jiti.import(join(root, 'lib/shared/kb/parse.ts'));
const { exportDataset } = await jiti.import(join(root, 'lib/shared/kb/transfer.ts'));

let html;
try {
  html = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`cannot read ${file}: ${error.message}`);
  process.exit(1);
}
const seed = JSON.parse(readFileSync(join(root, 'assets/kb/seed.json'), 'utf8'));
const dictionary = seed.entities.map(dictionaryItem);
const started = performance.now();
const result = extractDraftFromHtml(html, (text) => parseHtml(text, url), { url, dictionary });
if (!result.ok) {
  console.error(`not extracted: ${result.error.message}`);
  process.exit(1);
}
const draft = result.value;
const dataset = draftToDataset(draft);
const checked = parseDataset(JSON.parse(JSON.stringify(dataset)));
const took = (performance.now() - started).toFixed(0);
console.error(
  `${draft.article.title}: ${draft.known.length} known and ${draft.candidates.length} new entities ` +
    `(${draft.candidates.filter((c) => c.status === 'unsure').length} unsure, not saved unless accepted), ` +
    `${draft.quotes.length} quotes (${draft.quotes.filter((q) => q.attribution.status === 'blank').length} without a speaker, not saved), ` +
    `${draft.facts.length} facts, ${draft.events.length} events${draft.knownOnly ? '; not in English: known entities only' : ''} in ${took} ms`,
);
for (const omission of draft.omitted)
  console.error(`left out ${omission.what} "${omission.preview}": ${omission.reason}`);
if (!checked.ok) {
  for (const issue of checked.error) console.error(`dataset ${issue.path}: ${issue.message}`);
  process.exit(1);
}
process.stdout.write(exportDataset(dataset));
