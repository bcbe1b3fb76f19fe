/// <reference types="chrome" />
// The side panel page in real browsers, pinned to a tab showing the demo page: the list matches the highlights,
// clicks scroll the page, search forgives typos, views and history work by keyboard, and axe finds nothing.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ExtensionSession,
  extensionConsoleErrors,
  launchChromium,
  launchFirefox,
  screenshot,
  startServer,
  type TestServer,
} from './harness';
import {
  axeViolations,
  heading,
  namesBrokenMidWord,
  openPinned,
  openServedInWindow,
  visibleText,
  waitForText,
} from './panel-support';
import { paintedTexts, settledPaint } from './support/highlights';

/** What the "On this page" list shows: per kind heading, the entities' names and counts. */
async function listed(panel: Page): Promise<{ kind: string; name: string; count: number }[]> {
  return panel.$$eval('.page-group', (groups) =>
    groups.flatMap((group) =>
      [...group.querySelectorAll<HTMLElement>('.entity-button')].map((button) => ({
        kind: button.dataset.kind ?? '',
        name: button.querySelector('.entity-name')?.textContent ?? '',
        count: Number(button.querySelector('.count-badge')?.textContent),
      })),
    ),
  );
}

/**
 * How many mentions of each kind the page paints, counted over the whole page: only mentions near the
 * viewport are painted at a time, so the page is scrolled through and every range seen is counted once.
 */
async function everyPaintedMention(page: Page): Promise<Record<string, number>> {
  const seen = await page.evaluate(async () => {
    const ids = new WeakMap<Node, number>();
    let next = 0;
    const id = (node: Node) => {
      let value = ids.get(node);
      if (value === undefined) {
        value = next++;
        ids.set(node, value);
      }
      return value;
    };
    const keys: Record<string, Set<string>> = {};
    const collect = () => {
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('backstory-') || name === 'backstory-focus') continue;
        const kind = name.slice('backstory-'.length);
        keys[kind] ??= new Set();
        for (const range of highlight as Iterable<AbstractRange>) {
          keys[kind].add(`${id(range.startContainer)}:${range.startOffset}`);
        }
      }
    };
    const height = document.documentElement.scrollHeight;
    for (let y = 0; y <= height; y += Math.floor(innerHeight / 2)) {
      window.scrollTo(0, y);
      await new Promise((done) => setTimeout(done, 250));
      collect();
    }
    window.scrollTo(0, 0);
    return Object.fromEntries(Object.entries(keys).map(([kind, set]) => [kind, set.size]));
  });
  return seen;
}

async function clickButton(page: Page, name: string): Promise<void> {
  const button = await page.waitForSelector(`::-p-aria(${name})`, { timeout: 5_000 });
  await button?.click();
}

