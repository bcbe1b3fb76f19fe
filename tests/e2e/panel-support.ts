/// <reference types="chrome" />
// Helpers the side panel and popup e2e tests share: the tab id of a served page, opening a panel page pinned to it,
// waiting for a tab to apply a state, axe.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page, WebWorker } from 'puppeteer-core';
import type { ExtensionSession } from './harness';
import { until } from './support/poll';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Browser tab ids of pages opened through `openTracked`. */
const tabIds = new WeakMap<Page, number>();
/** Firefox: one extension page per session, kept open to ask the tabs API from. */
const probes = new WeakMap<ExtensionSession, Page>();

/** Chromium: the extension's service worker (asked again if it is between restarts). */
export async function serviceWorker(session: ExtensionSession): Promise<WebWorker> {
  for (let attempt = 0; ; attempt++) {
    try {
      const target = await session.browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(session.extensionOrigin),
      );
      const worker = await target.worker();
      if (!worker) throw new Error('no service worker');
      // A worker target can exist before its `chrome` does.
      await worker.evaluate(() => chrome.runtime.id);
      return worker;
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((done) => setTimeout(done, 200));
    }
  }
}

async function allTabIds(session: ExtensionSession): Promise<number[]> {
  if (session.kind === 'firefox') {
    let probe = probes.get(session);
    if (!probe) {
      // Extension pages must be opened by the harness in Firefox (an intercepted tab stalls their loads).
      probe = await session.openExtensionPage('options');
      probes.set(session, probe);
    }
    return probe.evaluate(async () => {
      // Firefox's promise-based API lives on `browser`.
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
    });
  }
  // A service worker target can be between restarts (no `chrome` yet): ask again shortly.
  for (let attempt = 0; ; attempt++) {
    try {
      const worker = await serviceWorker(session);
      return await worker.evaluate(async () =>
        (await chrome.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
      );
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((done) => setTimeout(done, 200));
    }
  }
}

/**
 * Opens a tab with `open` and remembers its browser tab id. Neither browser shows this extension
 * other tabs' URLs or titles (no `tabs` permission), and headless windows all claim focus, so the id
 * is told apart as the one tab that was not there before.
 */
export async function openTracked(
  session: ExtensionSession,
  open: () => Promise<Page>,
): Promise<Page> {
  const before = new Set(await allTabIds(session));
  const page = await open();
  const added = (await allTabIds(session)).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new tab, found ${added.length}`);
  tabIds.set(page, added[0] as number);
  return page;
}

/** The browser's id for the tab showing `page` (opened with `openTracked` or `openServedInWindow`). */
export function tabIdOf(page: Page): number {
  const id = tabIds.get(page);
  if (id === undefined) throw new Error('open the page with openTracked to know its tab id');
  return id;
}

/** Opens a served page in a window of its own, so it stays visible (and keeps being scanned) beside others. */
export async function openServedInWindow(
  session: ExtensionSession,
  path: string,
  viewport = { width: 1000, height: 700 },
): Promise<Page> {
  if (session.kind !== 'chromium') {
    return openTracked(session, () => session.openServedPage(path, viewport));
  }
  const page = await openTracked(session, async () => {
    // A fragment names the blank window so its target can be found among others.
    const blank = `about:blank#window-${Math.random().toString(36).slice(2)}`;
    const cdp = await session.browser.target().createCDPSession();
    await cdp.send('Target.createTarget', { url: blank, newWindow: true });
    const target = await session.browser.waitForTarget((t) => t.url() === blank);
    return (await target.page()) as Page;
  });
  await page.setViewport(viewport);
  await page.goto(session.server.url(path), { waitUntil: 'load' });
  return page;
}

/**
 * Opens popup.html or sidepanel.html pinned (`?tabId=`) to the tab showing `target`. In Chromium the page
 * gets a window of its own, as a real side panel sits beside the page: the page stays visible and keeps
 * scanning (hidden tabs get no animation frames).
 */
export async function openPinned(
  session: ExtensionSession,
  name: 'popup' | 'sidepanel',
  target: Page,
  viewport = { width: 420, height: 900 },
): Promise<{ page: Page; tabId: number }> {
  const tabId = tabIdOf(target);
  const url = `${session.extensionOrigin}/${name}.html?tabId=${tabId}`;
  let page: Page;
  if (session.kind === 'chromium') {
    const cdp = await session.browser.target().createCDPSession();
    await cdp.send('Target.createTarget', { url, newWindow: true });
    const created = await session.browser.waitForTarget((t) => t.url() === url);
    page = (await created.page()) as Page;
    await page.setViewport(viewport);
    await page.waitForFunction(() => document.readyState === 'complete');
  } else {
    page = await session.openExtensionPage(name, viewport);
    // Firefox never reports an extension page's load over BiDi: start it, then poll until it is there.
    void page.goto(url).catch(() => {});
    await page.waitForFunction(
      (wanted) => location.href === wanted && document.readyState === 'complete',
      { timeout: 10_000 },
      url,
    );
  }
  return { page, tabId };
}

/**
 * Runs `action` and resolves once the content script of tab `tabId` has said it applied a page state
 * (its typed `mentionsChanged` message, which it sends after every state it applies, even one that
 * paints nothing). Listened for in `listener`, an extension page, the way the popup and panel do.
 */
