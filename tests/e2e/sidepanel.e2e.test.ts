/// <reference types="chrome" />
// The side panel page in real browsers, pinned to a tab showing the demo page: the list matches the highlights,
// clicks scroll the page, search forgives typos, views and history work by keyboard, and axe finds nothing; the real
// panel of each window, and "Look up in Backstory" reaching it (Chromium's event dispatch, Firefox's real menu).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ExtensionSession,
  extensionConsoleErrors,
  inFirefoxChrome,
  launchChromium,
  launchFirefox,
  screenshot,
  startServer,
  type TestServer,
} from './harness';
import {
  axeViolations,
  dispatchInWorker,
  heading,
  namesBrokenMidWord,
  openPinned,
  openServedInWindow,
  realPanelOf,
  resultsFor,
  serviceWorker,
  tabIdOf,
  visibleText,
  waitForText,
} from './panel-support';
import {
  chooseMenuItem,
  closeContextMenu,
  openContextMenu,
  selectText,
} from './support/firefox-menu';
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

/** Waits until the view's heading reads `text`. */
const h1Is = (page: Page, text: string) =>
  page.waitForFunction(
    (t) => document.querySelector('h1')?.textContent === t,
    { timeout: 10_000 },
    text,
  );

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

  test('the entity view shows the passages where the page mentions it; each one scrolls to its mention', async () => {
    await panel.click('.entity-button[data-entity-id="kyiv"] + .details-button');
    await h1Is(panel, 'Kyiv');
    const passages = await panel.$$eval('.snippets .snippet', (buttons) =>
      buttons.map((button) => button.textContent ?? ''),
    );
    expect(passages).toHaveLength(3);
    expect(await visibleText(panel)).toMatch(/…and \d+ more\./);
    /** The text around the mention the page focuses now, whitespace collapsed. */
    const focusedText = () =>
      article.evaluate(() => {
        const focus = CSS.highlights.get('backstory-focus');
        const range = focus ? ([...focus][0] as AbstractRange | undefined) : undefined;
        return range?.startContainer.textContent?.replace(/\s+/g, ' ') ?? null;
      });
    const seen: string[] = [];
    for (const index of [1, 2, 0]) {
      const passage = (passages[index] as string).replace(/^…|…$/g, '');
      await panel.click(`.snippets li:nth-child(${index + 1}) .snippet`);
      await panel.waitForSelector(
        `.snippets li:nth-child(${index + 1}) .snippet[aria-current="true"]`,
      );
      await article.waitForFunction(
        (text) =>
          [...(CSS.highlights.get('backstory-focus') ?? [])].some((range) =>
            ((range as AbstractRange).startContainer.textContent ?? '')
              .replace(/\s+/g, ' ')
              .includes(text),
          ),
        { timeout: 5_000 },
        passage,
      );
      seen.push((await focusedText()) ?? '');
    }
    expect(new Set(seen).size).toBe(3);
    expect(await visibleText(panel)).toMatch(/showing \d+ of \d+/);
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, 'e2e/sidepanel-entity-passages');
  });

  test('search finds misspelled names, by keyboard; the entity view shows facts, quotes, events', async () => {
    for (const [query, name] of [
      ['zelensky', 'Volodymyr Zelenskyy'],
      ['kyv', 'Kyiv'],
      ['starmr', 'Keir Starmer'],
    ] as const) {
      await panel.click('#search-input', { count: 3 });
      await panel.keyboard.type(query);
      await resultsFor(panel, query);
      const first = await panel.$eval('[role="option"]', (option) => option.textContent ?? '');
      expect(first, query).toContain(name);
    }
    // The arrows move the active option and Enter opens that one, not just the first.
    await panel.click('#search-input', { count: 3 });
    await panel.keyboard.type('ukraine');
    await resultsFor(panel, 'ukraine');
    await panel.waitForSelector('#search-option-1');
    const titles = await panel.$$eval('[role="option"] .hit-title', (ts) =>
      ts.map((t) => t.textContent ?? ''),
    );
    expect(titles.length).toBeGreaterThan(10);
    expect(titles[1]).not.toBe(titles[0]);
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    expect(
      await panel.$eval('#search-input', (input) => input.getAttribute('aria-activedescendant')),
    ).toBe('search-option-1');
    expect(await panel.$eval('#search-option-1', (o) => o.getAttribute('aria-selected'))).toBe(
      'true',
    );
    await panel.keyboard.press('Enter');
    await h1Is(panel, titles[1] as string);
    // Back at the results in a short panel, ArrowUp wraps to the last option: scrolled into view.
    await clickButton(panel, 'Back');
    await panel.waitForSelector('#search-option-1');
    await panel.setViewport({ width: 420, height: 500 });
    // The resize reaches the page's layout after setViewport returns: scrolling before it scrolled the old panel.
    await panel.waitForFunction(() => {
      const main = document.querySelector('.panel-main') as HTMLElement | null;
      return window.innerHeight === 500 && main !== null && main.clientHeight <= 500;
    });
    await panel.focus('#search-input');
    await panel.keyboard.press('ArrowUp');
    const last = `#search-option-${titles.length - 1}`;
    await panel.waitForSelector(`${last}[aria-selected="true"]`);
    const shown = await panel.$eval(last, (option) => {
      const main = document.querySelector('.panel-main') as HTMLElement;
      const box = option.getBoundingClientRect();
      const view = main.getBoundingClientRect();
      return {
        overflows: main.scrollHeight > main.clientHeight,
        inView: box.top >= view.top - 1 && box.bottom <= view.bottom + 1,
      };
    });
    expect(shown).toEqual({ overflows: true, inView: true });
    await panel.setViewport({ width: 420, height: 900 });
    // starmr: its first result, by keyboard.
    await panel.click('#search-input', { count: 3 });
    await panel.keyboard.type('starmr');
    await resultsFor(panel, 'starmr');
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
    await resultsFor(panel, 'missile attack on kyiv');
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
    // Requests are made per window: this panel takes those for the window it is shown in.
    const request = (target: object) =>
      panel.evaluate(async (value) => {
        const { id } = await chrome.windows.getCurrent();
        await chrome.storage.session.set({ [`panelTarget:${id}`]: value });
      }, target);
    await request({ view: 'entity', entityId: 'kaja-kallas' });
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Kaja Kallas');
    // A looked-up selection that plainly names one entity lands on it, even misspelled.
    await request({ view: 'search', query: 'Friedrich Mertz' });
    await panel.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Friedrich Merz',
    );
    await request({ view: 'search', query: 'president' });
    await resultsFor(panel, 'president');
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
    // An entity's view says so too, instead of calling the page unavailable.
    await panel.click('#search-input', { count: 3 });
    await panel.keyboard.type('starmer');
    await resultsFor(panel, 'starmer');
    await panel.keyboard.press('Enter');
    await h1Is(panel, 'Keir Starmer');
    const onPage = await panel.$eval('#on-page-heading', (h) => h.parentElement?.textContent);
    expect(onPage).toContain('Highlighting is off on 127.0.0.1');
    expect(onPage).not.toContain('not available');
    await panel.click('.history-nav .tab-button');
    await clickButton(panel, 'Turn on for 127.0.0.1');
    await panel.waitForSelector('.page-group', { timeout: 10_000 });
    expect(Object.values(await paintedTexts(article)).flat().length).toBeGreaterThan(20);
  });

  test('the global switch over a site already off: the panel names the switch that is off', async () => {
    // Nothing on the page changes here (off stays off): the panel learns it because the tab says it
    // applied the new state, not by waiting a guessed moment.
    const set = (settings: object) =>
      panel.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
    await panel.click('.history-nav .tab-button');
    await set({ enabled: true, mode: 'everywhere-except', sites: ['127.0.0.1'] });
    await waitForText(panel, 'Highlighting is off on 127.0.0.1');
    await set({ enabled: false, mode: 'everywhere-except', sites: ['127.0.0.1'] });
    await waitForText(panel, 'Highlighting is off everywhere');
    await clickButton(panel, 'Turn Backstory on');
    await waitForText(panel, 'Highlighting is off on 127.0.0.1');
    await clickButton(panel, 'Turn on for 127.0.0.1');
    await panel.waitForSelector('.page-group', { timeout: 10_000 });
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

  test('the pinned tab navigating to another page changes the list to that page’s', async () => {
    await panel.click('.history-nav .tab-button');
    await panel.waitForSelector('.entity-button[data-entity-id="kyiv"]');
    await article.goto(server.url('/plain.html'), { waitUntil: 'load' });
    await panel.waitForFunction(
      () =>
        document.querySelector('.entity-button[data-entity-id="friedrich-merz"]') !== null &&
        document.querySelector('.entity-button[data-entity-id="kyiv"]') === null,
      { timeout: 10_000 },
    );
    const names = (await listed(panel)).map((row) => row.name);
    expect(names).toEqual(expect.arrayContaining(['Keir Starmer', 'Friedrich Merz']));
    expect(names).not.toContain('European Union');
  });

  test('no errors from the extension', () => {
    expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
  });
});

