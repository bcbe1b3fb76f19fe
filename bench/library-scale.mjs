// `npm run bench -- --only library`: Backstory with a library of 1,000 saved articles (bench/lib/library.mjs: 20,000
// entities, 100,000 facts, 6.9 M characters) against the same build with the seed alone — the real extension in
// headless Chromium, the library saved through the background as Save does — for the budgets PRODUCT.md sets for that
// size: dictionary rebuild after a save, a page load's main-thread CPU (and the fixed start-up against a mark.js
// keyword-highlighter extension), card data, popup and side panel, search per keystroke, stored size, the background's
// heap, and the scan of a corpus page. See bench/README.md ("A library of saved articles").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, openOnce, spread } from './extension-pages.mjs';
import { closePage, cpuBetween, openPage, startTrace, stopTrace } from './lib/browser.mjs';
import { EXCLUDE, markTerms } from './lib/dictionary.mjs';
import {
  launchWithExtension,
  openInOwnWindow,
  requestPage,
  settledHighlights,
} from './lib/extension.mjs';
import { generateLibrary } from './lib/library.mjs';
import { writeMarkjsExtension } from './lib/markjs-extension.mjs';
import { tracedLoad } from './lib/page-load.mjs';
import { saveArticles } from './lib/save-library.mjs';
import { searchProbe, typeQuery } from './lib/search-probe.mjs';
import { median } from './lib/stats.mjs';
import { namedThread, readTrace, threadCpu } from './lib/trace-threads.mjs';

const ARTICLES = 1000;
/** What the reader types in the side panel's search: a name the library and the seed both know. */
const QUERY = 'Volodymyr Zelenskyy';
/** Seed entities whose cards are asked in both stores (Zelenskyy: the seed's, with every library copy merged in). */
const SEED_CARDS = ['volodymyr-zelenskyy', 'kyiv', 'washington'];
/** Page-load contenders: no extension (the floor), Backstory with the seed, with the library, a mark.js extension. */
const LOADS = ['none', 'seed', 'library', 'markjs'];

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A traced load that has not settled by then is given up (its error is recorded, the run goes on). */
const LOAD_TIMEOUT_MS = 180_000;

/** `promise`, or a rejection after `ms` saying what timed out. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The `count` names that the most articles carry, each with the id of its first copy (the one others merge into). */
function recurringNames(articles, count, kind = 'person') {
  const byName = new Map();
  for (const { dataset } of articles) {
    for (const entity of dataset.entities) {
      if (entity.kind !== kind || !entity.name.includes(' ')) continue;
      const seen = byName.get(entity.name) ?? { name: entity.name, id: entity.id, articles: 0 };
      seen.articles++;
      byName.set(entity.name, seen);
    }
  }
  return [...byName.values()].sort((a, b) => b.articles - a.articles).slice(0, count);
}

