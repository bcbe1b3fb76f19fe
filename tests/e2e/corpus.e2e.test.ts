// Every real news page of the corpus, and the demo page, in both browsers: names are marked, the page's DOM
// stays byte-identical (through hovering and a site off/on), nothing is sent, nothing is logged as an error.
// Pages are served with their own scripts and frames switched off (?static): their DOM is then the markup's,
// so any change is the extension's; their images and styles still load (and are blocked and blamed on the page).
import { readdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BrowserKind,
  corpusDir,
  type ExtensionSession,
  extensionConsoleErrors,
  launchChromium,
  launchFirefox,
  screenshot,
  startServer,
  type TestServer,
} from './harness';
import {
  allMentions,
  domAtReady,
  openWithSnapshot,
  paintedTexts,
  serializeDom,
  settledPaint,
  tabMentions,
} from './support/highlights';

const launchers = { chromium: launchChromium, firefox: launchFirefox } as const;
const browsers: BrowserKind[] = ['chromium', 'firefox'];
const pages = [
  '/demo.html',
  ...readdirSync(corpusDir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => `/corpus/${name}`),
];

/** Elements whose text must never be highlighted, checked from the page side for every painted range. */
const SKIPPED_SELECTOR =
  'input, textarea, select, script, style, noscript, template, code, pre, svg, [contenteditable]:not([contenteditable="false"])';

async function paintedInSkippedRegions(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const bad: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('backstory-')) continue;
      for (const range of highlight) {
        const element = (range as AbstractRange).startContainer.parentElement;
        if (element?.closest(selector) || (element && !element.checkVisibility())) {
          bad.push(element.outerHTML.slice(0, 120));
        }
      }
    }
    return bad;
  }, SKIPPED_SELECTOR);
}

/** Turns highlighting for the served site off or on the way the popup does: through the settings in storage. */
async function setSite(options: Page, on: boolean): Promise<void> {
  await options.evaluate(async (turnOn) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const { settings } = (await api.storage.local.get('settings')) as {
      settings?: { enabled: boolean; mode: string; sites: string[] };
    };
    const current = settings ?? { enabled: true, mode: 'everywhere-except', sites: [] };
    const sites = current.sites.filter((site) => site !== '127.0.0.1');
    if (!turnOn) sites.push('127.0.0.1');
    await api.storage.local.set({ settings: { ...current, sites } });
  }, on);
}

describe.each(browsers)('%s: the corpus', (kind) => {
  let server: TestServer;
  let session: ExtensionSession;
  let options: Page;
  const markups: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    session = await launchers[kind]({ server });
    options = await session.openExtensionPage('options');
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test.each(pages)('%s', async (path) => {
    session.network.clear();
    session.consoleErrors.length = 0;
    const page = await openWithSnapshot(session, `${path}?static`);
    await page.bringToFront();
    const painted = await settledPaint(page, { atLeast: 0, quietMs: 600 });
    const ready = await domAtReady(page);
    expect(await serializeDom(page)).toBe(ready);
    expect(await paintedInSkippedRegions(page)).toEqual([]);

    // What the content script reports equals what is painted near the viewport, at most.
    const reported = await tabMentions(options, page.url());
    const total = reported.entities.reduce((sum, entity) => sum + entity.count, 0);
    expect(reported.active).toBe(true);
    expect(allMentions(painted).length).toBeLessThanOrEqual(total);
    await screenshot(page, `e2e/corpus/${kind}-${path.split('/').pop()?.replace('.html', '')}`);

    // Hover the first painted mention (the card may open), move away, press Escape: the DOM is unchanged.
    const point = await page.evaluate(() => {
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('backstory-') || name === 'backstory-focus') continue;
        for (const range of highlight) {
          const r = range as AbstractRange;
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          const box = live.getBoundingClientRect();
          if (box.width > 0 && box.top >= 0 && box.bottom <= window.innerHeight) {
            return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
          }
        }
      }
      return null;
    });
    if (point) {
      await page.mouse.move(point.x, point.y, { steps: 2 });
      await new Promise((done) => setTimeout(done, 700));
      await page.mouse.move(1, 1);
      await page.keyboard.press('Escape');
      await new Promise((done) => setTimeout(done, 400));
    }
    expect(await serializeDom(page)).toBe(ready);

    // The site off: every highlight goes; on again: they come back. The DOM never changes.
    await setSite(options, false);
    await page.bringToFront();
    await expect
      .poll(async () => allMentions(await paintedTexts(page)).length, { timeout: 5_000 })
      .toBe(0);
    await setSite(options, true);
    await page.bringToFront();
    await expect
      .poll(async () => allMentions(await paintedTexts(page)).length, { timeout: 10_000 })
      .toBe(allMentions(painted).length);
    expect(await serializeDom(page)).toBe(ready);

    // Chromium opens the connections a page's <link rel=preconnect|dns-prefetch> hints name without any request
    // the tab can see; they reach the harness proxy unattributed. A CONNECT to a host the page's own markup
    // names is the page's; any other unattributed or extension request still fails the test.
    const markup = await page.evaluate(() => document.documentElement.outerHTML);
    const sent = session.network
      .fromExtension()
      .filter(
        (r) =>
          !(
            r.source === 'unattributed' &&
            r.method === 'CONNECT' &&
            markup.includes(r.url.replace(/:443$/, ''))
          ),
      );
    expect(sent).toEqual([]);
    const errors = extensionConsoleErrors(session.consoleErrors);
    expect(errors).toEqual([]);
    await page.close();
  });
});
