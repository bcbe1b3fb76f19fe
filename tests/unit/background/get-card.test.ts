// The background's getCard answer follows the stored datasets even before its own change listener has run.
import { beforeEach, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveDataset } from '../../../lib/shared/settings/datasets';
import { smallDataset } from '../shared/settings/dataset-fixture';

type Handler = (message: { data: unknown; sender: { id?: string } }) => Promise<unknown>;
const handlers = vi.hoisted(() => new Map<string, Handler>());

// The messenger as a registry of the background's handlers, so the test calls them as a tab's message would.
vi.mock('../../../lib/shared/messaging', () => ({
  backgroundMessenger: {
    onMessage: (type: string, handler: Handler) => void handlers.set(type, handler),
  },
  tabMessenger: { sendMessage: vi.fn() },
}));

// The race: a tab saw the dataset index change and asks before the background's own listener ran. Holding the
// background's listener back makes that ordering certain instead of a matter of luck.
vi.mock('../../../lib/shared/settings/datasets', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/shared/settings/datasets')>()),
  watchDatasetIndex: () => () => {},
}));

beforeEach(() => {
  fakeBrowser.reset();
  handlers.clear();
  // Not implemented by the test double; the background registers them at start.
  vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
  vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(() => {});
  vi.spyOn(browser.runtime.onInstalled, 'addListener').mockImplementation(() => {});
});

async function startBackground(): Promise<Handler> {
  vi.resetModules();
  const background = (await import('../../../entrypoints/background/index')).default;
  background.main();
  const getCard = handlers.get('getCard');
  if (!getCard) throw new Error('the background registered no getCard handler');
  return getCard;
}

test('the first card asked for right after an import comes from the imported dataset', async () => {
  const getCard = await startBackground();
  const ask = (entityId: string) => getCard({ data: entityId, sender: { id: browser.runtime.id } });
  // The bundled dataset is loaded and answers.
  expect(await ask('kyiv')).toMatchObject({ name: 'Kyiv' });
  expect(await ask('maria-testova')).toBeNull();

  const dataset = smallDataset('late-import');
  const saved = await saveDataset({
    id: dataset.id,
    name: dataset.name,
    data: dataset,
    counts: { entities: 3, quotes: 0, events: 0 },
  });
  expect(saved.ok).toBe(true);

  expect(await ask('maria-testova')).toMatchObject({
    name: 'Maria Testova',
    description: 'leads the Example Council',
  });
  expect(await ask('kyiv')).toMatchObject({ name: 'Kyiv' });
});

test('a sender that is not the extension gets no card', async () => {
  const getCard = await startBackground();
  await expect(getCard({ data: 'kyiv', sender: { id: 'another-extension' } })).rejects.toThrow(
    'getCard: sender is not this extension',
  );
});