describe('chromium: the real side panel of each window, the context menu and the commands', () => {
  let server: TestServer;
  let session: ExtensionSession;
  let demo: Page;
  let plain: Page;
  let demoPanel: Page;
  let plainPanel: Page;

  /** Opens the real side panel of `page`'s window with the popup's button (a user gesture). */
  async function openRealPanel(page: Page): Promise<Page> {
    const { page: popup } = await openPinned(session, 'popup', page, { width: 360, height: 640 });
    await clickButton(popup, 'Open side panel');
    const real = await realPanelOf(session, page);
    await popup.close();
    return real;
  }

  beforeAll(async () => {
    server = await startServer();
    session = await launchChromium({ server });
    demo = await openServedInWindow(session, '/demo.html', { width: 1000, height: 700 });
    plain = await openServedInWindow(session, '/plain.html', { width: 1000, height: 700 });
    await settledPaint(demo, { atLeast: 20 });
    await settledPaint(plain, { atLeast: 3 });
    demoPanel = await openRealPanel(demo);
    plainPanel = await openRealPanel(plain);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('each window’s panel lists the page of its own window’s tab, whichever window was focused last', async () => {
    await plain.bringToFront();
    await demoPanel.waitForSelector('.entity-button[data-entity-id="kyiv"]', { timeout: 10_000 });
    await plainPanel.waitForSelector('.entity-button[data-entity-id="friedrich-merz"]', {
      timeout: 10_000,
    });
    expect(await plainPanel.$('.entity-button[data-entity-id="kyiv"]')).toBeNull();
    await demo.bringToFront();
    await new Promise((done) => setTimeout(done, 500));
    expect(await plainPanel.$('.entity-button[data-entity-id="kyiv"]')).toBeNull();
    expect(await demoPanel.$('.entity-button[data-entity-id="kyiv"]')).not.toBeNull();
  });

  test('“Look up in Backstory” on “Zelenskiy” takes that window’s panel to Volodymyr Zelenskyy; the other stays', async () => {
    const worker = await serviceWorker(session);
    await dispatchInWorker(worker, 'contextMenus.onClicked', tabIdOf(demo), 'Zelenskiy');
    await h1Is(demoPanel, 'Volodymyr Zelenskyy');
    expect(await visibleText(demoPanel)).toContain('Ukrainian President');
    expect(await heading(plainPanel)).toMatch(/^On this page/);
    expect(await namesBrokenMidWord(demoPanel)).toEqual([]);
  });

  test('a selection that is more than a name opens search results for it, not its first name', async () => {
    const worker = await serviceWorker(session);
    for (const selection of ['peace talks in Kyiv', 'Starmer and Macron met']) {
      await dispatchInWorker(worker, 'contextMenus.onClicked', tabIdOf(demo), selection);
      await demoPanel.waitForFunction(
        (text) =>
          (document.querySelector('#search-input') as HTMLInputElement | null)?.value === text,
        { timeout: 10_000 },
        selection,
      );
      expect(await demoPanel.$('#search-heading')).not.toBeNull();
    }
    // Results, not a landing: the name in the selection is the first of them.
    await resultsFor(demoPanel, 'Starmer and Macron met');
    const first = await demoPanel.waitForSelector('[role="option"]');
    expect(await first?.evaluate((option) => option.textContent)).toContain('Keir Starmer');
    expect(await heading(plainPanel)).toMatch(/^On this page/);
  });

  test('the open-side-panel command brings that window’s panel back to the page list', async () => {
    const worker = await serviceWorker(session);
    await dispatchInWorker(worker, 'contextMenus.onClicked', tabIdOf(plain), 'Merz');
    await h1Is(plainPanel, 'Friedrich Merz');
    await dispatchInWorker(worker, 'commands.onCommand', tabIdOf(demo), 'open-side-panel');
    await demoPanel.waitForFunction(
      () => document.querySelector('h1')?.textContent?.startsWith('On this page') === true,
      { timeout: 10_000 },
    );
    await demoPanel.waitForSelector('.entity-button[data-entity-id="kyiv"]');
    expect(await heading(plainPanel)).toBe('Friedrich Merz');
  });

  test('next-mention focuses a mention on that window’s page', async () => {
    const worker = await serviceWorker(session);
    await dispatchInWorker(worker, 'commands.onCommand', tabIdOf(demo), 'next-mention');
    await demo.waitForFunction(() => (CSS.highlights.get('backstory-focus')?.size ?? 0) === 1, {
      timeout: 10_000,
    });
    expect(await plain.evaluate(() => CSS.highlights.get('backstory-focus')?.size ?? 0)).toBe(0);
  });

  test('the window’s tab navigating to another page changes that panel’s list', async () => {
    await demo.goto(server.url('/plain.html'), { waitUntil: 'load' });
    await demoPanel.waitForFunction(
      () =>
        document.querySelector('.entity-button[data-entity-id="friedrich-merz"]') !== null &&
        document.querySelector('.entity-button[data-entity-id="kyiv"]') === null,
      { timeout: 10_000 },
    );
    expect(await axeViolations(demoPanel)).toEqual([]);
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
    await resultsFor(panel, 'starmr');
    await panel.keyboard.press('Enter');
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Keir Starmer');
    expect(await visibleText(panel)).toContain('British Prime Minister');
    await screenshot(panel, 'e2e/firefox-sidepanel-entity');
  });
});

/**
 * Firefox: the real content-area context menu, from a real right-click on selected text, and the real sidebar. The
 * menu item is the one the background registered (createMenus on install); choosing it fires the background's
 * own contextMenus.onClicked listener, as a reader's click does — one that counts as user input, so the sidebar opens.
 */
describe('firefox: “Look up in Backstory” from the context menu opens the sidebar', () => {
  const LOOK_UP = 'Look up in Backstory';
  let server: TestServer;
  let session: ExtensionSession;
  let probe: Page;
  let article: Page;

  /** What the open sidebar shows (its page is in the extension's process: an extension tab can read it). */
  function sidebar(): Promise<{ heading: string; query: string } | null> {
    return probe.evaluate(() => {
      // Firefox's extension API: `sidebar` is a view type of its own.
      const api = (
        globalThis as unknown as {
          browser: { extension: { getViews(filter: { type: 'sidebar' }): Window[] } };
        }
      ).browser;
      const [view] = api.extension.getViews({ type: 'sidebar' });
      if (!view) return null;
      const input = view.document.querySelector<HTMLInputElement>('#search-input');
      return {
        heading: view.document.querySelector('h1')?.textContent ?? '',
        query: input?.value ?? '',
      };
    });
  }

  async function waitForSidebar(
    check: (shown: { heading: string; query: string }) => boolean,
  ): Promise<{ heading: string; query: string }> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const shown = await sidebar();
      if (shown && check(shown)) return shown;
      if (Date.now() > deadline) throw new Error(`the sidebar shows ${JSON.stringify(shown)}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  beforeAll(async () => {
    server = await startServer();
    session = await launchFirefox({ server });
    probe = await session.openExtensionPage('options');
    article = await session.openServedPage('/demo.html', { width: 1000, height: 700 });
    await settledPaint(article, { atLeast: 20 });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('the menu offers it on selected text only', async () => {
    await article.bringToFront();
    const nothing = await article.evaluate(() => {
      getSelection()?.removeAllRanges();
      const box = document.querySelector('article p')?.getBoundingClientRect();
      return box ? { x: box.x + 10, y: box.y + 10 } : null;
    });
    if (!nothing) throw new Error('no article paragraph on the demo page');
    expect(await openContextMenu(session, article, nothing)).not.toContain(LOOK_UP);
    await closeContextMenu(session);
    const selected = await selectText(article, 'Zelenskyy');
    expect(await openContextMenu(session, article, selected)).toContain(LOOK_UP);
    await closeContextMenu(session);
    expect(await sidebar()).toBeNull();
  });

  test('on “Zelenskyy” it opens the sidebar on Volodymyr Zelenskyy', async () => {
    await article.bringToFront();
    await openContextMenu(session, article, await selectText(article, 'Zelenskyy'));
    await chooseMenuItem(session, LOOK_UP);
    await waitForSidebar((shown) => shown.heading === 'Volodymyr Zelenskyy');
    const open = await inFirefoxChrome(session, () => {
      const { SidebarController } = globalThis as unknown as {
        SidebarController: { isOpen: boolean; currentID: string };
      };
      return { isOpen: SidebarController.isOpen, id: SidebarController.currentID };
    });
    expect(open.isOpen).toBe(true);
    expect(open.id).toMatch(/-sidebar-action$/);
  });

  test('on a selection that is more than a name it shows search results for it', async () => {
    await article.bringToFront();
    const selection = 'Keir Starmer called the strikes';
    await openContextMenu(session, article, await selectText(article, selection));
    await chooseMenuItem(session, LOOK_UP);
    const shown = await waitForSidebar((view) => view.query === selection);
    expect(shown.heading).toBe('Search results');
  });

  test('no errors from the extension', () => {
    expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
  });
});