describe('chromium: side panel', () => {
  let server: TestServer;
  let session: ExtensionSession;
  let article: Page;
  let panel: Page;

  beforeAll(async () => {
    server = await startServer();
    session = await launchChromium({ server });
    article = await openServedInWindow(session, '/demo.html', { width: 1100, height: 700 });
    await settledPaint(article, { atLeast: 20 });
    ({ page: panel } = await openPinned(session, 'sidepanel', article));
    await panel.waitForSelector('.page-group', { timeout: 10_000 });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('“On this page” lists what the page highlights, by kind, with the same counts', async () => {
    const painted = await everyPaintedMention(article);
    const rows = await listed(panel);
    for (const kind of ['person', 'organization', 'place']) {
      const counted = rows
        .filter((row) => row.kind === kind)
        .reduce((sum, row) => sum + row.count, 0);
      expect(counted, kind).toBe(painted[kind] ?? 0);
    }
    const names = rows.map((row) => row.name);
    expect(names).toEqual(
      expect.arrayContaining(['Kyiv', 'Volodymyr Zelenskyy', 'Keir Starmer', 'European Union']),
    );
    const headings = await panel.$$eval('.group-heading', (hs) => hs.map((h) => h.textContent));
    expect(headings[0]).toMatch(/^People/);
    expect(await namesBrokenMidWord(panel)).toEqual([]);
    await screenshot(panel, 'e2e/sidepanel-on-this-page');
  });

  test('clicking an entity scrolls the page to its next mention and flashes it; again cycles', async () => {
    const kyiv = rowsCount(await listed(panel), 'Kyiv');
    expect(kyiv).toBeGreaterThan(3);
    await article.evaluate(() => window.scrollTo(0, 0));
    const focused = () =>
      article.evaluate(() => {
        const focus = CSS.highlights.get('backstory-focus');
        const painted = focus ? ([...focus][0] as AbstractRange | undefined) : undefined;
        if (!painted) return null;
        // Mentions are painted as StaticRanges; a live Range measures one.
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        return {
          text: range.toString(),
          top: range.getBoundingClientRect().top,
          scrollY: window.scrollY,
        };
      });
    const kyivButton = '.entity-button[data-entity-id="kyiv"]';
    await panel.click(kyivButton);
    await panel.waitForFunction(() => document.body.innerText.includes('1 of'), { timeout: 5_000 });
    const first = await focused();
    expect(first?.text).toMatch(/^Kyiv/);
    const seen = new Set<number>();
    for (let i = 0; i < 3; i++) {
      await panel.click(kyivButton);
      await panel.waitForFunction(
        (n) => document.body.innerText.includes(`${n} of`),
        { timeout: 5_000 },
        i + 2,
      );
      const next = await focused();
      expect(next?.text).toMatch(/^Kyiv/);
      // The focused mention is in the viewport.
      expect(next?.top).toBeGreaterThanOrEqual(0);
      expect(next?.top).toBeLessThan(700);
      seen.add(Math.round((next?.scrollY ?? 0) + (next?.top ?? 0)));
    }
    // Each click went to a different mention.
    expect(seen.size).toBe(3);
  });

  test('search finds misspelled names, by keyboard; the entity view shows facts, quotes, events', async () => {
    for (const [query, name] of [
      ['zelensky', 'Volodymyr Zelenskyy'],
      ['kyv', 'Kyiv'],
      ['starmr', 'Keir Starmer'],
    ] as const) {
      await panel.click('#search-input', { count: 3 });
      await panel.keyboard.type(query);
      await panel.waitForSelector('[role="option"]');
      const first = await panel.$eval('[role="option"]', (option) => option.textContent ?? '');
      expect(first, query).toContain(name);
    }
    // starmr is still typed: arrow down to the first result, Enter opens it.
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('Enter');
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Keir Starmer');
    const text = await visibleText(panel);
    expect(text).toContain('British Prime Minister');
    expect(text.toLowerCase()).toContain('facts');
    // Related entities with long relation notes: each name stays whole words, also at the narrowest
    // side panel Chrome allows (320 px).
    const related = await panel.$$eval('#related-heading + .entity-list .entity-name', (names) =>
      names.map((name) => name.textContent),
    );
    expect(related).toContain('United Kingdom');
    expect(await namesBrokenMidWord(panel)).toEqual([]);
    await panel.setViewport({ width: 320, height: 900 });
    expect(await namesBrokenMidWord(panel)).toEqual([]);
    await screenshot(panel, 'e2e/sidepanel-entity-320');
    await panel.setViewport({ width: 420, height: 900 });
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, 'e2e/sidepanel-entity');
  });

  test('a fact’s source sentence opens in the article view, emphasised and scrolled into view', async () => {
    await panel.click('.fact summary');
    await clickButton(panel, 'Show in the article');
    await panel.waitForSelector('.source-view .emphasis');
    // Scrolled to (smoothly, so give it a moment): the sentence starts inside the panel's viewport.
    await panel.waitForFunction(
      () => {
        const box = document.querySelector('.source-view .emphasis')?.getBoundingClientRect();
        return box !== undefined && box.top >= 0 && box.top < innerHeight;
      },
      { timeout: 5_000 },
    );
    const emphasis = await panel.$eval('.source-view .emphasis', (element) => ({
      text: element.textContent ?? '',
      scrolled: (document.querySelector('.panel-main') as HTMLElement).scrollTop,
    }));
    expect(emphasis.text).toContain('Starmer');
    expect(emphasis.scrolled).toBeGreaterThan(200);
    const marks = await panel.$$eval('.source-view mark.mention', (ms) => ms.length);
    expect(marks).toBeGreaterThan(50);
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, 'e2e/sidepanel-source');
  });

  test('Alt+Left and Alt+Right walk the history; the event view shows figures', async () => {
    await panel.focus('body');
    await panel.keyboard.down('Alt');
    await panel.keyboard.press('ArrowLeft');
    await panel.keyboard.up('Alt');
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Keir Starmer');
    await panel.keyboard.down('Alt');
    await panel.keyboard.press('ArrowRight');
    await panel.keyboard.up('Alt');
    await panel.waitForSelector('.source-view');
    await clickButton(panel, 'Back');
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Keir Starmer');
    // The attack on Kyiv, found by searching for it.
    await panel.click('#search-input', { count: 3 });
    await panel.keyboard.type('missile attack on kyiv');
    await panel.waitForSelector('[role="option"]');
    const options = await panel.$$('[role="option"]');
    for (const option of options) {
      const text = await option.evaluate((o) => o.textContent ?? '');
      if (text.includes('Russian missile and drone attack on Kyiv')) {
        await option.click();
        break;
      }
    }
    await panel.waitForSelector('.figures');
    const figures = await panel.$$eval('.figure', (fs) =>
      fs.map((f) => (f as HTMLElement).innerText.replace(/\s+/g, ' ')),
    );
    expect(figures.join(' | ')).toContain('at least 21');
    expect(await heading(panel)).toContain('attack on Kyiv');
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, 'e2e/sidepanel-event');
  });

  test('content added to the page updates the list', async () => {
    await panel.click('.history-nav .tab-button');
    await panel.waitForSelector('.page-group');
    const before = rowsCount(await listed(panel), 'Keir Starmer');
    await article.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Keir Starmer spoke again.';
      document.querySelector('article, main, body')?.appendChild(p);
    });
    await panel.waitForFunction(
      (n) =>
        [...document.querySelectorAll('.entity-button')].some(
          (b) =>
            b.querySelector('.entity-name')?.textContent === 'Keir Starmer' &&
            Number(b.querySelector('.count-badge')?.textContent) === n,
        ),
      { timeout: 10_000 },
      before + 1,
    );
    expect(await axeViolations(panel)).toEqual([]);
  });

  test('a landing request (card, context menu) takes the open panel to its entity or search', async () => {
    await panel.evaluate(() =>
      chrome.storage.session.set({ panelTarget: { view: 'entity', entityId: 'kaja-kallas' } }),
    );
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Kaja Kallas');
    // A looked-up selection that plainly names one entity lands on it, even misspelled.
    await panel.evaluate(() =>
      chrome.storage.session.set({ panelTarget: { view: 'search', query: 'Friedrich Mertz' } }),
    );
    await panel.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Friedrich Merz',
    );
    await panel.evaluate(() =>
      chrome.storage.session.set({ panelTarget: { view: 'search', query: 'president' } }),
    );
    await panel.waitForSelector('[role="option"]');
    expect(await panel.$eval('#search-input', (input) => (input as HTMLInputElement).value)).toBe(
      'president',
    );
  });

  test('site off: the panel says so and its button turns the site back on', async () => {
    await panel.evaluate(() =>
      chrome.storage.local.set({
        settings: { enabled: true, mode: 'everywhere-except', sites: ['127.0.0.1'] },
      }),
    );
    await panel.click('.history-nav .tab-button');
    await waitForText(panel, 'Highlighting is off on 127.0.0.1');
    expect(await axeViolations(panel)).toEqual([]);
    await clickButton(panel, 'Turn on for 127.0.0.1');
    await panel.waitForSelector('.page-group', { timeout: 10_000 });
    expect(Object.values(await paintedTexts(article)).flat().length).toBeGreaterThan(20);
  });

  test('dark theme: still axe-clean', async () => {
    await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(27, 27, 31)');
    expect(await axeViolations(panel)).toEqual([]);
    await panel.click('.entity-button[data-entity-id="keir-starmer"] + .details-button');
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Keir Starmer');
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, 'e2e/sidepanel-entity-dark');
    await panel.emulateMediaFeatures([]);
  });

  test('no errors from the extension', () => {
    expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
  });
});

function rowsCount(rows: { name: string; count: number }[], name: string): number {
  return rows.find((row) => row.name === name)?.count ?? 0;
}

describe('firefox: side panel page', () => {
  let server: TestServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await startServer();
    session = await launchFirefox({ server });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('renders with the bundled dataset: search and the entity view work', async () => {
    const panel = await session.openExtensionPage('sidepanel', { width: 420, height: 900 });
    await panel.waitForSelector('#search-input:not([disabled])', { timeout: 10_000 });
    await panel.click('#search-input');
    await panel.keyboard.type('starmr');
    await panel.waitForSelector('[role="option"]');
    await panel.keyboard.press('Enter');
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Keir Starmer');
    expect(await visibleText(panel)).toContain('British Prime Minister');
    await screenshot(panel, 'e2e/firefox-sidepanel-entity');
  });
});
