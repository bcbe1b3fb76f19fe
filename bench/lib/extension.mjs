// Headless Chromium with a real Backstory build loaded: the bench's quiet, loopback-only flags, the extension's
// service worker (to learn tab ids), a served page in a window of its own, and datasets imported through options.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { FLAGS } from './browser.mjs';

// Beside the bench's flags (every non-loopback request fails in the browser), the e2e harness's switches for
// Chromium's own background traffic; --disable-extensions goes, the extension is the point.
const EXTENSION_FLAGS = [
  ...FLAGS.filter((flag) => flag !== '--disable-extensions'),
  '--disable-domain-reliability',
  '--dns-prefetch-disable',
  '--disable-features=NetworkTimeServiceQuerying,AutofillServerCommunication,LoadingPredictorUseLocalPredictions,LoadingPredictorPrefetch,NavigationPredictor,Prerender2',
];

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Launches Chromium (fresh profile) and installs the unpacked extension in `dir`. The service worker stays attached
 * (puppeteer's session keeps it from idling out), so no measurement includes its start-up. `dir` null: the same
 * browser with no extension (a page load's floor); an extension without a background (`background: false`) has no
 * worker to wait for. Returns { browser, extensionId, origin, worker, tabIds(), close() } (the last four null/absent
 * without a worker).
 */
export async function launchWithExtension(
  dir,
  { executablePath = '/usr/bin/chromium', background = true } = {},
) {
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    enableExtensions: dir !== null,
    defaultViewport: null,
    args: EXTENSION_FLAGS,
    protocolTimeout: 300_000,
  });
  const close = () => browser.close();
  try {
    if (dir === null) return { browser, extensionId: null, origin: null, worker: null, close };
    const extensionId = await browser.installExtension(dir);
    const origin = `chrome-extension://${extensionId}`;
    if (!background) return { browser, extensionId, origin, worker: null, close };
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`${origin}/`),
      { timeout: 20_000 },
    );
    const worker = await target.worker();
    // A worker target can exist before its `chrome` does.
    for (let i = 0; ; i++) {
      try {
        await worker.evaluate(() => chrome.runtime.id);
        break;
      } catch (error) {
        if (i > 20) throw error;
        await sleep(100);
      }
    }
    const tabIds = () =>
      worker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id));
    return { browser, extensionId, origin, worker, tabIds, close };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Opens `url` in a window of its own, created in the background: it stays visible (its content script keeps getting
 * frames) while the tabs opened later go to the first window. Returns { page, tabId }: the browser's id for the tab,
 * told apart as the one that was not there before (the extension has no `tabs` permission to read URLs).
 */
export async function openInOwnWindow(session, url) {
  const before = new Set(await session.tabIds());
  const page = await session.browser.newPage({ type: 'window', background: true });
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const added = (await session.tabIds()).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new tab, found ${added.length}`);
  return { page, tabId: added[0] };
}

/** Waits until the page's Backstory highlights stop changing (at least one range, unchanged for `quietMs`). */
export async function settledHighlights(page, { quietMs = 500, timeoutMs = 120_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const ranges = await page.evaluate(() => {
      let n = 0;
      for (const [name, highlight] of CSS.highlights)
        if (name.startsWith('backstory-')) n += highlight.size;
      return n;
    });
    if (ranges !== last) {
      last = ranges;
      since = Date.now();
    } else if (ranges > 0 && Date.now() - since >= quietMs) return ranges;
    await sleep(100);
  }
  throw new Error(`no settled highlights on ${page.url()} after ${timeoutMs / 1000} s`);
}

/**
 * Imports dataset files through the build's own options page (the `#dataset-file` input, one file after another),
 * as a reader does; waits for each "Imported …" and throws with the page's words when one is refused.
 * `files` are { name, text, expect } with `expect` the text the success notice starts with.
 */
export async function importThroughOptions(session, files, tmpDir, timeoutMs = 300_000) {
  const page = await session.browser.newPage();
  try {
    await page.setViewport({ width: 1000, height: 1400 });
    await page.goto(`${session.origin}/options.html`, { waitUntil: 'load' });
    const input = await page.waitForSelector('#dataset-file', { timeout: 30_000 });
    for (const file of files) {
      const path = join(tmpDir, file.name);
      writeFileSync(path, file.text);
      await input.uploadFile(path);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees
        const text = await page.evaluate(() => document.body.innerText);
        if (text.includes(file.expect)) break;
        const refused = text.match(
          /[^\n]*(was not imported|could not finish)[^\n]*(\n[^\n]*){0,3}/,
        );
        if (refused) throw new Error(`${file.name} refused by options: ${refused[0]}`);
        if (Date.now() > deadline)
          throw new Error(`${file.name}: no "${file.expect}" after ${timeoutMs / 1000} s`);
        await sleep(250);
      }
    }
  } finally {
    await page.close();
  }
}

/**
 * Installs `window.__ask(type, data)` in an extension page: one background request exactly as lib/shared/messaging.ts
 * sends it (@webext-core/messaging's wire format: `{ id, type, data, timestamp }`, answered `{ res }` or `{ err }`),
 * resolving with `res` and throwing with the background's error.
 */
export async function installAsk(page) {
  await page.evaluate(() => {
    let id = 1;
    window.__ask = async (type, data) => {
      const reply = await chrome.runtime.sendMessage({
        id: id++,
        type,
        data,
        timestamp: Date.now(),
      });
      if (!reply) throw new Error(`${type}: no answer`);
      if (reply.err) throw new Error(`${type}: ${reply.err.message ?? JSON.stringify(reply.err)}`);
      return reply.res;
    };
  });
}

/**
 * An extension page to send requests from: the popup pinned to a tab that does not exist, which shows a notice and
 * reads next to nothing when the knowledge changes (options would list every saved article again after each save).
 */
export async function requestPage(session) {
  const page = await session.browser.newPage();
  await page.goto(`${session.origin}/popup.html?tabId=999999999`, { waitUntil: 'load' });
  await installAsk(page);
  return page;
}
