// Tests of the harness itself: the no-network check must be able to fail. A deliberately leaky extension sends
// requests from its background and its content script; the harness must block them and name the extension.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BrowserKind,
  type ExtensionSession,
  extensionConsoleErrors,
  launchChromium,
  launchFirefox,
  startServer,
  type TestServer,
  waitForContentScript,
} from './harness';

const fixtureExtension = (kind: BrowserKind) =>
  resolve(
    import.meta.dirname,
    'harness/fixture-extension',
    kind === 'chromium' ? 'chrome' : 'firefox',
  );
const launchers = { chromium: launchChromium, firefox: launchFirefox } as const;
const browsers: BrowserKind[] = ['chromium', 'firefox'];

describe('the test server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  test('serves fixture pages at / and corpus pages at /corpus/', async () => {
    const fixture = await fetch(server.url('/plain.html'));
    expect(fixture.status).toBe(200);
    expect(await fixture.text()).toContain('Keir Starmer');
    const corpus = await fetch(server.url('/corpus/bbc-1.html'));
    expect(corpus.status).toBe(200);
    expect(corpus.headers.get('content-type')).toContain('text/html');
  });

  test('never serves files outside its roots', async () => {
    const response = await fetch(server.url('/%2e%2e/%2e%2e/package.json'));
    expect(response.status).toBe(404);
  });
});

describe.each(browsers)('%s: requests from a leaky extension', (kind) => {
  let server: TestServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await startServer();
    session = await launchers[kind]({ server, extensionDir: fixtureExtension(kind) });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('are blocked, recorded and blamed on the extension, apart from the page', async () => {
    const page = await session.openServedPage('/remote-requests.html');
    expect(await waitForContentScript(page)).toBe(true);
    const wanted = [
      'http://harness-check.example/from-background',
      'http://harness-check.example/from-content-script',
    ];
    const deadline = Date.now() + 10_000;
    const extensionUrls = () => session.network.fromExtension().map((r) => r.url);
    while (Date.now() < deadline && !wanted.every((url) => extensionUrls().includes(url))) {
      await new Promise((done) => setTimeout(done, 100));
    }
    // (The background repeats its request until it is seen, so each address counts once.)
    expect([...new Set(extensionUrls())].sort()).toEqual(wanted);
    // The page's own requests stay the page's.
    expect(session.network.fromPage().map((r) => r.url)).toContain(
      'https://example.com/page-analytics',
    );
    expect(session.network.fromPage().map((r) => r.url)).not.toContain(wanted[1]);
    await page.close();
  });

  test("collect the extension's console errors, apart from the page's", async () => {
    const page = await session.openServedPage('/plain.html');
    await page.evaluate(() => console.error('an error of the page itself'));
    const deadline = Date.now() + 5_000;
    const texts = () => extensionConsoleErrors(session.consoleErrors).map((e) => e.text);
    while (Date.now() < deadline && !texts().some((t) => t.includes('error from the background'))) {
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(texts()).toContainEqual(
      expect.stringContaining('leaky fixture: error from the background'),
    );
    expect(texts()).not.toContainEqual(expect.stringContaining('an error of the page itself'));
    expect(session.consoleErrors.map((e) => e.text)).toContain('an error of the page itself');
    await page.close();
  });
});
