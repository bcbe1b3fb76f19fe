// `npm run bench -- --only pages`: what a reader waits for when opening the popup and the side panel, with the real
// extension loaded in headless Chromium — the previous release (datasets as JSON in storage.local, every page
// re-reading and validating all of them) against this build (an IndexedDB store; pages read what they show) — with the
// seed alone and with 100,000 more entities. See bench/README.md ("Extension pages").
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetFileText, datasetsFileText, syntheticPeopleDatasets } from './lib/datasets.mjs';
import {
  importThroughOptions,
  launchWithExtension,
  openInOwnWindow,
  settledHighlights,
} from './lib/extension.mjs';
import { listProbe } from './lib/list-probe.mjs';
import { median } from './lib/stats.mjs';
import { cpuIn, namedProcess, namedThread, readTrace, threadCpu } from './lib/trace-threads.mjs';

const SYNTHETIC = 100_000;
/** Datasets the synthetic people are split into: each file stays under the 5 MB a dataset file may have. */
const PARTS = 2;
/** A real popup is at most 800 × 600; a side panel is narrow and as tall as the window. */
const VIEWPORT = { popup: { width: 400, height: 600 }, sidepanel: { width: 420, height: 900 } };
export const KINDS = ['popup', 'sidepanel'];
const OPEN_TIMEOUT_MS = 120_000;

export const PREVIOUS_RELEASE = 'tests/fixtures/previous-release/chrome-mv3';

/**
 * Opens `kind`.html?tabId=… once in a new tab, traced, and waits until its list shows every entity the page names by
 * its knowledge-base name. Times are from navigation start (the page's performance.timeOrigin). `session` has
 * { browser, origin, demo: { page, tabId } }.
 */
export async function openOnce(session, kind, names) {
  const page = await session.browser.newPage();
  try {
    await page.setViewport(VIEWPORT[kind]);
    await page.evaluateOnNewDocument(listProbe, names);
    await page.tracing.start({ categories: ['toplevel', 'blink.user_timing'] });
    // Marks the demo tab's main thread in the trace (its content script answers the page's question).
    await session.demo.page.evaluate(() => performance.mark('bench:tab'));
    await page.goto(`${session.origin}/${kind}.html?tabId=${session.demo.tabId}`, {
      waitUntil: 'domcontentloaded',
      timeout: OPEN_TIMEOUT_MS,
    });
    let timer;
    const shown = await Promise.race([
      page.evaluate(() => window.__benchList.done),
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error('timed out')), OPEN_TIMEOUT_MS);
      }),
    ]).catch(async (error) => {
      // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees
      const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      throw new Error(
        `${kind}: the list never showed the names (${error.message}): ${text.slice(0, 300)}`,
      );
    });
    clearTimeout(timer);
    const entries = await page.$$eval('.entity-list .entity-button', (list) => list.length);
    const trace = readTrace(await page.tracing.stop());
    const tab = trace.marks.get('bench:tab');
    const result = { listMs: shown.listAt, namesMs: shown.namesAt, entries };
    // Now and then, on a busy machine, a trace lacks a process's early events, the document-start mark among them:
    // that run gets no CPU figures rather than a part of them.
    const doc = trace.marks.get('bench:doc');
    if (doc) {
      // The page's clock in the trace's: the document-start mark is at docAt ms after navigation start.
      const start = doc.ts - shown.docAt * 1000;
      const end = start + shown.namesAt * 1000;
      const main = threadCpu(trace, doc, start, end);
      const browserPid = namedProcess(trace, 'Browser');
      Object.assign(result, {
        // The page's own renderer main thread: parsing, reading, validating, building, rendering.
        cpuMs: main.cpuMs,
        longestTaskCpuMs: main.longestMs,
        // The extension's renderer process as a whole: the page, its V8 helpers (GC, compiling) and, in it, the
        // background's service worker.
        extensionCpuMs: cpuIn(trace, (pid) => pid === doc.pid, start, end).cpuMs,
        workerCpuMs:
          threadCpu(trace, namedThread(trace, doc.pid, 'ServiceWorker thread'), start, end)
            ?.cpuMs ?? null,
        // The browser process: storage.local and IndexedDB backends, messages, and the bench's own DevTools traffic.
        browserCpuMs: cpuIn(trace, (pid) => pid === browserPid, start, end).cpuMs,
        // The demo tab's main thread (its content script answers what the page mentions).
        tabCpuMs: tab ? threadCpu(trace, tab, start, end).cpuMs : null,
        allCpuMs: cpuIn(trace, () => true, start, end).cpuMs,
      });
    }
    return result;
  } finally {
    await page.close().catch(() => {});
  }
}

