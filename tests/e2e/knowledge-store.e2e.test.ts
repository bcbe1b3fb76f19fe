// The knowledge store in real browsers: an import that does not fit is refused with a message saying what did not
// fit, leaves no item behind (one transaction), and imports once there is room; highlighted on pages at once.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bulkyDataset, smallDataset } from '../unit/support/dataset-fixture';
import {
  type ExtensionSession,
  launchChromium,
  launchFirefox,
  screenshot,
  startServer,
  type TestServer,
} from './harness';
import { allMentions, settledPaint } from './support/highlights';
import { NO_ROWS, rowsOf } from './support/knowledge-store';
import { until } from './support/poll';

function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what a user sees is innerText
  return page.evaluate(() => document.body.innerText);
}

async function waitForText(page: Page, text: string, timeout = 20_000): Promise<string> {
  return until(
    `"${text}" on the page`,
    () => visibleText(page),
    (t) => t.includes(text),
    timeout,
  );
}

async function upload(page: Page, path: string): Promise<void> {
  const input = await page.$('#dataset-file');
  if (!input) throw new Error('no dataset file input on the options page');
  await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
}

/** A small dataset that names "Maria Testova", and one of 3 MB that fits no tight quota. */
const small = { ...smallDataset('quota-small'), name: 'Small set' };
const bulky = bulkyDataset('quota-bulky', 3);

interface Room {
  /** Leaves the store less room than the bulky dataset needs. */
  tighten(options: Page): Promise<void>;
  /** Gives the room back. */
  release(options: Page): Promise<void>;
}

const browsers: {
  kind: 'chromium' | 'firefox';
  launch(server: TestServer): Promise<ExtensionSession>;
  room: Room;
}[] = [
  (() => {
    let cdp: CDPSession | undefined;
    let origin = '';
    return {
      kind: 'chromium' as const,
      launch: (server: TestServer) => launchChromium({ server }),
      room: {
        // DevTools' quota override for the extension's origin: what the browser does when the disk is full.
        async tighten(options: Page) {
          cdp = await options.createCDPSession();
          // (Node's URL gives no origin for chrome-extension:.)
          origin = options.url().split('/').slice(0, 3).join('/');
          const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as {
            usage: number;
          };
          await cdp.send('Storage.overrideQuotaForOrigin', {
            origin,
            quotaSize: usage + 1024 * 1024,
          });
          // Chromium's IndexedDB trusts the room it last asked the quota manager about, decaying it to nothing over
          // 30 s (BucketContext::kBucketSpaceCacheTimeLimit), before it asks again and sees the override.
          await new Promise((done) => setTimeout(done, 31_000));
        },
        async release() {
          await cdp?.send('Storage.overrideQuotaForOrigin', { origin });
        },
      },
    };
  })(),
  {
    kind: 'firefox' as const,
    // Firefox's own storage limit for the whole profile, made small: 8 MB for every origin together.
    launch: (server: TestServer) =>
      launchFirefox({
        server,
        firefoxPrefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': 8 * 1024 },
      }),
    room: {
      async tighten() {},
      async release() {},
    },
  },
];

for (const { kind, launch, room } of browsers) {
  describe(`${kind}: the knowledge store`, () => {
    let server: TestServer;
    let session: ExtensionSession;
    let dir: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), `backstory-store-${kind}-`));
      server = await startServer();
      session = await launch(server);
    });

    afterAll(async () => {
      await session?.close();
      await server?.close();
      await rm(dir, { recursive: true, force: true });
    });

    test('an import that does not fit is refused, saying what did not fit, and leaves nothing behind', async () => {
      const options = await session.openExtensionPage('options', { width: 1000, height: 1400 });
      await waitForText(options, 'Where to highlight');
      const smallFile = join(dir, 'small.json');
      await writeFile(smallFile, JSON.stringify(small));
      await upload(options, smallFile);
      await waitForText(options, 'Imported Small set:');

      await room.tighten(options);
      const bulkyFile = join(dir, 'bulky.json');
      const bulkyCopies = kind === 'firefox' ? 4 : 1;
      let refused = '';
      // Firefox's limit covers the whole profile: import copies until one does not fit.
      for (let copy = 0; copy < bulkyCopies + 1 && !refused; copy++) {
        const dataset = copy === 0 ? bulky : bulkyDataset(`quota-bulky-${copy}`, 3);
        await writeFile(bulkyFile, JSON.stringify(dataset));
        await upload(options, bulkyFile);
        const text = await until(
          `the import of ${dataset.name} to end`,
          () => visibleText(options),
          (t) =>
            t.includes(`Imported ${dataset.name}:`) ||
            t.includes('did not fit') ||
            t.includes('could not finish'),
          30_000,
        );
        // A quota error the background did not recognise as one would say only that the import could not finish.
        expect(text).not.toContain('could not finish');
        if (text.includes('did not fit')) refused = dataset.id;
      }
      expect(refused, 'no import was refused').not.toBe('');
      const message = await visibleText(options);
      expect(message).toMatch(
        /Bulky set quota-bulky[-\d]* \(3\.0 MB\) did not fit in the browser’s storage\..* Remove a dataset you no longer need, or free disk space, and try again\. Nothing was changed\./s,
      );
      await screenshot(options, `e2e/store-quota-${kind}`);
      // One transaction: not one row of it was kept.
      expect(await rowsOf(options, refused)).toEqual(NO_ROWS);
      expect((await rowsOf(options, small.id)).entities).toBe(3);

      // With room again, the same file imports and its names are on pages at once.
      await room.release(options);
      if (kind === 'chromium') {
        await upload(options, bulkyFile);
        await waitForText(options, `Imported Bulky set ${refused}:`);
        expect((await rowsOf(options, refused)).sources).toBeGreaterThan(1);
      }
      const page = await session.openServedPage('/update.html');
      expect(allMentions(await settledPaint(page, { atLeast: 2 }))).toEqual(
        expect.arrayContaining(['Kyiv', 'Maria Testova']),
      );
      await page.close();
      await options.close();
      expect(session.network.fromExtension()).toEqual([]);
    }, 180_000);
  });
}
