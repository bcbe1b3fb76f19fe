// `npm run bench`: Backstory's scan + highlight against mark.js and a bare TreeWalker floor in headless Chromium, plus dictionary scale, live-page cost, memory, bundle size, the popup and side panel opening with the real extension (before/after), and the real extension with a library of 1,000 saved articles against the seed alone; checks the budgets of ../shared/PRODUCT.md.
// Usage: node bench/run.mjs [--quick] [--runs N] [--pages name,name] [--no-build] [--only compare,series,scale,live,memory,bundle,pages,library] [--articles N (the library part's size, 1,000; fewer for a trial)]
// Writes artifacts/bench/results.json and artifacts/bench/report.html; exits 1 if a budget is missed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { measureExtensionPages, PREVIOUS_RELEASE } from './extension-pages.mjs';
import {
  closePage,
  cpuBetween,
  heapAfterGc,
  launchBrowser,
  openPage,
  startTrace,
  stopTrace,
} from './lib/browser.mjs';
import { evaluateBudgets } from './lib/budgets.mjs';
import { buildExtension } from './lib/build.mjs';
import { buildBundles, CONTENDERS } from './lib/bundles.mjs';
import {
  combinedPattern,
  EXCLUDE,
  loadDictionary,
  markTerms,
  syntheticDictionary,
} from './lib/dictionary.mjs';
import { diffMatches } from './lib/diff.mjs';
import { libraryChart } from './lib/library-report.mjs';
import { appendChunk, densePage, manyNodesPage, seedParagraphs, servePages } from './lib/pages.mjs';
import { markdownSummary, printSummary, writeReport } from './lib/report.mjs';
import { median } from './lib/stats.mjs';
import { measureLibrary } from './library-scale.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'artifacts/bench');
const CORPUS = resolve(ROOT, '../shared/corpus');
const SEED = resolve(ROOT, '../shared/seed/000_933baf935723bedd.txt');
const DEMO = join(ROOT, 'tests/fixtures/pages/demo.html');

