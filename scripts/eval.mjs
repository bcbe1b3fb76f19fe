// Scores the extractor on the hand-labelled corpus pages and the seed article (npm run eval [-- --split dev|test] [--errors] [--json]).
//
// Labels: tests/fixtures/extract/labels/<page>.json for <corpus>/<page>.html (../shared/corpus or
// $BACKSTORY_CORPUS); a dev page may also live in ../shared/dev-corpus ($BACKSTORY_DEV_CORPUS), which
// CI and fresh clones lack: a page whose HTML is found nowhere is skipped with a note on stderr. Test
// pages are read from the corpus only. The seed article's labels are read off assets/kb/seed.json. Known entities
// come from the seed dataset on corpus pages and from nothing on the seed page (it would find itself).
// --errors lists per-item errors of dev pages only: test pages are for measuring, not tuning.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { parseHtml } from './extract-eval/parse-html.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const showErrors = args.includes('--errors');
const splitAt = args.indexOf('--split');
const only = splitAt >= 0 ? args[splitAt + 1] : 'all';
if (!['dev', 'test', 'all'].includes(only)) {
  console.error('usage: npm run eval -- [--split dev|test|all] [--errors] [--json]');
  process.exit(2);
}
const splits = only === 'all' ? ['dev', 'test'] : [only];

const jiti = createJiti(import.meta.url);
const { PageLabelsSchema, seedLabels, seedPage } = await jiti.import(
  join(root, 'scripts/extract-eval/labels.ts'),
);
const { evaluatePage, formatReport, summarize } = await jiti.import(
  join(root, 'scripts/extract-eval/evaluate.ts'),
);
const { dictionaryItem } = await jiti.import(join(root, 'lib/shared/kb/dictionary.ts'));
const { findCorpusDir, findDevCorpusDir } = await jiti.import(
  join(root, 'scripts/extract-eval/corpus.ts'),
);
const corpus = findCorpusDir(root);
const devCorpus = findDevCorpusDir(root);

const seed = JSON.parse(readFileSync(join(root, 'assets/kb/seed.json'), 'utf8'));
const dictionary = seed.entities.map(dictionaryItem);
const pages = [{ labels: seedLabels(seed), html: seedPage(seed), dictionary: [] }];
const labelDir = join(root, 'tests/fixtures/extract/labels');
for (const file of readdirSync(labelDir)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const labels = PageLabelsSchema.parse(JSON.parse(readFileSync(join(labelDir, file), 'utf8')));
  const dirs = labels.split === 'dev' && devCorpus ? [corpus, devCorpus] : [corpus];
  const dir = dirs.find((d) => existsSync(join(d, `${labels.page}.html`)));
  if (!dir) {
    console.error(`skipped ${labels.page}: no ${labels.page}.html in ${dirs.join(' or ')}`);
    continue;
  }
  const html = readFileSync(join(dir, `${labels.page}.html`), 'utf8');
  pages.push({ labels, html, dictionary });
}
const results = pages
  .filter((page) => splits.includes(page.labels.split))
  .map((page) => evaluatePage(page, (html) => parseHtml(html)));
if (json) {
  const report = {
    splits: splits.map((split) => summarize(results, split)),
    pages: results.map(({ score, ...rest }) =>
      rest.split === 'dev' && showErrors ? { ...rest, errors: score.errors } : rest,
    ),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  console.log(formatReport(results, splits, showErrors));
}
