/// <reference types="chrome" />
// The popup page in real browsers, pinned to a tab of the demo page: the site switch applies live to every tab of
// the site and survives a browser restart; the list opens the side panel on an entity; restricted pages are honest.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  afterStateApplied,
  axeViolations,
  namesBrokenMidWord,
  openPinned,
  openServedInWindow,
  openTracked,
  tabIdOf,
  visibleText,
  waitForText,
} from './panel-support';
import { settledPaint } from './support/highlights';

/** Ranges in every backstory mention highlight of the page (the focus highlight left out). */
function highlighted(page: Page): Promise<number> {
  return page.evaluate(() => {
    let total = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('backstory-') && name !== 'backstory-focus') total += highlight.size;
    }
    return total;
  });
}

async function waitForHighlights(page: Page, wanted: 'none' | 'some'): Promise<void> {
  await page.waitForFunction(
    (want) => {
      let total = 0;
      for (const [name, highlight] of CSS.highlights) {
        if (name.startsWith('backstory-') && name !== 'backstory-focus') total += highlight.size;
      }
      return want === 'none' ? total === 0 : total > 20;
    },
    { timeout: 10_000, polling: 100 },
    wanted,
  );
}

function siteSwitch(popup: Page): Promise<string | null> {
  return popup.$eval('#site-switch', (button) => button.getAttribute('aria-checked'));
}