/** The service worker's JS heap after two full collections (CDP on the worker target). */
async function workerHeap(session) {
  const client = session.worker.client;
  await client.send('HeapProfiler.collectGarbage');
  await client.send('HeapProfiler.collectGarbage');
  const usage = await client.send('Runtime.getHeapUsage');
  return { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
}

/**
 * One more article saved, then the time until the background has the new version's dictionary and matcher ready: a
 * `findNames` request waits for both (its answer is a few bytes, unlike getPageState's with the dictionary). Traced, for the worker's CPU.
 */
async function rebuildOnce(session, article) {
  const page = session.requests;
  await page.tracing.start({ categories: ['toplevel', 'blink.user_timing'] });
  const times = await page.evaluate(async (article) => {
    performance.mark('bench:save');
    const t0 = performance.now();
    const saved = await window.__ask('saveArticle', article);
    if (!saved.ok) throw new Error(`refused: ${JSON.stringify(saved.error).slice(0, 300)}`);
    const t1 = performance.now();
    performance.mark('bench:answered');
    await window.__ask('findNames', 'x');
    const t2 = performance.now();
    performance.mark('bench:ready');
    return { saveMs: t1 - t0, readyMs: t2 - t1 };
  }, article);
  const trace = readTrace(await page.tracing.stop());
  const [save, answered, ready] = ['bench:save', 'bench:answered', 'bench:ready'].map((name) =>
    trace.marks.get(name),
  );
  let worker = null;
  for (const pid of trace.processes.keys())
    worker ??= namedThread(trace, pid, 'ServiceWorker thread');
  const cpu = (from, to) =>
    from && to ? (threadCpu(trace, worker, from.ts, to.ts)?.cpuMs ?? null) : null;
  return {
    ...times,
    saveWorkerCpuMs: cpu(save, answered),
    readyWorkerCpuMs: cpu(answered, ready),
  };
}

/** Every card of `ids` asked once from the session's extension page, timed as a request round trip. */
async function cardsOnce(session, ids) {
  return session.requests.evaluate(async (ids) => {
    const out = [];
    for (const id of ids) {
      const t = performance.now();
      const card = await window.__ask('getCard', id);
      out.push({
        id,
        ms: performance.now() - t,
        found: card !== null,
        facts: card?.facts.length ?? 0,
      });
    }
    return out;
  }, ids);
}

/** Opens the side panel for the session's demo tab and types QUERY; returns the keystrokes' times. */
async function searchOnce(session) {
  const page = await session.browser.newPage();
  try {
    await page.setViewport({ width: 420, height: 900 });
    await page.evaluateOnNewDocument(searchProbe);
    await page.goto(`${session.origin}/sidepanel.html?tabId=${session.demo.tabId}`, {
      waitUntil: 'load',
    });
    await page.waitForSelector('#search-input', { timeout: 60_000 });
    // The panel as a reader finds it: opened, its list shown, then the search box used.
    await page.waitForSelector('.entity-list .entity-button', { timeout: 60_000 });
    return await typeQuery(page, QUERY);
  } finally {
    await page.close().catch(() => {});
  }
}

/** Backstory's scan of `path` in a plain page with `dictionary` (a frame's: { entries, tables }), as the scan parts run it. */
async function scanOnce(browser, bundles, url, dictionary) {
  const { page } = await openPage(browser, url, bundles.early);
  try {
    await page.evaluate(bundles.backstory);
    await startTrace(page);
    const result = await page.evaluate((c) => window.__bench.run(c), {
      pageEntries: dictionary.entries,
      tables: dictionary.tables,
      list: false,
    });
    const trace = await stopTrace(page);
    return {
      cpuMs: trace?.cpuMs ?? null,
      decodeCpuMs: cpuBetween(trace, 'bench:start', 'bench:compiled'),
      painted: result.painted,
      matches: result.matches,
    };
  } finally {
    await closePage(page);
  }
}

/**
 * Runs the part. `dir`: the built extension; `server`: the bench's page server; `pageLoads`: paths whose load is
 * measured (the first is the small page the mark.js comparison is about); `scanPages`: corpus paths for the scan;
 * `scanBrowser`/`bundles`: the bench's plain browser and contender bundles. Returns results.json's `library`.
 */
export async function measureLibrary({
  root,
  dir,
  server,
  pageLoads,
  scanPages,
  scanBrowser,
  bundles,
  runs,
  articles = ARTICLES,
  log,
}) {
  const generated = generateLibrary({ articles: articles + runs });
  const library = generated.articles.slice(0, articles);
  const extra = generated.articles.slice(articles);
  const textBytes = library.reduce(
    (n, { dataset }) => n + Buffer.byteLength(dataset.sources[0]?.text ?? ''),
    0,
  );
  const seed = JSON.parse(readFileSync(join(root, 'assets/kb/seed.json'), 'utf8'));
  const names = Object.fromEntries(seed.entities.map((entity) => [entity.id, entity.name]));
  const recurring = recurringNames(library, 3);
  const section = {
    runs,
    articles,
    totals: {
      ...library.reduce(
        (t, { dataset }) => ({
          entities: t.entities + dataset.entities.length,
          facts: t.facts + dataset.facts.length,
          quotes: t.quotes + dataset.quotes.length,
          events: t.events + dataset.events.length,
        }),
        { entities: 0, facts: 0, quotes: 0, events: 0 },
      ),
      textChars: library.reduce((n, { dataset }) => n + (dataset.sources[0]?.text.length ?? 0), 0),
      textBytes,
    },
    query: QUERY,
  };
  const markjsDir = await writeMarkjsExtension(
    root,
    join(root, 'artifacts/bench/markjs-extension'),
    {
      ...markTerms(seed.entities.map((e) => ({ aliases: e.aliases }))),
      exclude: EXCLUDE,
    },
  );
  const sessions = {};
  try {
    sessions.none = await launchWithExtension(null);
    sessions.markjs = await launchWithExtension(markjsDir, { background: false });
    for (const key of ['seed', 'library']) {
      sessions[key] = await launchWithExtension(dir);
      sessions[key].requests = await requestPage(sessions[key]);
    }

    // The library, saved as a reader's Save does, one article after another.
    log(`library: saving ${articles} articles (${generated.totals.entities} entities in all) …`);
    const saving = await saveArticles(sessions.library.requests, library, (saved, lastMs) => {
      if (saved % 100 === 0) log(`library: ${saved} saved (the last took ${lastMs.toFixed(0)} ms)`);
    });
    const per100 = [];
    for (let i = 0; i < saving.saves.length; i += 100) {
      const chunk = saving.saves.slice(i, i + 100);
      per100.push({ upTo: chunk.at(-1).at, medianMs: median(chunk.map((s) => s.ms)) });
    }
    section.saving = { ms: saving.ms, per100 };
    log(`library: saved in ${(saving.ms / 1000).toFixed(0)} s`);
    // Settled: the dictionary of the last version built, nothing pending.
    await sessions.library.requests.evaluate(() => window.__ask('findNames', 'x'));

    // Stored size and the background's heap, right after the saves.
    section.storage = {};
    section.heap = {};
    for (const key of ['seed', 'library']) {
      section.storage[key] = await sessions[key].requests.evaluate(async () => {
        const { usage, usageDetails } = await navigator.storage.estimate();
        return { usage, indexedDB: usageDetails?.indexedDB ?? null };
      });
      section.heap[key] = await workerHeap(sessions[key]);
    }
    log(
      `library: stored ${(section.storage.library.usage / 1e6).toFixed(1)} MB (seed alone ${(section.storage.seed.usage / 1e6).toFixed(1)} MB) for ${(textBytes / 1e6).toFixed(1)} MB of text; worker heap ${(section.heap.library.usedBytes / 1e6).toFixed(1)} MB (seed ${(section.heap.seed.usedBytes / 1e6).toFixed(1)} MB)`,
    );

    // Dictionary rebuild after one more save, in both stores, alternating.
    section.rebuild = { seed: [], library: [] };
    for (let r = 0; r < runs; r++) {
      for (const key of r % 2 ? ['library', 'seed'] : ['seed', 'library']) {
        section.rebuild[key].push(await rebuildOnce(sessions[key], extra[r]));
      }
      log(
        `library: rebuild ${r + 1}/${runs}: save answered → ready ${section.rebuild.library.at(-1).readyMs.toFixed(0)} ms (seed ${section.rebuild.seed.at(-1).readyMs.toFixed(0)} ms)`,
      );
    }

    // Card data: a request round trip per card, every entity once a round.
    const cardIds = {
      seed: SEED_CARDS,
      library: [...SEED_CARDS, ...recurring.map((r) => r.id)],
    };
    section.cards = { entities: recurring, seed: [], library: [] };
    for (const key of ['seed', 'library']) await cardsOnce(sessions[key], cardIds[key]); // warm-up
    for (let r = 0; r < runs; r++) {
      for (const key of ['seed', 'library'])
        section.cards[key].push(...(await cardsOnce(sessions[key], cardIds[key])));
    }
    log(
      `library: card round trip median ${median(section.cards.library.map((c) => c.ms)).toFixed(1)} ms, slowest ${Math.max(...section.cards.library.map((c) => c.ms)).toFixed(0)} ms (seed ${median(section.cards.seed.map((c) => c.ms)).toFixed(1)} ms)`,
    );

    // Page loads: every contender on every page, interleaved, a fresh tab each.
    section.loads = [];
    const loadRuns = new Map();
    for (let r = 0; r < runs; r++) {
      for (const path of pageLoads) {
        for (let k = 0; k < LOADS.length; k++) {
          const key = LOADS[(k + r) % LOADS.length];
          if (process.env.BENCH_VERBOSE) log(`library: loading ${path} with ${key} …`);
          const result = await withTimeout(
            tracedLoad(sessions[key].browser, server.origin + path, {
              expectHighlights: key !== 'none',
            }),
            LOAD_TIMEOUT_MS,
            `${path} with ${key}`,
          ).catch((error) => ({ error: String(error.message ?? error) }));
          const id = `${path}:${key}`;
          loadRuns.set(id, [...(loadRuns.get(id) ?? []), result]);
        }
      }
      log(`library: page loads, round ${r + 1}/${runs} done`);
    }
    for (const path of pageLoads) {
      const row = { path, contenders: {} };
      for (const key of LOADS) {
        const list = loadRuns.get(`${path}:${key}`);
        const ok = list.filter((run) => run.error === undefined);
        row.contenders[key] = {
          cpu: spread(ok, 'cpuMs'),
          renderer: spread(ok, 'rendererCpuMs'),
          worker: spread(ok, 'workerCpuMs'),
          highlights: [...new Set(ok.map((run) => run.highlights))],
          errors: list.flatMap((run) => (run.error ? [run.error] : [])),
          runs: list,
        };
      }
      section.loads.push(row);
      const c = row.contenders;
      log(
        `library: load ${path}: CPU none ${c.none.cpu.median?.toFixed(1)} · seed ${c.seed.cpu.median?.toFixed(1)} · library ${c.library.cpu.median?.toFixed(1)} · mark.js ext ${c.markjs.cpu.median?.toFixed(1)} ms`,
      );
    }

    // The scan alone, with each store's dictionary as its background sends it to a frame, in the bench's plain browser.
    const dictionaries = {};
    for (const key of ['seed', 'library']) {
      const start = await sessions[key].requests.evaluate(() =>
        window.__ask('getPageState', { url: 'https://example.com/', dictionaryVersion: null }),
      );
      dictionaries[key] = start.dictionary;
    }
    section.dictionaries = Object.fromEntries(
      Object.entries(dictionaries).map(([key, d]) => [
        key,
        {
          entries: d.entries.split('\n').length,
          jsonBytes: Buffer.byteLength(JSON.stringify(d)),
          entriesBytes: Buffer.byteLength(JSON.stringify(d.entries)),
        },
      ]),
    );
    section.scan = [];
    for (const path of scanPages) {
      const row = { path, seed: [], library: [] };
      for (let r = 0; r < runs; r++) {
        for (const key of r % 2 ? ['library', 'seed'] : ['seed', 'library'])
          row[key].push(
            await scanOnce(scanBrowser, bundles, server.origin + path, dictionaries[key]),
          );
      }
      row.seedCpu = spread(row.seed, 'cpuMs');
      row.libraryCpu = spread(row.library, 'cpuMs');
      row.seedDecode = spread(row.seed, 'decodeCpuMs');
      row.libraryDecode = spread(row.library, 'decodeCpuMs');
      section.scan.push(row);
      log(
        `library: scan ${path}: CPU seed ${row.seedCpu.median?.toFixed(1)} ms, library ${row.libraryCpu.median?.toFixed(1)} ms (decoding the tables ${row.seedDecode.median?.toFixed(1)} / ${row.libraryDecode.median?.toFixed(1)} ms)`,
      );
    }

    // Popup open and side-panel first paint, and search, on the demo page in a window of its own.
    for (const key of ['seed', 'library']) {
      sessions[key].demo = await openInOwnWindow(sessions[key], `${server.origin}/demo.html`);
      await settledHighlights(sessions[key].demo.page);
      for (const kind of KINDS) await openOnce(sessions[key], kind, names); // warm-up
    }
    const opened = new Map();
    const combos = KINDS.flatMap((kind) => ['seed', 'library'].map((key) => ({ kind, key })));
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < combos.length; k++) {
        const { kind, key } = combos[(k + r) % combos.length];
        const id = `${kind}:${key}`;
        opened.set(id, [...(opened.get(id) ?? []), await openOnce(sessions[key], kind, names)]);
      }
    }
    section.pages = combos.map(({ kind, key }) => {
      const list = opened.get(`${kind}:${key}`);
      return {
        kind,
        store: key,
        names: spread(list, 'namesMs'),
        list: spread(list, 'listMs'),
        cpu: spread(list, 'cpuMs'),
        traced: list.filter((run) => run.cpuMs !== undefined).length,
        runs: list,
      };
    });
    for (const row of section.pages)
      log(
        `library: ${row.store} ${row.kind}: names shown ${row.names.median.toFixed(0)} ms [${row.names.min.toFixed(0)}–${row.names.max.toFixed(0)}], CPU ${row.cpu.median?.toFixed(0) ?? '–'} ms`,
      );

    section.search = { seed: [], library: [] };
    for (let r = 0; r < runs; r++) {
      for (const key of r % 2 ? ['library', 'seed'] : ['seed', 'library'])
        section.search[key].push(await searchOnce(sessions[key]));
      await sleep(100);
    }
    for (const key of ['seed', 'library']) {
      const typed = section.search[key];
      const first = typed.map((keys) => keys[0]?.ms);
      const rest = typed.flatMap((keys) => keys.slice(1).map((k) => k.ms));
      section.search[`${key}Summary`] = {
        first: spread(
          first.map((ms) => ({ ms })),
          'ms',
        ),
        rest: spread(
          rest.map((ms) => ({ ms })),
          'ms',
        ),
      };
      log(
        `library: search in ${key}: first results ${median(first)?.toFixed(0)} ms, then per keystroke median ${median(rest)?.toFixed(0)} ms, slowest ${Math.max(...rest).toFixed(0)} ms`,
      );
    }
  } finally {
    for (const session of Object.values(sessions)) await session.close().catch(() => {});
  }
  return section;
}
