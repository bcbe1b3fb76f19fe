// Smoke test in both browsers: the content script runs on a served page, the page's own remote requests are blocked
// and blamed on the page (not the extension), the extension sends nothing, and its three pages open and render.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BrowserKind,
  type ExtensionPageName,
  type ExtensionSession,
  extensionConsoleErrors,
  launchChromium,
  launchFirefox,
  screenshot,
  startServer,
  type TestServer,
  waitForContentScript,
} from './harness';

const launchers = { chromium: launchChromium, firefox: launchFirefox } as const;
const browsers: BrowserKind[] = ['chromium', 'firefox'];
const extensionPages: ExtensionPageName[] = ['popup', 'sidepanel', 'options'];

// The page's own scripts, markup and styles ask for these (tests/fixtures/pages/remote-requests.html).
const pageRemoteUrls = [
  'https://fonts.example.net/page-font.css',
  'https://images.example.com/photo.jpg',
  'https://example.com/page-analytics',
  'http://tracker.example.org/pixel.gif',
];

describe.each(browsers)('%s with the built extension', (kind) => {
  let server: TestServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await startServer();
    session = await launchers[kind]({ server });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('the content script runs on a page served from 127.0.0.1', async () => {
    const page = await session.openServedPage('/plain.html');
    expect(await waitForContentScript(page)).toBe(true);
    await screenshot(page, `e2e/${kind}-plain`);
    await page.close();
  });

  test('the demo page is self-contained and the content script runs on it', async () => {
    session.network.clear();
    const page = await session.openServedPage('/demo.html');
    expect(await waitForContentScript(page)).toBe(true);
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe(
      'Russian Missile and Drone Attack on Kyiv Leaves 21 Dead as Peace Talks Stall',
    );
    expect(session.network.requests).toEqual([]);
    await page.close();
  });

  test("a page's own remote requests are blocked and recorded as the page's, and the extension sends nothing", async () => {
    session.network.clear();
    const page = await session.openServedPage('/remote-requests.html');
    expect(await waitForContentScript(page)).toBe(true);
    // Give the page's script time to fire its requests, and the extension time to misbehave.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && session.network.fromPage().length < pageRemoteUrls.length) {
      await new Promise((done) => setTimeout(done, 100));
    }
    await new Promise((done) => setTimeout(done, 1_000));
    const fromPage = session.network.fromPage().map((r) => r.url);
    expect(fromPage.sort()).toEqual([...pageRemoteUrls].sort());
    expect(session.network.fromExtension()).toEqual([]);
    expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
    await page.close();
  });

  test.each(extensionPages)('%s.html opens as a tab and renders', async (name) => {
    const page = await session.openExtensionPage(name, { width: 400, height: 800 });
    const rendered = await page.evaluate(() => ({
      url: location.href,
      title: document.title,
      mounted: (document.getElementById('app')?.childElementCount ?? 0) > 0,
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a user sees; textContent is not.
      text: document.body.innerText.trim(),
    }));
    expect(rendered.url).toBe(`${session.extensionOrigin}/${name}.html`);
    expect(rendered.title).toMatch(/^Backstory/);
    expect(rendered.mounted).toBe(true);
    // Preact rendered something a user can read, not an empty shell.
    expect(rendered.text.length).toBeGreaterThan(0);
    await screenshot(page, `e2e/${kind}-${name}`);
    expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
    expect(session.network.fromExtension()).toEqual([]);
    await page.close();
  });
});
