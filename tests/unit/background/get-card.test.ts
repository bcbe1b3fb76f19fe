// The background's own handlers, as tabs and pages reach them: a card follows an import at once, and only the
// extension's pages may change what is stored.
import { Dexie } from 'dexie';
import { beforeEach, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME } from '../../../lib/shared/store/db';
import { smallDataset } from '../support/dataset-fixture';

type Handler = (message: {
  data: unknown;
  sender: { id?: string; url?: string };
}) => Promise<unknown>;
const handlers = vi.hoisted(() => new Map<string, Handler>());

// The messenger as a registry of the background's handlers, so the test calls them as a tab's message would.
vi.mock('../../../lib/shared/messaging', () => ({
  backgroundMessenger: {
    onMessage: (type: string, handler: Handler) => void handlers.set(type, handler),
  },
  tabMessenger: { sendMessage: vi.fn() },
}));

beforeEach(async () => {
  fakeBrowser.reset();
  handlers.clear();
  await Dexie.delete(DB_NAME);
  // Not implemented by the test double; the background registers them at start.
  vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
  vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(() => {});
  vi.spyOn(browser.runtime.onInstalled, 'addListener').mockImplementation(() => {});
});

async function startBackground(): Promise<
  (type: string, data: unknown, url?: string) => Promise<unknown>
> {
  vi.resetModules();
  const background = (await import('../../../entrypoints/background/index')).default;
  background.main();
  return (type, data, url = browser.runtime.getURL('/options.html')) => {
    const handler = handlers.get(type);
    if (!handler) throw new Error(`the background registered no ${type} handler`);
    return handler({ data, sender: { id: browser.runtime.id, url } });
  };
}

test('the first card asked for right after an import comes from the imported dataset', async () => {
  const ask = await startBackground();
  const page = 'https://news.example/story';
  // The bundled dataset is installed and answers.
  expect(await ask('getCard', 'kyiv', page)).toMatchObject({ name: 'Kyiv' });
  expect(await ask('getCard', 'maria-testova', page)).toBeNull();

  const dataset = smallDataset('late-import');
  const imported = await ask('importDatasetFile', {
    name: 'late.json',
    text: JSON.stringify(dataset),
  });
  expect(imported).toMatchObject({ ok: true });

  expect(await ask('getCard', 'maria-testova', page)).toMatchObject({
    name: 'Maria Testova',
    description: 'leads the Example Council',
  });
  expect(await ask('getCard', 'kyiv', page)).toMatchObject({ name: 'Kyiv' });
});

test('a sender that is not the extension gets no card', async () => {
  await startBackground();
  const getCard = handlers.get('getCard') as Handler;
  await expect(getCard({ data: 'kyiv', sender: { id: 'another-extension' } })).rejects.toThrow(
    'getCard: sender is not this extension',
  );
});

test('a content script may not change what is stored: imports, switches and removals come from pages only', async () => {
  const ask = await startBackground();
  const page = 'https://news.example/story';
  const dataset = JSON.stringify(smallDataset('from-a-page'));
  await expect(ask('importDatasetFile', { name: 'x.json', text: dataset }, page)).rejects.toThrow(
    "importDatasetFile: only the extension's own pages may send it",
  );
  await expect(ask('removeDataset', 'seed-kyiv-attack', page)).rejects.toThrow(/own pages/);
  await expect(ask('removeImportedDatasets', undefined, page)).rejects.toThrow(/own pages/);
  expect(await ask('getCard', 'maria-testova', page)).toBeNull();
});