function parseArgs(argv) {
  const args = { quick: false, runs: null, pages: null, build: true, only: null, articles: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--no-build') args.build = false;
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--pages') args.pages = argv[++i].split(',');
    else if (a === '--only') args.only = new Set(argv[++i].split(','));
    else if (a === '--articles') args.articles = Number(argv[++i]);
    else {
      console.error(`unknown argument ${a}`);
      process.exit(2);
    }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const wants = (part) => !args.only || args.only.has(part);
const RUNS = args.runs ?? (args.quick ? 3 : 5);
const SERIES_RUNS = args.quick ? 1 : 3;
/** A contender whose estimated main-thread CPU time on a page exceeds this is skipped there (and reported as such). */
const RUN_LIMIT_MS = args.quick ? 10_000 : 20_000;
/**
 * mark.js `mark()` is slow; it gets as many of the runs as fit in this much CPU time per page (at least one). A full
 * run gives it room for all its runs on every corpus page but yahoo-2 (about 8 s a run on the slowest of the rest).
 */
const MARKJS_PAGE_BUDGET_MS = args.quick ? 4_000 : 60_000;
const KB = 1024;
const SERIES = args.quick
  ? [100 * KB, 500 * KB, 1024 * KB, 2560 * KB, 5120 * KB]
  : [100 * KB, 250 * KB, 500 * KB, 1024 * KB, 2560 * KB, 5120 * KB];
const LIVE_APPENDS = args.quick ? 5 : 10;
/** Fresh opens of the popup and of the side panel per build and dictionary size. */
const PAGE_RUNS = args.runs ?? (args.quick ? 3 : 7);
/** Runs of each library measurement (rebuild, card, page load, scan, opens, search) per store. */
const LIBRARY_RUNS = args.runs ?? (args.quick ? 3 : 5);
/** The library part's pages: a small page first (the fixed start-up against a mark.js extension), then corpus pages. */
const LIBRARY_LOADS = [
  '/gen/dense-6k.html',
  '/demo.html',
  '/corpus/lemonde-1.html',
  '/corpus/bbc-1.html',
  '/corpus/yahoo-2.html',
];
const LIBRARY_SCANS = [
  '/corpus/lemonde-1.html',
  '/corpus/bbc-1.html',
  '/corpus/nytimes-1.html',
  '/corpus/yahoo-2.html',
];

const started = Date.now();
const log = (...parts) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s]`, ...parts);

function machine() {
  const cpu =
    readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ??
    cpus()[0]?.model ??
    '?';
  let chromium = '?';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {}
  let commit = '?';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {}
  return {
    nproc: cpus().length,
    cpu,
    chromium,
    node: process.version,
    commit,
    loadavgStart: loadavg(),
  };
}

/**
 * Chromium content scripts, built the way the extension ships: every JS file the manifest injects into a page (today
 * only content.js; the default highlight rules are CSS), minified and gzipped.
 */
function measureBundle() {
  const {
    dir,
    outDir,
    built,
    error: buildError,
    present,
  } = buildExtension(ROOT, {
    build: args.build,
  });
  const manifest = join(dir, 'manifest.json');
  if (!present) return { error: buildError ?? `${manifest} missing (run without --no-build)` };
  const scripts = JSON.parse(readFileSync(manifest, 'utf8')).content_scripts.flatMap(
    (script) => script.js ?? [],
  );
  const code = Buffer.concat(scripts.map((script) => readFileSync(join(dir, script))));
  const file = scripts.map((script) => join(outDir, 'chrome-mv3', script)).join(' + ');
  const cssFile = join(ROOT, outDir, 'chrome-mv3/content-scripts/content.css');
  return {
    file,
    built,
    buildError,
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    cssBytes: existsSync(cssFile) ? statSync(cssFile).size : 0,
    // Libraries the brief keeps out of the content script.
    containsDompurify: /DOMPurify|sanitize\b.*RETURN_DOM/.test(code.toString()),
    containsFuse: /Fuse\b.*useExtendedSearch|ignoreLocation/.test(code.toString()),
    containsZod: /ZodError|\$ZodType/.test(code.toString()),
  };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const info = machine();
  log(
    `machine: ${info.nproc} × ${info.cpu}, ${info.chromium}, load average ${info.loadavgStart.map((l) => l.toFixed(1)).join(' ')}`,
  );

  const results = {
    machine: info,
    command: `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt: new Date().toISOString(),
    settings: {
      runs: RUNS,
      seriesRuns: SERIES_RUNS,
      runLimitMs: RUN_LIMIT_MS,
      markjsPageBudgetMs: MARKJS_PAGE_BUDGET_MS,
      pageRuns: PAGE_RUNS,
      libraryRuns: LIBRARY_RUNS,
    },
  };

  if (wants('bundle')) {
    log('bundle: building the extension into .output-bench …');
    results.bundle = measureBundle();
    log(
      'bundle:',
      results.bundle.error ??
        `${(results.bundle.bytes / KB).toFixed(1)} KB minified, ${(results.bundle.gzip / KB).toFixed(1)} KB gzipped`,
    );
  }

  const bundles = await buildBundles(ROOT);
  const { entries, tables, pageEntries, source } = await loadDictionary(ROOT, build);
  results.dictionary = {
    source,
    entities: entries.length,
    aliases: entries.reduce((n, e) => n + e.aliases.length, 0),
  };
  log(`dictionary: ${entries.length} entities from ${source}`);
  const config = {
    entries,
    tables,
    pageEntries,
    ...markTerms(entries),
    ...combinedPattern(entries),
    exclude: EXCLUDE,
    list: false,
  };
  results.contenderOptions = {
    markjs: {
      separateWordSearch: false,
      accuracy: 'exactly + punctuation limiters',
      diacritics: true,
      acrossElements: true,
      caseSensitive: 'two calls: caseless terms, then case-sensitive terms',
      exclude: EXCLUDE,
    },
    markRegExp: { acrossElements: true, exclude: EXCLUDE },
    pattern: `${config.pattern.slice(0, 300)}…`,
  };

  const paragraphs = seedParagraphs(SEED);
  const generated = new Map();
  for (const size of SERIES)
    generated.set(`/gen/dense-${size / KB}k.html`, densePage(paragraphs, size));
  generated.set('/gen/nodes-200k.html', manyNodesPage(paragraphs));
  // A small news page (~6 KB), where a fixed start-up weighs most.
  generated.set('/gen/dense-6k.html', densePage(paragraphs, 6 * KB));
  const demoFile = existsSync(DEMO) ? DEMO : null;
  if (!demoFile) generated.set('/demo.html', densePage(paragraphs, 12 * KB));
  const server = await servePages({ corpusDir: CORPUS, demoFile: DEMO, generated });
  const browser = await launchBrowser();
  const bytesOf = (path) =>
    generated.has(path)
      ? Buffer.byteLength(generated.get(path))
      : path === '/demo.html'
        ? statSync(DEMO).size
        : statSync(join(CORPUS, path.slice(8))).size;

  /** One fresh page load, one contender run. */
  async function runOnce(path, contender, withList) {
    // Backstory's default highlight rules are in the page from the start, as its manifest CSS is.
    const atStart = contender === 'backstory' ? bundles.early : null;
    const { page } = await openPage(browser, server.origin + path, atStart);
    try {
      const textLength = await page.evaluate(() => document.body?.textContent?.length ?? 0);
      await page.evaluate(bundles[contender]);
      await startTrace(page);
      const result = await page.evaluate((c) => window.__bench.run(c), {
        ...config,
        list: withList,
      });
      const trace = await stopTrace(page);
      result.textLength = textLength;
      result.cpu = trace?.cpuMs ?? null;
      result.longestTaskCpu = trace?.longestTaskCpuMs ?? null;
      if (contender === 'backstory') {
        // Where Backstory's main-thread time goes: automaton build, setState (sheet + viewport sampling), the sliced scan.
        result.extra.compileCpuMs = cpuBetween(trace, 'bench:start', 'bench:compiled');
        result.extra.setStateCpuMs = cpuBetween(trace, 'bench:compiled', 'bench:state');
        result.extra.restCpuMs = cpuBetween(trace, 'bench:state', 'bench:end');
      }
      return result;
    } finally {
      await closePage(page);
    }
  }

  /** Contender × page with interleaved runs; returns { contender: { runs, median..., skipped } }. */
  const rates = {}; // ms per character of page text, worst seen, per contender (to skip hopeless runs)
  async function comparePage(path, runs, withLists) {
    const out = Object.fromEntries(CONTENDERS.map((c) => [c, { runs: [], skipped: null }]));
    const lists = {};
    let textLength = null;
    for (let i = 0; i < runs; i++) {
      const order = CONTENDERS.map((_, k) => CONTENDERS[(k + i) % CONTENDERS.length]);
      for (const contender of order) {
        const slot = out[contender];
        if (slot.skipped) continue;
        // Budgets and estimates use main-thread CPU time: on a shared machine wall time says more about the neighbours.
        const cost = (r) => r.cpu ?? r.painted;
        if (i > 0 && contender === 'markjs') {
          const spent = slot.runs.reduce((sum, r) => sum + cost(r), 0);
          if ((spent / slot.runs.length) * (slot.runs.length + 1) > MARKJS_PAGE_BUDGET_MS) continue;
        }
        // The corpus is what the budgets are about: every contender runs there at least once on a full run.
        const mustRun = !args.quick && path.startsWith('/corpus/');
        if (!mustRun && textLength !== null && rates[contender] && slot.runs.length === 0) {
          const estimate = rates[contender] * textLength;
          if (estimate > RUN_LIMIT_MS) {
            slot.skipped = `not run: estimated ${(estimate / 1000).toFixed(0)} s of CPU from its speed on smaller pages`;
            continue;
          }
        }
        const result = await runOnce(path, contender, withLists && slot.runs.length === 0);
        textLength = result.textLength;
        if (result.list) lists[contender] = result.list;
        delete result.list;
        slot.runs.push(result);
        if (result.textLength > 20_000)
          rates[contender] = Math.max(rates[contender] ?? 0, cost(result) / result.textLength);
      }
    }
    for (const contender of CONTENDERS) {
      const slot = out[contender];
      if (slot.runs.length === 0) continue;
      const pick = (f) => median(slot.runs.map(f).filter((v) => v !== null && v !== undefined));
      slot.firstVisible = pick((r) => r.firstVisible);
      slot.workEnd = pick((r) => r.workEnd);
      slot.painted = pick((r) => r.painted);
      slot.longestTask = Math.max(...slot.runs.map((r) => r.longestTask));
      // Main-thread CPU time (thread clock): what the contender costs when other processes compete for the cores.
      slot.cpu = pick((r) => r.cpu);
      slot.longestTaskCpu = Math.max(...slot.runs.map((r) => r.longestTaskCpu ?? 0));
      slot.matches = slot.runs[0].matches;
      slot.matchesVary = new Set(slot.runs.map((r) => r.matches)).size > 1;
      if (contender === 'backstory') {
        for (const key of Object.keys(slot.runs[0].extra)) slot[key] = pick((r) => r.extra[key]);
        slot.longestSliceMs = Math.max(...slot.runs.map((r) => r.extra.longestSliceMs));
      }
    }
    const differences = {};
    if (lists.backstory) {
      for (const other of CONTENDERS.slice(1))
        if (lists[other]) differences[other] = diffMatches(lists.backstory, lists[other]);
    }
    return { path, bytes: bytesOf(path), textLength, contenders: out, differences };
  }

  try {
    if (wants('compare')) {
      const corpusPages = server.corpus.map((f) => `/corpus/${f}`);
      let pages = [
        ...corpusPages,
        '/demo.html',
        '/gen/dense-1024k.html',
        '/gen/dense-5120k.html',
        '/gen/nodes-200k.html',
      ];
      if (args.pages) pages = pages.filter((p) => args.pages.some((name) => p.includes(name)));
      // Small pages first: the speed seen there decides which hopeless runs to skip on big ones.
      pages.sort((a, b) => bytesOf(a) - bytesOf(b));
      results.pages = [];
      for (const path of pages) {
        const row = await comparePage(path, RUNS, true);
        results.pages.push(row);
        writeFileSync(join(OUT, 'results.partial.json'), JSON.stringify(results));
        const c = row.contenders;
        const fmt = (s) =>
          s.painted === undefined ? (s.skipped ? 'skip' : '–') : `${s.painted.toFixed(0)}`;
        log(
          `${path.padEnd(28)} backstory ${fmt(c.backstory)} ms · mark.js ${fmt(c.markjs)} · markRegExp ${fmt(c.markregexp)} · floor ${fmt(c.floor)} · matches ${CONTENDERS.map((k) => c[k].matches ?? '–').join('/')}`,
        );
      }
    }

    // Saved after each part, so a run cut short still leaves what it measured.
    const save = () => writeFileSync(join(OUT, 'results.partial.json'), JSON.stringify(results));
    save();

    if (wants('series')) {
      results.series = [];
      for (const size of SERIES) {
        const path = `/gen/dense-${size / KB}k.html`;
        const known = results.pages?.find((p) => p.path === path);
        const row = known ?? (await comparePage(path, SERIES_RUNS, false));
        results.series.push({
          bytes: row.bytes,
          textLength: row.textLength,
          path,
          ...Object.fromEntries(
            CONTENDERS.map((c) => [
              c,
              {
                painted: row.contenders[c].painted ?? null,
                workEnd: row.contenders[c].workEnd ?? null,
                cpu: row.contenders[c].cpu ?? null,
                skipped: row.contenders[c].skipped,
              },
            ]),
          ),
        });
        log(
          `series ${path}: ${CONTENDERS.map((c) => `${c} ${row.contenders[c].painted?.toFixed(0) ?? 'skip'}`).join(' · ')}`,
        );
      }
    }

    save();
    if (wants('scale')) {
      results.scale = [];
      const path = '/gen/dense-1024k.html';
      for (const size of [entries.length, 1_000, 10_000, 100_000]) {
        const dict = size === entries.length ? entries : syntheticDictionary(entries, size);
        const { page, cdp } = await openPage(browser, server.origin + path);
        try {
          await page.evaluate(bundles.scale);
          const collected = await page.evaluate(() => window.__scale.collect());
          await page.evaluate((d) => window.__scale.load(d), dict);
          const before = await heapAfterGc(cdp);
          const reps = args.quick ? 3 : 5;
          const compileReps = size >= 100_000 ? 2 : reps;
          await startTrace(page);
          const compiles = [];
          let stats = null;
          for (let r = 0; r < compileReps; r++) {
            stats = await page.evaluate((rep) => window.__scale.compile(rep), r);
            compiles.push(stats.ms);
          }
          const measured = await page.evaluate((n) => window.__scale.measure(n), reps);
          const trace = await stopTrace(page);
          const after = await heapAfterGc(cdp);
          const compileCpu = median(
            Array.from({ length: compileReps }, (_, r) =>
              cpuBetween(trace, `bench:compile${r}:start`, `bench:compile${r}:end`),
            ),
          );
          const findCpu = cpuBetween(trace, 'bench:find:start', 'bench:find:end') / reps;
          const scanCpu = cpuBetween(trace, 'bench:scan:start', 'bench:scan:end') / reps;
          const heap = after.used + after.backing - (before.used + before.backing);
          results.scale.push({
            entities: dict.length,
            patterns: stats.patterns,
            states: stats.states,
            compileMs: median(compiles),
            findMs: measured.findMs,
            scanMs: measured.scanMs,
            compileCpuMs: compileCpu,
            findCpuMs: findCpu,
            scanCpuMs: scanCpu,
            matches: measured.matches,
            indexHeapBytes: heap,
            chars: collected.chars,
          });
          log(
            `scale ${String(dict.length).padStart(6)} entities: build ${median(compiles).toFixed(1)} ms (CPU ${compileCpu?.toFixed(1)}), find ${measured.findMs.toFixed(1)} ms (CPU ${findCpu.toFixed(1)}), scan ${measured.scanMs.toFixed(1)} ms (CPU ${scanCpu.toFixed(1)}), ${measured.matches} matches, index ${(heap / KB / KB).toFixed(2)} MB`,
          );
        } finally {
          await closePage(page);
        }
      }
    }

    save();
    if (wants('live')) {
      results.live = [];
      for (const path of ['/demo.html', '/corpus/yahoo-2.html', '/gen/dense-1024k.html']) {
        if (path.startsWith('/corpus/') && !server.corpus.includes(path.slice(8))) continue;
        const { page } = await openPage(browser, server.origin + path);
        try {
          await page.evaluate(bundles.backstory);
          const first = await page.evaluate((c) => window.__bench.run(c), config);
          const appends = [];
          await startTrace(page);
          for (let i = 0; i < LIVE_APPENDS; i++) {
            appends.push(
              await page.evaluate(
                (html, mark) => window.__bench.append(html, mark),
                appendChunk(paragraphs, 10 * KB, i + 1),
                `a${i}`,
              ),
            );
          }
          const trace = await stopTrace(page);
          appends.forEach((a, i) => {
            a.cpuMs = cpuBetween(trace, `bench:a${i}:start`, `bench:a${i}:end`);
          });
          const row = {
            path,
            bytes: bytesOf(path),
            initialMs: first.painted,
            cpuMs: median(appends.map((a) => a.cpuMs)),
            busyMs: median(appends.map((a) => a.busyMs)),
            wallMs: median(appends.map((a) => a.wallMs)),
            added: median(appends.map((a) => a.added)),
            longestSliceMs: Math.max(...appends.map((a) => a.longestSliceMs)),
          };
          results.live.push(row);
          log(
            `live ${path}: ${row.cpuMs?.toFixed(2)} ms main-thread CPU, ${row.busyMs.toFixed(2)} ms busy, ${row.wallMs.toFixed(1)} ms wall per 10 KB appended (${row.added} highlights each)`,
          );
        } finally {
          await closePage(page);
        }
      }
    }

    save();
    if (wants('memory') && server.corpus.includes('yahoo-2.html')) {
      const samples = [];
      for (let i = 0; i < (args.quick ? 1 : 3); i++) {
        const { page, cdp } = await openPage(browser, `${server.origin}/corpus/yahoo-2.html`);
        try {
          const before = await heapAfterGc(cdp);
          await page.evaluate(bundles.backstory);
          const run = await page.evaluate((c) => window.__bench.run(c), config);
          const after = await heapAfterGc(cdp);
          samples.push({
            used: after.used - before.used,
            backing: after.backing - before.backing,
            embedder: after.embedder - before.embedder,
            matches: run.matches,
          });
        } finally {
          await closePage(page);
        }
      }
      const m = (k) => median(samples.map((s) => s[k]));
      results.memory = {
        page: 'corpus/yahoo-2.html',
        bytes: bytesOf('/corpus/yahoo-2.html'),
        jsHeapBytes: m('used') + m('backing'),
        v8UsedBytes: m('used'),
        backingStoreBytes: m('backing'),
        blinkHeapBytes: m('embedder'),
        samples,
      };
      log(
        `memory on yahoo-2.html: ${(results.memory.jsHeapBytes / KB / KB).toFixed(2)} MB JS heap (+ ${(results.memory.blinkHeapBytes / KB / KB).toFixed(2)} MB Blink heap)`,
      );
    }

    save();
    if (wants('pages')) {
      const after = buildExtension(ROOT, { build: args.build });
      if (!after.present) {
        results.extensionPages = { error: after.error ?? `${after.dir} missing` };
      } else {
        try {
          results.extensionPages = await measureExtensionPages({
            root: ROOT,
            builds: [
              {
                key: 'before',
                label: 'previous release (495d414: datasets in storage.local)',
                dir: join(ROOT, PREVIOUS_RELEASE),
              },
              {
                key: 'after',
                label: `this build (${info.commit}: IndexedDB store)${after.built ? '' : ', not rebuilt this run'}`,
                dir: after.dir,
              },
            ],
            demoUrl: `${server.origin}/demo.html`,
            runs: PAGE_RUNS,
            log,
          });
        } catch (error) {
          results.extensionPages = { error: String(error.stack ?? error) };
          log(`pages: failed: ${error.message}`);
        }
      }
    }

    save();
    if (wants('library')) {
      const build = buildExtension(ROOT, { build: args.build });
      if (!build.present) {
        results.library = { error: build.error ?? `${build.dir} missing` };
      } else {
        const known = (path) =>
          !path.startsWith('/corpus/') || server.corpus.includes(path.slice(8));
        const chosen = (path) =>
          known(path) && (!args.pages || args.pages.some((name) => path.includes(name)));
        try {
          results.library = await measureLibrary({
            root: ROOT,
            dir: build.dir,
            server,
            pageLoads: LIBRARY_LOADS.filter(chosen),
            scanPages: LIBRARY_SCANS.filter(chosen),
            scanBrowser: browser,
            bundles,
            runs: LIBRARY_RUNS,
            articles: args.articles ?? undefined,
            log,
          });
          results.library.build = `${info.commit}${build.built ? '' : ', not rebuilt this run'}`;
        } catch (error) {
          results.library = { error: String(error.stack ?? error) };
          log(`library: failed: ${error.message}`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  results.machine.loadavgEnd = loadavg();
  results.durationS = (Date.now() - started) / 1000;
  // Wall-clock times mean little when other processes compete for the cores (see lib/budgets.mjs).
  results.machine.busy =
    Math.max(results.machine.loadavgStart[0], results.machine.loadavgEnd[0]) >
    results.machine.nproc;
  results.budgets = evaluateBudgets(results);
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeReport(join(OUT, 'report.html'), results);
  // The library part's chart for the README, from a run at full size only.
  if (results.library && !results.library.error && !args.articles) {
    const m = results.machine;
    writeFileSync(
      join(ROOT, 'docs/bench-library.svg'),
      libraryChart(
        results.library,
        `${results.startedAt.slice(0, 10)} · commit ${m.commit} · ${m.nproc} × ${m.cpu} · load average ${m.loadavgStart[0].toFixed(1)} at start, ${m.loadavgEnd[0].toFixed(1)} at the end`,
      ),
    );
    log('wrote docs/bench-library.svg');
  }
  writeFileSync(join(OUT, 'summary.md'), markdownSummary(results));
  printSummary(results);
  log(
    `wrote ${join(OUT, 'results.json').slice(ROOT.length + 1)} and ${join(OUT, 'report.html').slice(ROOT.length + 1)}`,
  );
  // Report-only budgets (the extension pages) are printed with the others but do not fail the run.
  const missed = results.budgets.filter((b) => b.status === 'missed' && !b.reportOnly);
  if (missed.length > 0) {
    console.log(`\n${missed.length} budget(s) missed:`);
    for (const b of missed) console.log(`  ✗ ${b.budget}: ${b.detail}`);
    process.exitCode = 1;
  }
  // A full run that could not measure a budget has not shown it is met.
  const unmeasured = results.budgets.filter((b) => b.status === 'not measured');
  if (unmeasured.length > 0 && !args.only && !args.pages) {
    console.log(`\n${unmeasured.length} budget(s) not measured:`);
    for (const b of unmeasured) console.log(`  ? ${b.budget}: ${b.detail}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
