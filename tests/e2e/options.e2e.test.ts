/// <reference types="chrome" />
// The options page in Chromium and Firefox ESR with the built extension: site list, dataset import (good and bad
// files), set-aside stored data, and export → reset → restore — checked through what the page shows and what is stored.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { smallDataset } from '../unit/support/dataset-fixture';
import {
  type BrowserKind,
  chromeExtensionDir,
  type ExtensionSession,
  extensionConsoleErrors,
  firefoxExtensionDir,
  highlightCounts,
  launchChromium,
  launchFirefox,
  nextDownload,
  preferColorScheme,
  repoRoot,
  screenshot,
  startServer,
  type TestServer,
  waitForContentScript,
} from './harness';
import { NO_ROWS, rowsFor, rowsOf } from './support/knowledge-store';

// One browser at a time: each describe below launches its own and sets these.
let server: TestServer;
let session: ExtensionSession;
let dir: string;

/** Everything in the extension's storage.local, read from an extension page (either browser's API). */
function stored(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return api.storage.local.get(null);
  });
}

async function setStored(page: Page, items: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (values) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    await api.storage.local.set(values);
  }, items);
}

/** The text a user sees (innerText, not textContent: hidden text does not count). */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(
    // biome-ignore lint/performance/useDomNodeTextContent: what a user sees is innerText
    () => document.body.innerText,
  );
}

async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    // biome-ignore lint/performance/useDomNodeTextContent: what a user sees is innerText
    (t) => document.body.innerText.includes(t),
    // Polled by timer: requestAnimationFrame does not run in a background tab.
    { timeout: 10_000, polling: 100 },
    text,
  );
}

async function openOptions(): Promise<Page> {
  const page = await session.openExtensionPage('options', { width: 1000, height: 1400 });
  await waitForText(page, 'Where to highlight');
  return page;
}

