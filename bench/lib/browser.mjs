// Headless Chromium for the bench: fresh tab per run, every non-local request blocked, a long-task probe installed before the page's own code, heap readings over CDP.
import puppeteer from 'puppeteer-core';

export const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-sync',
  '--disable-extensions',
  '--enable-precise-memory-info',
  // Timers and rAF of a tab puppeteer does not focus must not be throttled.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // Every request not for 127.0.0.1 fails inside the browser at once: host names resolve nowhere, and
  // anything else goes to a closed proxy port (loopback is never proxied).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--proxy-server=http://127.0.0.1:9',
];

export const VIEWPORT = { width: 1280, height: 800 };

/** Registered at document start, so every long task of the run is seen (PerformanceObserver, buffered). */
const PROBE = `(() => {
  const probe = { observer: null, entries: [] };
  window.__benchLongTasks = probe;
  try {
    probe.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.entries.push([e.startTime, e.duration]);
    });
    probe.observer.observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

export async function launchBrowser(executablePath = '/usr/bin/chromium') {
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: FLAGS,
    defaultViewport: VIEWPORT,
    protocolTimeout: 300_000,
  });
  return browser;
}

/**
 * Opens `url` in a new tab (remote requests fail in the browser, see FLAGS), waits for load and two
 * quiet frames. `atStart` is evaluated at document start, before the page's own code (as a
 * `document_start` content script). Returns { page, cdp, state } where `state.blocked` counts requests that failed.
 */
export async function openPage(browser, url, atStart = null) {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await page.setBypassCSP(true);
  const state = { blocked: 0 };
  page.on('requestfailed', () => {
    state.blocked++;
  });
  page.on('pageerror', () => {}); // the corpus pages' own scripts fail without their remote parts
  await page.evaluateOnNewDocument(PROBE);
  if (atStart) await page.evaluateOnNewDocument(atStart);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
      ),
  );
  return { page, cdp, state };
}

/** JS heap after a full GC: V8 heap in use, ArrayBuffer backing stores, and Blink's own heap (DOM objects such as Ranges). */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return {
    used: usage.usedSize,
    backing: usage.backingStorageSize ?? 0,
    embedder: usage.embedderHeapUsedSize ?? 0,
  };
}

export async function closePage(page) {
  await page.close().catch(() => {});
}

/** Starts a trace of the page's main-thread tasks and the bench's performance marks. */
export async function startTrace(page) {
  await page.tracing.start({ categories: ['toplevel', 'blink.user_timing'] });
}

/**
 * Main-thread CPU time between the marks bench:start and bench:end (thread clock, so time the
 * OS gave to other processes is not counted), the longest task in between by CPU and wall, and
 * every bench:* mark (`marks`: name → { ts, tts } in µs) for finer splits.
 */
export async function stopTrace(page) {
  const raw = await page.tracing.stop();
  const events = JSON.parse(Buffer.from(raw).toString()).traceEvents;
  const marks = new Map();
  for (const e of events)
    if (e.cat === 'blink.user_timing' && e.name.startsWith('bench:'))
      marks.set(e.name, { ts: e.ts, tts: e.tts, pid: e.pid, tid: e.tid });
  const start = marks.get('bench:start');
  const end = marks.get('bench:end');
  if (!start || !end || start.tts === undefined) return { marks, cpuMs: null };
  let longestCpu = 0;
  let longestWall = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.tid !== start.tid || e.pid !== start.pid) continue;
    if (e.name !== 'ThreadControllerImpl::RunTask') continue;
    if (e.ts + e.dur < start.ts || e.ts > end.ts) continue;
    longestCpu = Math.max(longestCpu, (e.tdur ?? 0) / 1000);
    longestWall = Math.max(longestWall, e.dur / 1000);
  }
  return {
    marks,
    cpuMs: (end.tts - start.tts) / 1000,
    wallMs: (end.ts - start.ts) / 1000,
    longestTaskCpuMs: longestCpu,
    longestTaskWallMs: longestWall,
  };
}

/** Main-thread CPU ms between two bench marks of a trace, or null. */
export function cpuBetween(trace, from, to) {
  const a = trace?.marks.get(from);
  const b = trace?.marks.get(to);
  return a && b && a.tts !== undefined ? (b.tts - a.tts) / 1000 : null;
}
