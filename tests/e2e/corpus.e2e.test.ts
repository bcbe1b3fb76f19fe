// Every real news page of the corpus, and the demo page, in both browsers: names are marked, the page's DOM
// stays byte-identical (through hovering and a site off/on), nothing is sent, nothing is logged as an error.
// Pages are served with their own scripts and frames switched off (?static): their DOM is then the markup's,
// so any change is the extension's; their images and styles still load (and are blocked and blamed on the page).
import { readdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import seed from '../../assets/kb/seed.json';
import { combinedPattern } from '../../bench/lib/dictionary.mjs';
import { buildPageDictionary } from '../../lib/background/page-dictionary';
import { dictionaryItem } from '../../lib/shared/kb/dictionary';
import { parseDataset } from '../../lib/shared/kb/parse';
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
import { cardName } from './support/card';
import {
  allMentions,
  allMentionsByPosition,
  domAtReady,
  openNextCard,
  openWithSnapshot,
  paintedTexts,
  referenceMatches,
  serializeDom,
  settledPaint,
  tabMentions,
} from './support/highlights';
import { until } from './support/poll';

/** The bundled knowledge base's aliases as one regex: the reference the painted mentions are held to. */
function referencePattern(): ReturnType<typeof combinedPattern> {
  const parsed = parseDataset(seed);
  if (!parsed.ok) throw new Error('assets/kb/seed.json does not parse');
  return combinedPattern(parsed.value.entities.map(dictionaryItem));
}

/**
 * Names the bundled knowledge base shares with something else ("Washington": the capital it holds, and the US state):
 * each page decides what they stand for (lib/shared/match/resolve.ts) and leaves them unmarked when it can't, so the
 * reference may find them where the content script rightly marks nothing.
 */
function sharedNames(): Set<string> {
  const parsed = parseDataset(seed);
  if (!parsed.ok) throw new Error('assets/kb/seed.json does not parse');
  return new Set(
    buildPageDictionary(parsed.value.entities).flatMap((entry) =>
      'among' in entry && entry.among.length > 1
        ? entry.aliases.map((alias) => alias.text.toLowerCase())
        : [],
    ),
  );
}

const launchers = { chromium: launchChromium, firefox: launchFirefox } as const;
const PATTERN = referencePattern();
const SHARED = sharedNames();
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

/** True if the focused mention (the focus highlight's range) lies inside the viewport. */
function focusInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [range] = [...(CSS.highlights.get('backstory-focus') ?? [])] as AbstractRange[];
    if (!range) return false;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const box = live.getBoundingClientRect();
    return box.width > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });
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
  /** Markup of the pages opened so far, to recognise their late requests (below). */
  const earlierMarkup: string[] = [];

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
    // Firefox's list is made afresh on every read (it merges two sources): count, don't clear.
    const errorsBefore = extensionConsoleErrors(session.consoleErrors).length;
    const page = await openWithSnapshot(session, `${path}?static`);
    await page.bringToFront();
    await settledPaint(page, { atLeast: 0, quietMs: 600 });
    const ready = await domAtReady(page);
    expect(await serializeDom(page)).toBe(ready);
    expect(await paintedInSkippedRegions(page)).toEqual([]);

    // Every mention the content script holds against the independent reference: nothing it finds is missing,
    // and what only Backstory finds is a name split over inline tags (which a per-text-node regex can't see).
    const all = await allMentionsByPosition(options, page);
    const reference = await referenceMatches(page, PATTERN);
    const missing = [...reference].filter(
      ([key, text]) =>
        all.get(key)?.text !== text && !(SHARED.has(text.toLowerCase()) && !all.has(key)),
    );
    const extra = [...all].filter(([key, m]) => !m.acrossNodes && reference.get(key) !== m.text);
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    // The content script's own count (the badge, the popup, the panel) is the same.
    const reported = await tabMentions(options, page.url());
    const total = reported.entities.reduce((sum, entity) => sum + entity.count, 0);
    expect(reported.active).toBe(true);
    expect(total).toBe(all.size);
    // Stepping scrolled the page: back to the top, where the rest of the test began.
    await page.evaluate(() => window.scrollTo(0, 0));
    const atTop = await settledPaint(page, { atLeast: 0, quietMs: 600 });
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
    // A card open for certain, wherever the page's names are: the keyboard path opens one. A name in a box that
    // can't scroll into view (yahoo-2's slideshow) shows none, rightly: step on to the first one in view.
    if (total > 0) {
      let name = '';
      for (let step = 0; step < total && name === ''; step++) {
        await openNextCard(options, page);
        await page.bringToFront();
        if (!(await focusInView(page))) continue;
        name = await until(
          'a card',
          () => cardName(page),
          (shown) => shown !== '',
          10_000,
        );
      }
      expect(name).not.toBe('');
      expect(await serializeDom(page)).toBe(ready);
      await page.keyboard.press('Escape');
      await until(
        'the card closed',
        () => cardName(page),
        (shown) => shown === '',
        10_000,
      );
      await page.evaluate(() => window.scrollTo(0, 0));
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
    // On again: the content script holds every mention again, and those near the viewport are painted.
    await expect
      .poll(
        async () =>
          (await tabMentions(options, page.url())).entities.reduce((n, e) => n + e.count, 0),
        { timeout: 10_000 },
      )
      .toBe(total);
    await page.bringToFront();
    if (allMentions(atTop).length > 0) {
      await expect
        .poll(async () => allMentions(await paintedTexts(page)).length, { timeout: 10_000 })
        .toBeGreaterThan(0);
    }
    expect(await serializeDom(page)).toBe(ready);

    // Chromium opens the connections a page's <link rel=preconnect|dns-prefetch> hints name without any request
    // the tab can see; they reach the harness proxy unattributed. A CONNECT to a host the page's own markup
    // names is the page's. So is a straggler of an earlier page: an image it asked for as its tab closed (and
    // the tab's interception with it): a GET from this server's pages at a URL that page's markup names, or (Firefox,
    // HTTPS: a CONNECT with no sender) a tunnel to a host it names — seen once in 3 runs each. Any other
    // unattributed or extension request still fails the test (the harness's leaky-extension test shows such a request is caught).
    earlierMarkup.push(await page.evaluate(() => document.documentElement.outerHTML));
    const named = (url: string, html: string) =>
      html.includes(url) || html.includes(url.replaceAll('&', '&amp;'));
    const sent = session.network
      .fromExtension()
      .filter(
        (r) =>
          !(
            r.source === 'unattributed' &&
            ((r.method === 'CONNECT' &&
              earlierMarkup.some((html) => html.includes(r.url.replace(/:443$/, '')))) ||
              (r.method === 'GET' &&
                r.context.startsWith(server.origin) &&
                earlierMarkup.some((html) => named(r.url, html))))
          ),
      );
    expect(sent).toEqual([]);
    const errors = extensionConsoleErrors(session.consoleErrors).slice(errorsBefore);
    expect(errors).toEqual([]);
    await page.close();
  });
});
