// Where Backstory's main-thread time goes on one page: a V8 CPU profile of one run, top functions by self time (unminified bundle).
// Usage: node bench/profile.mjs <page path, e.g. /corpus/bbc-1.html> [more pages]
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { closePage, launchBrowser, openPage } from './lib/browser.mjs';
import { buildBundles } from './lib/bundles.mjs';
import { combinedPattern, EXCLUDE, loadDictionary, markTerms } from './lib/dictionary.mjs';
import { densePage, manyNodesPage, seedParagraphs, servePages } from './lib/pages.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;
const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: node bench/profile.mjs /corpus/bbc-1.html [...]');
  process.exit(2);
}
const bundles = await buildBundles(ROOT, { minify: false });
const { entries, tables, pageEntries } = await loadDictionary(ROOT, build);
const config = {
  entries,
  tables,
  pageEntries,
  ...markTerms(entries),
  ...combinedPattern(entries),
  exclude: EXCLUDE,
  list: false,
};
const paragraphs = seedParagraphs(resolve(ROOT, '../shared/seed/000_933baf935723bedd.txt'));
const generated = new Map([
  ['/gen/dense-1024k.html', densePage(paragraphs, 1024 * KB)],
  ['/gen/nodes-200k.html', manyNodesPage(paragraphs)],
]);
const demo = join(ROOT, 'tests/fixtures/pages/demo.html');
const server = await servePages({
  corpusDir: resolve(ROOT, '../shared/corpus'),
  demoFile: existsSync(demo) ? demo : undefined,
  generated,
});
const browser = await launchBrowser();
const contender = process.env.CONTENDER ?? 'backstory';
try {
  for (const path of paths) {
    const { page, cdp } = await openPage(
      browser,
      server.origin + path,
      contender === 'backstory' ? bundles.early : null,
    );
    await page.evaluate(bundles[contender]);
    if (process.env.TRACE) {
      // The main-thread tasks of the run over 20 ms, with what they spent their time on.
      await page.tracing.start({
        categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8.execute'],
      });
      const result = await page.evaluate((c) => window.__bench.run(c), config);
      const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
      const start = events.find((e) => e.name === 'bench:start');
      const main = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X');
      const tasks = main.filter(
        (e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= start.ts && e.dur > 20_000,
      );
      console.log(
        `\n${path}: painted ${result.painted.toFixed(0)} ms, tasks over 20 ms: ${tasks.length}`,
      );
      for (const t of tasks) {
        const inside = main.filter(
          (e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 1000,
        );
        const sums = new Map();
        for (const e of inside) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
        console.log(
          `  task at +${((t.ts - start.ts) / 1000).toFixed(0)} ms: ${(t.dur / 1000).toFixed(1)} ms wall, ${((t.tdur ?? 0) / 1000).toFixed(1)} ms CPU:`,
          [...sums]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 10)
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(', '),
        );
      }
      await closePage(page);
      continue;
    }
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const result = await page.evaluate((c) => window.__bench.run(c), config);
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i]);
      const f = node.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    }
    const total = [...self.entries()].filter(([k]) => !k.startsWith('(idle)'));
    const sum = total.reduce((s, [, v]) => s + v, 0);
    console.log(
      `\n${path}: painted ${result.painted.toFixed(0)} ms, matches ${result.matches}, non-idle samples ${sum.toFixed(1)} ms`,
      result.extra,
    );
    for (const [k, v] of total.sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
    await closePage(page);
  }
} finally {
  await browser.close();
  server.close?.();
}