export async function afterStateApplied(
  listener: Page,
  tabId: number,
  action: () => Promise<unknown>,
  timeout = 10_000,
): Promise<void> {
  await listener.evaluate((id) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const seen = globalThis as unknown as { backstoryApplied?: Promise<void> };
    seen.backstoryApplied = new Promise<void>((resolve) => {
      const onMessage = (message: unknown, sender: chrome.runtime.MessageSender) => {
        if ((message as { type?: unknown } | null)?.type !== 'mentionsChanged') return;
        if (sender.tab?.id !== id) return;
        api.runtime.onMessage.removeListener(onMessage);
        resolve();
      };
      api.runtime.onMessage.addListener(onMessage);
    });
  }, tabId);
  await action();
  await listener.evaluate(
    (ms, id) =>
      Promise.race([
        (globalThis as unknown as { backstoryApplied?: Promise<void> }).backstoryApplied,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`tab ${id} applied no state within ${ms} ms`)), ms),
        ),
      ]),
    timeout,
    tabId,
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (injected as a script) and returns its violations, briefly. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run();
    return (
      result.violations as {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[]
    ).map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** The text a user sees. */
export function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what a user sees is innerText
  return page.evaluate(() => document.body.innerText);
}

export async function waitForText(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout }, text);
}

/** The level-1 heading's text (each panel view has exactly one). */
export function heading(page: Page): Promise<string> {
  return page.$eval('h1', (h1) => (h1 as HTMLElement).innerText.trim());
}

/**
 * Entity names in `.entity-name` that break inside a word: each word of a name is measured with a Range,
 * and a word whose boxes sit on more than one line was split. Returns "name: word" for each.
 */
export function namesBrokenMidWord(page: Page): Promise<string[]> {
  return page.$$eval('.entity-name', (names) =>
    names.flatMap((name) => {
      const text = name.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE || !name.getClientRects().length) return [];
      const broken: string[] = [];
      for (const word of (text.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(`${name.textContent}: ${word[0]}`);
      }
      return broken;
    }),
  );
}

/**
 * Chromium: the real side panel (sidepanel.html with no `?tabId=`) shown in the window of `page`'s tab,
 * once one is open there. Each window has its own; they are told apart by the window they report.
 */
export async function realPanelOf(
  session: ExtensionSession,
  page: Page,
  timeout = 10_000,
): Promise<Page> {
  const worker = await serviceWorker(session);
  const windowId = await worker.evaluate(
    async (id) => (await chrome.tabs.get(id)).windowId,
    tabIdOf(page),
  );
  const url = `${session.extensionOrigin}/sidepanel.html`;
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const target of session.browser.targets()) {
      if (target.url() !== url) continue;
      const panel = (await target.page()) ?? (await target.asPage());
      const shownIn = await panel
        .evaluate(async () => (await chrome.windows.getCurrent()).id)
        .catch(() => undefined);
      if (shownIn === windowId) return panel;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no side panel in window ${windowId} within ${timeout} ms`);
}

/**
 * Waits until the panel shows the search results of `query` itself: results are read from the store, so while the
 * reader types, the list on screen may still answer an earlier, shorter query (marked aria-busy). Polled from the
 * test process (in-page polling is unreliable over Firefox's WebDriver BiDi).
 */
export async function resultsFor(panel: Page, query: string): Promise<void> {
  await until(
    `search results for "${query}"`,
    () =>
      panel.evaluate((wanted) => {
        const list = document.getElementById('search-results');
        if (list) return list.dataset.query === wanted && list.getAttribute('aria-busy') !== 'true';
        const status = document.querySelector('.empty-state[role="status"]');
        return status !== null && (status.textContent ?? '').includes(wanted.trim());
      }, query),
    (shown) => shown,
    10_000,
  );
}

/**
 * Chromium: fires one of the background's own listeners (contextMenus.onClicked, commands.onCommand) in its
 * service worker. Chromium's extension events carry a `dispatch` method (not public API: its own
 * bindings use it) that calls exactly the listeners registered with addListener, which is what a
 * click on the menu item or the shortcut does, minus the browser UI that headless Chromium never
 * shows. A dispatched event carries no user gesture, so the handler's sidePanel.open() is refused;
 * the panels are opened first the way a reader does (the popup's button), and what is tested is
 * that the handler's landing request takes the right window's panel to the right view.
 */
export async function dispatchInWorker(
  worker: WebWorker,
  event: 'contextMenus.onClicked' | 'commands.onCommand',
  tabId: number,
  arg: string,
  /** contextMenus.onClicked: the item clicked ("Look up in Backstory" on `arg` as the selection by default). */
  menuItemId = 'backstory-lookup',
): Promise<void> {
  const dispatched = await worker.evaluate(
    async (name, id, value, item) => {
      const tab = await chrome.tabs.get(id);
      const api =
        name === 'commands.onCommand' ? chrome.commands.onCommand : chrome.contextMenus.onClicked;
      const target = api as unknown as { dispatch?: (...args: unknown[]) => void };
      if (typeof target.dispatch !== 'function') return false;
      if (name === 'commands.onCommand') target.dispatch(value, tab);
      else {
        target.dispatch(
          {
            menuItemId: item,
            ...(item === 'backstory-lookup' ? { selectionText: value } : {}),
            editable: false,
            pageUrl: tab.url,
          },
          tab,
        );
      }
      return true;
    },
    event,
    tabId,
    arg,
    menuItemId,
  );
  if (!dispatched)
    throw new Error(`this Chromium has no ${event}.dispatch to drive the handler with`);
}