describe('chromium: popup', () => {
  let server: TestServer;
  let session: ExtensionSession;
  let profile: string;
  let first: Page;
  let second: Page;
  let popup: Page;

  beforeAll(async () => {
    server = await startServer();
    profile = await mkdtemp(join(tmpdir(), 'backstory-profile-'));
    session = await launchChromium({ server, userDataDir: profile });
    first = await openServedInWindow(session, '/demo.html');
    second = await openServedInWindow(session, '/demo.html');
    await settledPaint(first, { atLeast: 20 });
    await settledPaint(second, { atLeast: 20 });
    ({ page: popup } = await openPinned(session, 'popup', first, { width: 360, height: 640 }));
    await popup.waitForSelector('#site-switch', { timeout: 10_000 });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test('shows the site, both switches on, and the page’s entities with counts', async () => {
    await popup.waitForSelector('.page-group .entity-button');
    const text = await visibleText(popup);
    expect(text).toContain('127.0.0.1');
    expect(await siteSwitch(popup)).toBe('true');
    expect(await popup.$eval('#global-switch', (b) => b.getAttribute('aria-checked'))).toBe('true');
    const kyiv = await popup.$eval('.entity-button[data-entity-id="kyiv"] .count-badge', (b) =>
      Number(b.textContent),
    );
    expect(kyiv).toBeGreaterThan(3);
    expect(await namesBrokenMidWord(popup)).toEqual([]);
    expect(await axeViolations(popup)).toEqual([]);
    await screenshot(popup, 'e2e/popup');
  });

  test('dark theme: axe-clean too', async () => {
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    try {
      const background = await popup.evaluate(
        () => getComputedStyle(document.body).backgroundColor,
      );
      expect(background).toBe('rgb(27, 27, 31)');
      expect(await axeViolations(popup)).toEqual([]);
      await screenshot(popup, 'e2e/popup-dark');
    } finally {
      await popup.emulateMediaFeatures([]);
    }
  });

  test('“Highlight on this site” off clears highlights in both tabs of the site, live; on brings them back', async () => {
    await popup.click('#site-switch');
    await Promise.all([waitForHighlights(first, 'none'), waitForHighlights(second, 'none')]);
    expect(await siteSwitch(popup)).toBe('false');
    await waitForText(popup, 'Highlighting is off here');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('#site-switch');
    await Promise.all([waitForHighlights(first, 'some'), waitForHighlights(second, 'some')]);
    await popup.waitForSelector('.page-group .entity-button', { timeout: 10_000 });
  });

  test('the global switch turns every site off, and the site switch waits for it', async () => {
    await popup.click('#global-switch');
    await waitForHighlights(first, 'none');
    expect(await popup.$eval('#site-switch', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await popup.click('#global-switch');
    await waitForHighlights(first, 'some');
  });

  test('clicking an entity opens the side panel on it', async () => {
    // The list comes back a moment after the switches do (the tab re-reads the page first).
    const starmer = '.entity-button[data-entity-id="keir-starmer"]';
    await popup.waitForSelector(starmer, { timeout: 10_000 });
    await popup.click(starmer);
    // Chromium opens its real side panel (sidepanel.html, no tabId), which takes the landing request.
    const target = await session.browser.waitForTarget((t) => t.url().endsWith('/sidepanel.html'), {
      timeout: 10_000,
    });
    const panel = (await target.page()) ?? (await target.asPage());
    await panel.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Keir Starmer',
      {
        timeout: 10_000,
      },
    );
    // Taken: reopening the panel later starts from the page, not from this old request.
    const waiting = await popup.evaluate(async () =>
      Object.keys(await chrome.storage.session.get(null)).filter((key) =>
        key.startsWith('panelTarget'),
      ),
    );
    expect(waiting).toEqual([]);
  });

  test('muted entities are listed and can be unmuted, with undo', async () => {
    await popup.evaluate(() => chrome.storage.local.set({ muted: ['kaja-kallas'] }));
    await waitForText(popup, 'Kaja Kallas');
    await popup.click('::-p-aria(Unmute Kaja Kallas)');
    await waitForText(popup, 'Kaja Kallas is highlighted again.');
    // The notice shows at once; the stored list follows a moment later.
    await popup.waitForFunction(
      async () => {
        const { muted } = await chrome.storage.local.get('muted');
        return Array.isArray(muted) && muted.length === 0;
      },
      { timeout: 5_000 },
    );
    await popup.click('::-p-aria(Undo)');
    await popup.waitForFunction(async () => {
      const { muted } = await chrome.storage.local.get('muted');
      return Array.isArray(muted) && muted.includes('kaja-kallas');
    });
    await popup.evaluate(() => chrome.storage.local.set({ muted: [] }));
  });

  test('a browser page gets an honest message and no site switch', async () => {
    const settingsTab = await openTracked(session, () => session.newPage());
    await settingsTab.goto('chrome://version', { waitUntil: 'load' });
    await settingsTab.bringToFront();
    const { page: restricted } = await openPinned(session, 'popup', settingsTab);
    await waitForText(restricted, 'can’t');
    expect(await restricted.$('#site-switch')).toBeNull();
    expect(await restricted.$('#global-switch')).not.toBeNull();
    expect(await axeViolations(restricted)).toEqual([]);
    await screenshot(restricted, 'e2e/popup-restricted');
  });

  test('the site switch survives a browser restart (same profile)', async () => {
    await popup.bringToFront();
    await popup.click('#site-switch');
    await waitForHighlights(first, 'none');
    expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
    await session.close();
    session = await launchChromium({ server, userDataDir: profile });
    const again = await openServedInWindow(session, '/demo.html');
    const { page: reopened } = await openPinned(session, 'popup', again);
    await reopened.waitForSelector('#site-switch', { timeout: 10_000 });
    expect(await siteSwitch(reopened)).toBe('false');
    // The content script runs, applies the stored state and says so: the page stays unmarked.
    await afterStateApplied(reopened, tabIdOf(again), () => again.reload({ waitUntil: 'load' }));
    expect(await highlighted(again)).toBe(0);
    // The popup reads the reloaded page again after the page says it applied its state: while the
    // page reloads it may briefly say it can't read it, so wait for the switch to come back.
    await reopened.waitForSelector('#site-switch', { timeout: 10_000 });
    await reopened.click('#site-switch');
    await waitForHighlights(again, 'some');
  }, 120_000);
});

describe('firefox: popup page', () => {
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

  test('renders against the demo page with the bundled dataset', async () => {
    const article = await openServedInWindow(session, '/demo.html');
    await settledPaint(article, { atLeast: 20 });
    const { page: popup } = await openPinned(session, 'popup', article, {
      width: 360,
      height: 640,
    });
    await popup.waitForSelector('.page-group .entity-button', { timeout: 10_000 });
    const text = await visibleText(popup);
    expect(text).toContain('127.0.0.1');
    expect(text).toContain('Kyiv');
    expect(await popup.$eval('#site-switch', (b) => b.getAttribute('aria-checked'))).toBe('true');
    await screenshot(popup, 'e2e/firefox-popup');
  });
});
