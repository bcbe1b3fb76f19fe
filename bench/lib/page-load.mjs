// One fresh load of a page in a browser — with Backstory installed, with a mark.js extension, or with none — traced
// whole: the CPU time of every top-level slice the page's renderer main thread ran from navigation start until its
// highlights settled (parsing, style, layout, paint, the content script, JSON decoding of messages, code after an
// `await`: all of it, not only script). What an extension adds to a page load is this against the same page with none.
import { cpuIn, namedThread, readTrace, slicesMarked, threadCpu } from './trace-threads.mjs';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** At document start, in the page's world: marks the page's main thread in the trace and notes when (page clock). */
function docProbe() {
  performance.mark('bench:doc');
  window.__benchDocAt = performance.now();
}

/** Highlights the page shows: Backstory's Highlight ranges and mark.js's <mark>s. Each poll marks its own task. */
function countHighlights() {
  performance.mark('bench:poll');
  let n = document.querySelectorAll('mark[data-markjs]').length;
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith('backstory-')) n += highlight.size;
  return n;
}

/**
 * Loads `url` in a new tab of `browser` and waits until the page's highlights settled: at least one (when
 * `expectHighlights`), unchanged over `quietMs` of polls, at least `minMs` after load. The polls' own tasks are left
 * out of the figures. Returns { cpuMs, tasks, longestMs, rendererCpuMs, workerCpuMs, highlights, settledMs } (CPU:
 * the page's main thread; its renderer process as a whole; the extension's service worker thread, if any), or
 * { error } when the trace lacks the page's document-start mark (it happens on a busy machine).
 */
export async function tracedLoad(
  browser,
  url,
  { expectHighlights, quietMs = 750, minMs = 1000, pollMs = 250, timeoutMs = 60_000 },
) {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 800 });
    await page.evaluateOnNewDocument(docProbe);
    await page.tracing.start({ categories: ['toplevel', 'blink.user_timing'] });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const loaded = Date.now();
    let last = -1;
    let since = Date.now();
    for (;;) {
      await sleep(pollMs);
      const n = await page.evaluate(countHighlights);
      const now = Date.now();
      if (n !== last) {
        last = n;
        since = now;
      } else if (now - since >= quietMs && now - loaded >= minMs && (n > 0 || !expectHighlights)) {
        break;
      }
      if (now - loaded > timeoutMs) {
        await page.tracing.stop().catch(() => {});
        throw new Error(`${url}: highlights did not settle in ${timeoutMs / 1000} s (${n})`);
      }
    }
    const docAt = await page.evaluate(() => window.__benchDocAt);
    const trace = readTrace(await page.tracing.stop());
    const doc = trace.marks.get('bench:doc');
    if (!doc || typeof docAt !== 'number') return { error: 'no document-start mark in the trace' };
    // Navigation start in the trace's clock: the document-start mark is docAt ms after it.
    const start = doc.ts - docAt * 1000;
    const polls = slicesMarked(trace, 'bench:poll');
    const main = threadCpu(trace, doc, start, Number.POSITIVE_INFINITY, polls);
    const renderer = cpuIn(trace, (pid) => pid === doc.pid, start, Number.POSITIVE_INFINITY, polls);
    let worker = null;
    for (const pid of trace.processes.keys()) {
      const thread = namedThread(trace, pid, 'ServiceWorker thread');
      if (thread) worker = threadCpu(trace, thread, start, Number.POSITIVE_INFINITY);
    }
    return {
      cpuMs: main.cpuMs,
      tasks: main.tasks,
      longestMs: main.longestMs,
      rendererCpuMs: renderer.cpuMs,
      workerCpuMs: worker?.cpuMs ?? null,
      highlights: last,
      settledMs: since - loaded,
    };
  } finally {
    await page.close().catch(() => {});
  }
}