async function writeFixture(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function upload(page: Page, inputId: string, path: string): Promise<void> {
  const input = await page.$(`#${inputId}`);
  if (!input) throw new Error(`no #${inputId} on the options page`);
  await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
}

async function clickButton(page: Page, name: string): Promise<void> {
  const button = await page.waitForSelector(`::-p-aria(${name}[role="button"])`, {
    timeout: 5_000,
  });
  await button?.click();
}

/** Opens options again once the restarted extension accepts it (the browser blocks its pages meanwhile). */
async function reopenAfterRestart(): Promise<Page> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await new Promise((done) => setTimeout(done, 500));
    try {
      return await openOptions();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** A dataset that knows one thing seed.json does not: "arms package", as an entity of kind "other". */
function e2eDataset() {
  const base = smallDataset('e2e-set');
  return {
    ...base,
    name: 'E2E set',
    entities: [
      ...base.entities,
      {
        id: 'arms-package',
        kind: 'weapon-deal',
        name: 'Arms package',
        aliases: [{ text: 'arms package', caseSensitive: false }],
      },
    ],
  };
}

for (const kind of ['chromium', 'firefox'] as const satisfies BrowserKind[]) {
  describe(`options page in ${kind}`, () => {
    /** Screenshots of both browsers side by side in artifacts/e2e. */
    const shot = (page: Page, name: string) =>
      screenshot(page, `e2e/${kind === 'firefox' ? 'firefox-' : ''}${name}`);

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), `backstory-options-${kind}-`));
      server = await startServer();
      session =
        kind === 'chromium' ? await launchChromium({ server }) : await launchFirefox({ server });
    });

    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    test('adding a site normalises it, refuses a duplicate, and shows live in a second options tab', async () => {
      const page = await openOptions();
      const other = await openOptions();
      await page.type('#add-site-input', 'https://www.Example.COM/news/today');
      await page.keyboard.press('Enter');
      await waitForText(page, 'Added example.com.');
      await waitForText(other, 'example.com');
      await page.type('#add-site-input', 'example.com.');
      await page.keyboard.press('Enter');
      await waitForText(page, 'example.com is already in the list.');
      expect((await stored(page)).settings).toEqual({
        enabled: true,
        mode: 'everywhere-except',
        sites: ['example.com'],
        marking: { density: 'every', scope: 'page' },
        siteMarking: {},
      });
      await shot(page, 'options-site-added');
      await other.close();
      await page.close();
    });

    test('every control has a label and the page passes axe, in light and dark', async () => {
      const page = await openOptions();
      const axeSource = await readFile(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
      await page.evaluate(axeSource);
      for (const scheme of ['light', 'dark'] as const) {
        await preferColorScheme(session, page, scheme);
        const background = await page.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        );
        expect(background).toBe(scheme === 'dark' ? 'rgb(27, 27, 31)' : 'rgb(255, 255, 255)');
        const { violations, passes } = await page.evaluate(async () => {
          const axe = (
            globalThis as unknown as {
              axe: {
                run(): Promise<{
                  violations: { id: string; nodes: { target: string[] }[] }[];
                  passes: unknown[];
                }>;
              };
            }
          ).axe;
          const result = await axe.run();
          return {
            passes: result.passes.length,
            violations: result.violations.map(
              (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            ),
          };
        });
        expect(violations, scheme).toEqual([]);
        expect(passes, 'axe checked nothing').toBeGreaterThan(10);
        await shot(page, `options-${scheme}`);
      }
      await preferColorScheme(session, page, null);
      await page.close();
    });

    test('two options tabs adding sites at the same moment keep every site (shared Web Lock)', async () => {
      const [first, second] = [await openOptions(), await openOptions()];
      const before =
        ((await stored(first)).settings as { sites: string[] } | undefined)?.sites ?? [];
      const submit = (page: Page, site: string) =>
        page.evaluate(async (value) => {
          const input = document.getElementById('add-site-input') as HTMLInputElement;
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // Let Preact render the typed value before submitting, as it would between keystrokes and Enter: it
          // renders in a microtask. No timers here: Firefox runs a background tab's timers once a second.
          await Promise.resolve();
          await Promise.resolve();
          (input.form as HTMLFormElement).requestSubmit();
          // One add at a time per tab, as a person types; the two tabs still overlap each other.
          const added = () =>
            (document.getElementById('add-site-message')?.textContent ?? '').includes(value);
          await new Promise<void>((resolve, reject) => {
            if (added()) return resolve();
            const observer = new MutationObserver(() => {
              if (!added()) return;
              observer.disconnect();
              resolve();
            });
            observer.observe(document.body, {
              subtree: true,
              childList: true,
              characterData: true,
            });
            setTimeout(() => reject(new Error(`${value}: no message within 10 s`)), 10_000);
          });
        }, site);
      const sites = Array.from(
        { length: 10 },
        (_, i) => [`left${i}.example`, `right${i}.example`] as const,
      );
      for (const [left, right] of sites)
        await Promise.all([submit(first, left), submit(second, right)]);
      await first.waitForFunction(
        (n) => document.querySelectorAll('.site-list li').length === n,
        { timeout: 10_000, polling: 100 },
        before.length + sites.length * 2,
      );
      const stored_ = (await stored(first)).settings as { sites: string[] };
      expect([...stored_.sites].sort()).toEqual([...before, ...sites.flat()].sort());
      // Put the list back as the following tests expect it.
      await setStored(first, { settings: { ...stored_, sites: before } });
      await first.close();
      await second.close();
    });

    test('each kind of bad dataset file gets a message naming the JSON path, and stored data stays as it was', async () => {
      const page = await openOptions();
      const good = smallDataset('bad-set');
      const bad: [string, string | Buffer, string, RegExp][] = [
        ['not-json.json', '{"schemaVersion": 1, "id": ', '(file)', /not a JSON file/],
        [
          'version.json',
          JSON.stringify({ ...good, schemaVersion: 9 }),
          'schemaVersion',
          /must be 1/,
        ],
        [
          'span.json',
          JSON.stringify({
            ...good,
            quotes: [
              { ...good.quotes[0], evidence: { source: 'fixture-article', start: 3, end: 12 } },
            ],
          }),
          'quotes[0].evidence',
          /sentence/,
        ],
        [
          'script.json',
          JSON.stringify({
            ...good,
            entities: [
              { ...good.entities[0], name: 'Maria <script>alert(1)</script>' },
              ...good.entities.slice(1),
            ],
          }),
          'entities[0].name',
          /<script>/,
        ],
        [
          'duplicate.json',
          JSON.stringify({ ...good, facts: [...good.facts, ...good.facts] }),
          'facts[1].id',
          /duplicate id/,
        ],
      ];
      const before = await stored(page);
      for (const [name, content, path, message] of bad) {
        await upload(page, 'dataset-file', await writeFixture(name, content));
        await waitForText(page, `${name} was not imported`);
        const issue = await page.$eval(
          '[role="alert"] .issues',
          (list, wanted) =>
            [...list.querySelectorAll('li')]
              .map((li) => li.textContent ?? '')
              .find((t) => t.startsWith(wanted)),
          path,
        );
        expect(issue, `${name}: no issue at ${path}`).toMatch(message);
        expect(await stored(page)).toEqual(before);
      }
      // 50 MB: refused by size before it is read.
      await upload(
        page,
        'dataset-file',
        await writeFixture('huge.json', Buffer.alloc(50 * 1024 * 1024, 0x20)),
      );
      await waitForText(
        page,
        'huge.json is 50.0 MB; a dataset file can be at most 5.0 MB. Nothing was changed.',
      );
      expect(await stored(page)).toEqual(before);
      await shot(page, 'options-bad-import');
      expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
      await page.close();
    });

    test('a good dataset is listed, its names are highlighted on an open page, and a style change shows there live', async () => {
      const article = await session.openServedPage('/plain.html');
      await waitForContentScript(article);
      const before = await highlightCounts(article);
      expect(before['backstory-other'] ?? 0).toBe(0);

      const page = await openOptions();
      await upload(
        page,
        'dataset-file',
        await writeFixture('e2e.json', JSON.stringify(e2eDataset())),
      );
      await waitForText(page, 'Imported E2E set: 4 entities, 1 quotes, 1 events.');
      const row = await page.$eval(
        '[data-dataset-id="e2e-set"]',
        // biome-ignore lint/performance/useDomNodeTextContent: what a user sees is innerText
        (li) => (li as HTMLElement).innerText,
      );
      expect(row).toContain('4 entities, 1 quote, 1 event');

      // The reader goes back to the article: a hidden tab may defer painting until it is shown.
      await article.bringToFront();
      await article.waitForFunction(() => (CSS.highlights.get('backstory-other')?.size ?? 0) > 0, {
        timeout: 10_000,
        polling: 100,
      });

      // Appearance: other kinds underlined in a colour of our own; the open page's ::highlight rule follows.
      await page.bringToFront();
      await page.click('#mode-other-underline');
      await page.$eval('#hex-other', (input) => {
        (input as HTMLInputElement).value = '#123456';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await article.bringToFront();
      await article.waitForFunction(
        () =>
          [...document.adoptedStyleSheets].some((sheet) =>
            [...sheet.cssRules].some(
              (rule) =>
                rule.cssText.includes('backstory-other') &&
                /underline.*(#123456|rgb\(18, 52, 86\))/.test(rule.cssText),
            ),
          ),
        { timeout: 10_000, polling: 100 },
      );
      await shot(article, 'options-style-on-page');
      await article.close();
      await page.close();
    });

    test('export → reset → restore gives back the sites and datasets', async () => {
      const page = await openOptions();
      await waitForText(page, 'E2E set');
      const backupPath = await nextDownload(session, page, join(dir, 'downloads'), () =>
        clickButton(page, 'Export all settings'),
      );
      const backup = JSON.parse(await readFile(backupPath, 'utf8'));
      expect(backup.format).toBe('backstory-backup');
      expect(backup.settings.sites).toEqual(['example.com']);

      await clickButton(page, 'Reset to defaults…');
      await clickButton(page, 'Reset everything');
      await waitForText(page, 'Everything is back to the defaults.');
      await page.waitForFunction(
        // biome-ignore lint/performance/useDomNodeTextContent: what a user sees is innerText
        () => !document.body.innerText.includes('E2E set'),
        { polling: 100 },
      );
      const reset = await stored(page);
      expect(reset.settings).toBeUndefined();
      expect(await rowsOf(page, 'e2e-set')).toEqual(NO_ROWS);

      await upload(page, 'backup-file', backupPath);
      await waitForText(page, 'It adds E2E set.');
      await clickButton(page, 'Restore this backup');
      await waitForText(page, 'Restored settings, styles, muted entities, 1 dataset.');
      await waitForText(page, 'Added E2E set.');
      await waitForText(page, 'E2E set');
      const restored = await stored(page);
      expect((restored.settings as { sites: string[] }).sites).toEqual(['example.com']);
      expect(await rowsOf(page, 'e2e-set')).toEqual(rowsFor(e2eDataset()));
      await page.close();
    });

    test('a dataset an earlier release stored whose data is damaged is set aside when the extension starts: its row says so, the data is moved (not copied) for export', async () => {
      const before = await openOptions();
      const broken = { ...smallDataset('damaged-set'), name: 'Damaged set', schemaVersion: 7 };
      // What the release before the knowledge store left in storage.local for one dataset.
      await setStored(before, {
        datasets: [
          {
            id: 'damaged-set',
            name: 'Damaged set',
            enabled: true,
            importedAt: new Date().toISOString(),
            bytes: 1000,
            counts: { entities: 3, quotes: 1, events: 1 },
          },
        ],
        'dataset:damaged-set': broken,
      });
      // The extension starts again (as after an update) and carries it into the store.
      const reloadedId = await session.browser.installExtension(
        kind === 'chromium' ? chromeExtensionDir : firefoxExtensionDir,
      );
      expect(reloadedId).toBe(session.extensionId);
      const page = await reopenAfterRestart();
      await waitForText(
        page,
        'Damaged — export or remove: its data is not a valid dataset (schemaVersion: must be 1).',
      );
      await waitForText(page, 'Imported dataset “damaged-set”: its data is not a valid dataset');
      const after = await stored(page);
      expect(Object.keys(after)).not.toContain('dataset:damaged-set');
      expect(Object.keys(after)).not.toContain('datasets');
      const kept = (after.quarantine as { key: string; raw: unknown }[]).filter(
        (entry) => entry.key === 'local:dataset:damaged-set',
      );
      expect(kept.map((entry) => entry.raw)).toEqual([broken]);
      expect(await rowsOf(page, 'damaged-set')).toEqual({ ...NO_ROWS, datasets: 1 });
      await shot(page, 'options-damaged-dataset');

      await clickButton(page, 'Remove Damaged set…');
      await clickButton(page, 'Remove Damaged set');
      await page.waitForFunction(
        // biome-ignore lint/performance/useDomNodeTextContent: what a user sees is innerText
        () => !document.body.innerText.includes('Damaged set'),
        { polling: 100 },
      );
      expect(await rowsOf(page, 'damaged-set')).toEqual(NO_ROWS);
      expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
      await page.close();
    });

    test('garbage in storage survives a restart of the extension: set aside with a notice, defaults used', async () => {
      const page = await openOptions();
      await setStored(page, {
        settings: 'garbage{{',
        styles: { person: { color: 'url(javascript:x)', mode: 'x' } },
      });
      // Restart the extension the way an update does: load the same unpacked folder again (same id, storage kept).
      const reloadedId = await session.browser.installExtension(
        kind === 'chromium' ? chromeExtensionDir : firefoxExtensionDir,
      );
      expect(reloadedId).toBe(session.extensionId);
      const reopened = await reopenAfterRestart();
      await waitForText(
        reopened,
        'Some stored data could not be read, so defaults are used in its place.',
      );
      const text = await visibleText(reopened);
      expect(text).toContain('Site settings: not readable as an object (found a string)');
      expect(text).toContain('Highlight styles: not valid');
      const kept = (await stored(reopened)).quarantine as { raw: unknown }[];
      expect(kept.map((entry) => entry.raw)).toEqual(
        expect.arrayContaining([
          'garbage{{',
          { person: { color: 'url(javascript:x)', mode: 'x' } },
        ]),
      );
      await shot(reopened, 'options-quarantine');
      await reopened.close();
    });
  });
}
