// How much to highlight, in real browsers: "first mention of each" and "article only" chosen in the popup change every
// open tab of the site at once, without a reload, and the counts follow; "Use the default" and the default set in
// options bring them back. Asserted on what each tab paints (tests/fixtures/pages/marking.html).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BrowserKind,
  type ExtensionSession,
  extensionConsoleErrors,
  launchChromium,
  launchFirefox,
  screenshot,
  startServer,
  type TestServer,
} from './harness';
import { openPinned, openServedInWindow } from './panel-support';
import { tabMentions } from './support/highlights';
import { until } from './support/poll';

const launchers = { chromium: launchChromium, firefox: launchFirefox } as const;
const browsers: BrowserKind[] = ['chromium', 'firefox'];

/** What the page paints, as "where: text" (where: the nav, article, aside or footer around it), sorted. */
function painted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('backstory-') || name === 'backstory-focus') continue;
      for (const range of highlight) {
        const r = range as AbstractRange;
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const where = r.startContainer.parentElement?.closest('nav, article, aside, footer');
        out.push(`${where?.localName ?? '?'}: ${live.toString()}`);
      }
    }
    return out.sort();
  });
}

const EVERYTHING = [
  'article: Kyiv',
  'article: Kyiv',
  'article: Kyiv',
  'article: NATO',
  'article: Putin',
  'article: Putin',
  'article: Volodymyr Zelenskyy',
  'article: Zelenskyy',
  'article: Zelenskyy',
  'article: Zelenskyy',
  'aside: Keir Starmer',
  'aside: Putin',
  'footer: Brussels',
  'nav: Kyiv',
  'nav: NATO',
  'nav: Putin',
];
/** The first of each entity in page order: the menu's Putin, Kyiv and NATO, the headline's Zelenskyy. */
const FIRSTS = [
  'article: Zelenskyy',
  'aside: Keir Starmer',
  'footer: Brussels',
  'nav: Kyiv',
  'nav: NATO',
  'nav: Putin',
];
/** The first of each within the article. */
const ARTICLE_FIRSTS = ['article: Kyiv', 'article: NATO', 'article: Putin', 'article: Zelenskyy'];

describe.each(browsers)('%s: how much to highlight', (kind) => {
  let server: TestServer;
  let session: ExtensionSession;
  let tabs: Page[];
  let popup: Page;

  beforeAll(async () => {
    server = await startServer();
    session = await launchers[kind]({ server });
    // Two tabs of the same site: a choice for the site reaches both.
    tabs = [
      await openServedInWindow(session, '/marking.html'),
      await openServedInWindow(session, '/marking.html'),
    ];
    for (const tab of tabs) {
      await tab.bringToFront();
      await until(
        'the whole page painted',
        () => painted(tab),
        (p) => p.length === EVERYTHING.length,
      );
    }
    ({ page: popup } = await openPinned(session, 'popup', tabs[0] as Page, {
      width: 360,
      height: 800,
    }));
    await popup.waitForSelector('#site-marking-density-first', { timeout: 10_000 });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** Every tab of the site comes to paint `expected` (a tab in the background is brought forward: hidden, it waits). */
  async function everyTabPaints(what: string, expected: string[]): Promise<void> {
    for (const tab of tabs) {
      await tab.bringToFront();
      expect(
        await until(
          what,
          () => painted(tab),
          (p) => p.join() === expected.join(),
        ),
      ).toEqual(expected);
    }
  }

  async function click(page: Page, selector: string): Promise<void> {
    await page.bringToFront();
    await page.click(selector);
  }

  test('every mention at first; “first mention of each” in the popup leaves one per name, live, in both tabs', async () => {
    expect(await painted(tabs[0] as Page)).toEqual(EVERYTHING);
    await click(popup, '#site-marking-density-first');
    await everyTabPaints('the first mention of each', FIRSTS);
    // The counts are still of every mention.
    const { entities } = await tabMentions(popup, (tabs[0] as Page).url());
    expect(Object.fromEntries(entities.map((e) => [e.entityId, e.count]))).toMatchObject({
      'vladimir-putin': 4,
      kyiv: 4,
      'volodymyr-zelenskyy': 4,
    });
    await screenshot(tabs[0] as Page, `e2e/${kind}-marking-first`);
  });

  test('“article only” leaves the menu, the sidebar and the footer unpainted and uncounted', async () => {
    await click(popup, '#site-marking-scope-article');
    await everyTabPaints('the article’s first mentions', ARTICLE_FIRSTS);
    const { entities } = await tabMentions(popup, (tabs[1] as Page).url());
    expect(Object.fromEntries(entities.map((e) => [e.entityId, e.count]))).toEqual({
      'volodymyr-zelenskyy': 4,
      kyiv: 3,
      'vladimir-putin': 2,
      nato: 1,
    });
    await popup.bringToFront();
    await until(
      'the popup’s note on what it counts',
      () => popup.evaluate(() => document.body.textContent ?? ''),
      (text) => text.includes('Only the article is read'),
    );
    await screenshot(popup, `e2e/${kind}-marking-popup`);
    // Every mention again, still the article only.
    await click(popup, '#site-marking-density-every');
    await everyTabPaints(
      'every mention of the article',
      EVERYTHING.filter((m) => m.startsWith('article')),
    );
  });

  test('the site’s choice survives a reload of the page and of the popup', async () => {
    await click(popup, '#site-marking-density-first');
    await everyTabPaints('the article’s first mentions', ARTICLE_FIRSTS);
    const tab = tabs[0] as Page;
    await tab.bringToFront();
    await tab.reload({ waitUntil: 'load' });
    expect(
      await until(
        'the article’s first mentions after a reload',
        () => painted(tab),
        (p) => p.join() === ARTICLE_FIRSTS.join(),
      ),
    ).toEqual(ARTICLE_FIRSTS);
    // It stays that way: nothing paints the whole page once the reload has settled.
    expect(await painted(tab)).toEqual(ARTICLE_FIRSTS);
    // A popup opened afresh shows the site's choice.
    await popup.close();
    ({ page: popup } = await openPinned(session, 'popup', tab, { width: 360, height: 800 }));
    await popup.waitForSelector('#site-marking-density-first', { timeout: 10_000 });
    expect(
      await until(
        'the popup showing the site’s choice',
        () =>
          popup.evaluate(() =>
            ['#site-marking-density-first', '#site-marking-scope-article'].map(
              (s) => (document.querySelector(s) as HTMLInputElement | null)?.checked ?? false,
            ),
          ),
        (checked) => checked.every(Boolean),
      ),
    ).toEqual([true, true]);
  });

  test('“Use the default” brings the whole page back; the default set in options applies at once', async () => {
    await popup.bringToFront();
    await until(
      'the way back to the default',
      () => popup.$('.marking-source button'),
      (button) => button !== null,
    );
    await click(popup, '.marking-source button');
    await everyTabPaints('the whole page again', EVERYTHING);
    const options = await session.openExtensionPage('options', { width: 1000, height: 1200 });
    await options.waitForSelector('#default-marking-density-first', { timeout: 10_000 });
    await click(options, '#default-marking-density-first');
    await everyTabPaints('the default: first mention of each', FIRSTS);
    await click(options, '#default-marking-density-every');
    await everyTabPaints('the default: every mention', EVERYTHING);
    await options.close();
    expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
  });
});
