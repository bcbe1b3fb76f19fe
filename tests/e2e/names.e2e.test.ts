// Names a page decides, in real browsers (tests/fixtures/pages/names/README.md): a Brazilian page's "Copa América"
// is not the United States, "Washington" on a Washington-state page is not the capital, and a surname two people
// share (one bundled, one imported) is the one the page names in full, or nobody.
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BrowserKind,
  type ExtensionSession,
  extensionConsoleErrors,
  launchChromium,
  launchFirefox,
  repoRoot,
  screenshot,
  startServer,
  type TestServer,
} from './harness';
import { allMentions, type Painted, settledPaint, tabMentions } from './support/highlights';
import { until } from './support/poll';

const launchers = { chromium: launchChromium, firefox: launchFirefox } as const;
const browsers: BrowserKind[] = ['chromium', 'firefox'];

describe.each(browsers)('%s: names the page decides', (kind) => {
  let server: TestServer;
  let session: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    server = await startServer();
    session = await launchers[kind]({ server });
    options = await session.openExtensionPage('options', { width: 1000, height: 1200 });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** Opens a page, waits until what it paints settles (at least `atLeast` names), and says which entities it found. */
  async function read(
    path: string,
    atLeast: number,
  ): Promise<{ page: Page; painted: Painted; found: Map<string, number> }> {
    const page = await session.openServedPage(path);
    await page.bringToFront();
    const painted = await settledPaint(page, { atLeast, quietMs: 600 });
    const { entities } = await tabMentions(options, page.url());
    return { page, painted, found: new Map(entities.map((e) => [e.entityId, e.count])) };
  }

  test('a Brazilian page: “Copa América” and a bare “America” or “US” are not the United States', async () => {
    const { page, painted, found } = await read('/names/copa-america.html', 2);
    expect(allMentions(painted)).toEqual(['Kiev', 'Zelensky']);
    expect(found.has('united-states')).toBe(false);
    await screenshot(page, `e2e/${kind}-names-copa-america`);
    await page.close();
  });

  test('a Washington-state page: “Washington” is never the capital, though the page names Ukraine', async () => {
    const { page, painted, found } = await read('/names/washington-state.html', 1);
    expect(allMentions(painted)).toEqual(['Ukraine']);
    expect(found.has('washington')).toBe(false);
    await page.close();
    // The bundled article's page names Ukraine and no other Washington: there it is the capital, all three times.
    const demo = await read('/demo.html', 20);
    // The rest of the page is read after what is on screen: wait for all of it.
    await until(
      'the three Washingtons of the demo page',
      () => tabMentions(options, demo.page.url()),
      ({ entities }) => entities.find((e) => e.entityId === 'washington')?.count === 3,
    );
    await demo.page.close();
  });

  test('a surname two people share: the one the page names in full, else nobody', async () => {
    const file = join(repoRoot, 'tests/fixtures/datasets/namesakes.json');
    await options.bringToFront();
    const input = await options.waitForSelector('#dataset-file:not([disabled])');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    await until(
      'the import',
      () => options.evaluate(() => document.body.textContent ?? ''),
      (text) => text.includes('Imported Namesakes'),
    );

    const siim = await read('/names/kallas-siim.html', 2);
    expect(siim.painted['backstory-person']?.sort()).toEqual(['Kallas', 'Siim Kallas']);
    expect(Object.fromEntries(siim.found)).toEqual({ 'siim-kallas': 2 });
    await siim.page.close();

    const kaja = await read('/names/kallas-kaja.html', 3);
    expect(kaja.painted['backstory-person']?.sort()).toEqual(['Kaja Kallas', 'Kallas']);
    expect(kaja.found.get('kaja-kallas')).toBe(2);
    expect(kaja.found.has('siim-kallas')).toBe(false);
    await kaja.page.close();

    const alone = await read('/names/kallas-alone.html', 1);
    expect(allMentions(alone.painted)).toEqual(['Keir Starmer']);
    expect([...alone.found.keys()]).toEqual(['keir-starmer']);
    await screenshot(alone.page, `e2e/${kind}-names-kallas-alone`);
    await alone.page.close();
    expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
  });
});