/** Median, lowest and highest of a field over runs (null when none has it). */
export function spread(runs, field) {
  const values = runs.map((r) => r[field]).filter((v) => typeof v === 'number');
  if (values.length === 0) return { median: null, min: null, max: null };
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Runs the part. `builds` are { key, label, dir }; `demoUrl` the served demo page. Returns the section of
 * results.json: settings, what was loaded, and one row per size × page × build with every run.
 */
export async function measureExtensionPages({ root, builds, demoUrl, runs, log }) {
  const seed = JSON.parse(readFileSync(join(root, 'assets/kb/seed.json'), 'utf8'));
  // The names the list must show: both builds bundle this seed (the previous release's has the same ids and names).
  const names = Object.fromEntries(seed.entities.map((entity) => [entity.id, entity.name]));
  const datasets = syntheticPeopleDatasets(SYNTHETIC, PARTS);
  const files = {
    // The previous release imports one dataset a file (5 MB each at most; 10 MB of storage.local in all).
    before: datasets.map((dataset) => ({
      name: `${dataset.id}.json`,
      text: datasetFileText(dataset),
      expect: `Imported ${dataset.name}:`,
    })),
    // This build: one "Export all imported datasets" file carrying both.
    after: [
      {
        name: 'bench-people.json',
        text: datasetsFileText(datasets),
        expect: `Imported ${datasets.length} datasets`,
      },
    ],
  };
  const tmp = mkdtempSync(join(tmpdir(), 'backstory-bench-pages-'));
  const section = {
    runs,
    seedEntities: seed.entities.length,
    synthetic: {
      entities: SYNTHETIC,
      datasets: datasets.map((d) => ({ id: d.id, entities: d.entities.length })),
      files: Object.fromEntries(
        Object.entries(files).map(([key, list]) => [
          key,
          list.map((f) => ({ name: f.name, bytes: Buffer.byteLength(f.text) })),
        ]),
      ),
    },
    builds: builds.map(({ key, label, dir }) => ({ key, label, dir: dir.slice(root.length + 1) })),
    sizes: [],
    rows: [],
    warmups: [],
  };
  const sessions = [];
  try {
    for (const build of builds) {
      const session = await launchWithExtension(build.dir);
      session.key = build.key;
      sessions.push(session); // closed in `finally` whatever happens next
      session.demo = await openInOwnWindow(session, demoUrl);
    }
    const sizes = [
      { key: 'seed', label: 'seed', entities: seed.entities.length },
      {
        key: '100k',
        label: `seed + ${SYNTHETIC.toLocaleString('en')}`,
        entities: seed.entities.length + SYNTHETIC,
      },
    ];
    for (const size of sizes) {
      const loaded = { ...size, importMs: {} };
      if (size.key !== 'seed') {
        for (const session of sessions) {
          const started = Date.now();
          await importThroughOptions(session, files[session.key], tmp);
          loaded.importMs[session.key] = Date.now() - started;
          // A fresh content script with the whole dictionary, as on the next page the reader opens.
          await session.demo.page.reload({ waitUntil: 'load' });
          log(
            `pages: imported ${SYNTHETIC.toLocaleString('en')} entities into ${session.key} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
          );
        }
      }
      // Highlight ranges registered on the demo page once its scan settled, per build.
      loaded.highlights = {};
      for (const session of sessions)
        loaded.highlights[session.key] = await settledHighlights(session.demo.page);
      section.sizes.push(loaded);
      // The first extension page after install or import is special (caches, compiled code): opened once, not counted.
      for (const session of sessions) {
        for (const kind of KINDS) {
          const warm = await openOnce(session, kind, names);
          section.warmups.push({ size: size.key, build: session.key, kind, ...warm });
          log(
            `pages: ${size.key} ${session.key} ${kind} warm-up: names shown at ${warm.namesMs.toFixed(0)} ms`,
          );
        }
      }
      // Runs interleaved: every round opens each page of each build once, in an order that rotates.
      const combos = KINDS.flatMap((kind) => sessions.map((session) => ({ kind, session })));
      const collected = new Map(combos.map((c) => [`${c.kind}:${c.session.key}`, []]));
      for (let round = 0; round < runs; round++) {
        for (let k = 0; k < combos.length; k++) {
          const { kind, session } = combos[(k + round) % combos.length];
          collected.get(`${kind}:${session.key}`).push(await openOnce(session, kind, names));
        }
      }
      for (const kind of KINDS) {
        for (const session of sessions) {
          const list = collected.get(`${kind}:${session.key}`);
          const row = {
            size: size.key,
            entities: size.entities,
            kind,
            build: session.key,
            list: spread(list, 'listMs'),
            names: spread(list, 'namesMs'),
            cpu: spread(list, 'cpuMs'),
            longestTaskCpu: spread(list, 'longestTaskCpuMs'),
            extensionCpu: spread(list, 'extensionCpuMs'),
            workerCpu: spread(list, 'workerCpuMs'),
            browserCpu: spread(list, 'browserCpuMs'),
            tabCpu: spread(list, 'tabCpuMs'),
            allCpu: spread(list, 'allCpuMs'),
            entries: [...new Set(list.map((r) => r.entries))],
            // Runs whose trace had the page's marks (the others have times but no CPU figures).
            traced: list.filter((r) => r.cpuMs !== undefined).length,
            runs: list,
          };
          section.rows.push(row);
          log(
            `pages: ${size.key.padEnd(4)} ${kind.padEnd(9)} ${session.key.padEnd(6)} names shown ${row.names.median.toFixed(0)} ms [${row.names.min.toFixed(0)}–${row.names.max.toFixed(0)}], list ${row.list.median.toFixed(0)} ms, CPU main ${row.cpu.median?.toFixed(0) ?? '–'} / extension ${row.extensionCpu.median?.toFixed(0) ?? '–'} / browser ${row.browserCpu.median?.toFixed(0) ?? '–'} ms, ${row.entries.join('/')} entries`,
          );
        }
      }
    }
  } finally {
    for (const session of sessions) await session.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  }
  return section;
}
