// Times "Save this article" extraction in headless Chromium: DOMParser + extractDraft per corpus page, cold and warm (node bench/extract/run.mjs [--runs N]).
//
// The budget (../shared/PRODUCT.md): extracting a 1.6 MB page (yahoo-2) takes at most 300 ms in the
// side panel. The page runs in about:blank with every request blocked; only timings and counts are printed.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createJiti } from 'jiti';
import { launchBrowser } from '../lib/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 5;
const BUDGET_MS = 300;

const bundle = await build({
  entryPoints: [join(ROOT, 'bench/extract/entry.ts')],
  bundle: true,
  format: 'iife',
  minify: true,
  write: false,
  target: 'chrome120',
  logLevel: 'error',
});
const code = bundle.outputFiles[0].text;
const jiti = createJiti(import.meta.url);
const { dictionaryItem } = await jiti.import(join(ROOT, 'lib/shared/kb/dictionary.ts'));
const { findCorpusDir } = await jiti.import(join(ROOT, 'scripts/extract-eval/corpus.ts'));
const CORPUS = findCorpusDir(ROOT);
const seed = JSON.parse(readFileSync(join(ROOT, 'assets/kb/seed.json'), 'utf8'));
const dictionary = seed.entities.map(dictionaryItem);

const browser = await launchBrowser();
let failed = false;
try {
  console.log(`bundle ${(code.length / 1024).toFixed(0)} KB minified; ${RUNS} warm runs per page`);
  console.log(
    `${'page'.padEnd(18)} ${'KB'.padStart(6)} ${'cold'.padStart(6)} ${'warm-up'.padStart(8)} ${'first'.padStart(6)} ${'median'.padStart(7)} ${'max'.padStart(6)}`,
  );
  for (const file of readdirSync(CORPUS)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    const html = readFileSync(join(CORPUS, file), 'utf8');
    const fresh = async () => {
      const page = await browser.newPage();
      await page.goto('about:blank');
      await page.addScriptTag({ content: code });
      return page;
    };
    // Cold: a fresh page's first Save. First: the first Save after the panel warmed up while idle.
    const coldPage = await fresh();
    const cold = await coldPage.evaluate((h, d) => window.__extract(h, d), html, dictionary);
    await coldPage.close();
    const page = await fresh();
    const warmUp = await page.evaluate(() => window.__warmUp());
    const first = await page.evaluate((h, d) => window.__extract(h, d), html, dictionary);
    const warm = [];
    for (let i = 0; i < RUNS; i++)
      warm.push((await page.evaluate((h, d) => window.__extract(h, d), html, dictionary)).ms);
    await page.close();
    warm.sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)];
    const name = file.replace(/\.html$/, '');
    const over = name === 'yahoo-2' && first.ms > BUDGET_MS;
    failed ||= over;
    const ms = (n) => n.toFixed(0);
    console.log(
      `${name.padEnd(18)} ${ms(html.length / 1024).padStart(6)} ${ms(cold.ms).padStart(6)} ${ms(warmUp).padStart(8)} ${ms(first.ms).padStart(6)} ${ms(median).padStart(7)} ${ms(warm[warm.length - 1]).padStart(6)}${over ? `  OVER ${BUDGET_MS} ms` : ''}`,
    );
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
