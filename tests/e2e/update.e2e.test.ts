// An update from the release before the knowledge store: a profile whose datasets that release stored (one on,
// one switched off, one set aside as damaged) keeps every one of them, in the same state, after updating in place.
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { largeDataset, smallDataset } from '../unit/support/dataset-fixture';
import {
  chromeExtensionDir,
  type ExtensionSession,
  firefoxExtensionDir,
  launchChromium,
  launchFirefox,
  repoRoot,
  screenshot,
  startServer,
  type TestServer,
} from './harness';
import { allMentions, settledPaint } from './support/highlights';
import { sleep, until } from './support/poll';

const previous = join(repoRoot, 'tests/fixtures/previous-release');

/** The visible text of an extension page (innerText: what a reader sees). */
function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what a user sees is innerText
  return page.evaluate(() => document.body.innerText);
}

async function waitForText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await until(
    `"${text}" on ${page.url()}`,
    () => visibleText(page),
    (t) => t.includes(text),
    timeout,
  );
}

interface LocalArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: object): Promise<void>;
}

/** Everything in the extension's storage.local, read from one of its pages (Firefox: `browser`, Chromium: `chrome`). */
function stored(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const api = globalThis as unknown as {
      browser?: { storage: { local: LocalArea } };
      chrome: { storage: { local: LocalArea } };
    };
    return (api.browser ?? api.chrome).storage.local.get(null);
  });
}

async function upload(page: Page, path: string): Promise<void> {
  const input = await page.$('#dataset-file');
  if (!input) throw new Error('no dataset file input on the options page');
  await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
}

/** The three datasets the reader had: one on, one they switched off, one whose data turned out unreadable. */
const onSet = { ...smallDataset('update-on'), name: 'Council notes' };
const offSet = { ...largeDataset('update-off', 0.01), name: 'Numbered people' };
const brokenSet = {
  ...largeDataset('update-broken', 0.01),
  name: 'Broken notes',
  // Its own ids, so it clashes with neither of the others.
};

for (const kind of ['chromium', 'firefox'] as const) {
  describe(`${kind}: updating from the release before the knowledge store`, () => {
    let server: TestServer;
    let session: ExtensionSession;
    let dir: string;
    /** Chromium: the unpacked folder the extension is loaded from (an update puts the new build there). */
    let installed: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), `backstory-update-${kind}-`));
      server = await startServer();
      if (kind === 'chromium') {
        installed = join(dir, 'extension');
        await cp(join(previous, 'chrome-mv3'), installed, { recursive: true });
        session = await launchChromium({ server, extensionDir: installed });
      } else {
        session = await launchFirefox({ server, extensionDir: join(previous, 'firefox-mv2') });
      }
    });

    afterAll(async () => {
      await session?.close();
      await server?.close();
      await rm(dir, { recursive: true, force: true });
    });

    /** Opens options again once the updated extension accepts it (the browser blocks its pages meanwhile). */
    async function openOptions(): Promise<Page> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        try {
          const page = await session.openExtensionPage('options', { width: 1000, height: 1400 });
          await waitForText(page, 'Where to highlight', 5_000);
          return page;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await sleep(500);
        }
      }
    }

    test('every dataset stored by the previous release is there after the update, in the same state', async () => {
      // The previous release: import three datasets through its options page, switch one off, damage one.
      const old = await openOptions();
      for (const dataset of [onSet, offSet, brokenSet]) {
        const path = join(dir, `${dataset.id}.json`);
        await writeFile(path, JSON.stringify(dataset));
        await upload(old, path);
        await waitForText(old, `Imported ${dataset.name}:`);
      }
      const offSwitch = await old.waitForSelector(`::-p-aria(Use ${offSet.name}[role="switch"])`);
      await offSwitch?.click();
      await until(
        'the switch stored',
        () => stored(old),
        (all) =>
          (all.datasets as { id: string; enabled: boolean }[]).some(
            (entry) => entry.id === offSet.id && !entry.enabled,
          ),
      );
      // Its data damaged on disk; the previous release finds it and sets it aside when options opens.
      await old.evaluate((key) => {
        const api = globalThis as unknown as {
          browser?: { storage: { local: LocalArea } };
          chrome: { storage: { local: LocalArea } };
        };
        return (api.browser ?? api.chrome).storage.local.set({
          [key]: { schemaVersion: 9, id: 'update-broken' },
        });
      }, `dataset:${brokenSet.id}`);
      await old.close();
      const reopened = await openOptions();
      await waitForText(reopened, 'Damaged — export or remove');
      const before = await stored(reopened);
      expect(
        (before.datasets as { id: string; enabled: boolean; damaged?: unknown }[]).map((e) => [
          e.id,
          e.enabled,
          e.damaged !== undefined,
        ]),
      ).toEqual([
        [onSet.id, true, false],
        [offSet.id, false, false],
        [brokenSet.id, true, true],
      ]);
      await reopened.close();

      // The update, in place: same profile, same extension id.
      if (kind === 'chromium') {
        for (const entry of await readdir(installed))
          await rm(join(installed, entry), { recursive: true });
        await cp(chromeExtensionDir, installed, { recursive: true });
        expect(await session.browser.installExtension(installed)).toBe(session.extensionId);
      } else {
        await session.browser.installExtension(firefoxExtensionDir);
      }

      // On pages: the dataset that was on is highlighted, the one switched off is not, the bundled one is.
      const page = await session.openServedPage('/update.html');
      const painted = allMentions(await settledPaint(page, { atLeast: 2 }));
      expect(painted).toEqual(['Kyiv', 'Maria Testova']);
      await screenshot(page, `e2e/update-${kind}-page`);
      await page.close();

      // In options: all three, in their states; the damaged one's data offered for export.
      const options = await openOptions();
      await waitForText(options, onSet.name);
      const text = await visibleText(options);
      expect(text).toContain(offSet.name);
      expect(text).toMatch(/Broken notes\s+damaged/);
      expect(text).toContain('Damaged — export or remove');
      expect(text).toContain('Some imported data could not be read, so it is left out.');
      const switches = await options.$$eval('[role="switch"][id^="dataset-"]', (elements) =>
        elements.map((e) => [e.id, e.getAttribute('aria-checked')]),
      );
      expect(switches).toEqual([
        [`dataset-${onSet.id}`, 'true'],
        [`dataset-${offSet.id}`, 'false'],
      ]);
      // The old copies are gone from storage.local; the set-aside data stays.
      const after = await stored(options);
      expect(
        Object.keys(after).filter((key) => key === 'datasets' || key.startsWith('dataset:')),
      ).toEqual([]);
      expect((after.quarantine as { key: string }[]).map((entry) => entry.key)).toContain(
        `local:dataset:${brokenSet.id}`,
      );
      await screenshot(options, `e2e/update-${kind}-options`);
      await options.close();
      expect(session.network.fromExtension()).toEqual([]);
    });
  });
}
