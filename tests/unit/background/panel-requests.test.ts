// The context menu and keyboard commands: which window's panel opens, and where it is asked to land.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createMenus,
  LOOKUP_MENU_ID,
  onMenuClick,
  onPanelCommand,
  SAVE_MENU_ID,
} from '../../../lib/background/panel-requests';
import { takeLanding } from '../../../lib/shared/landing';
import { tabMessenger } from '../../../lib/shared/messaging';
import { seedDictionary } from '../support/knowledge';

const seed = seedDictionary();
const context = { dictionary: async () => seed };
const tab = { id: 7, windowId: 2 };
const menu = (selectionText: string) => ({ menuItemId: LOOKUP_MENU_ID, selectionText });

/** Chrome's side panel API, which the fake browser (Firefox-shaped) lacks. */
let open: ReturnType<typeof vi.fn<(options: { windowId: number }) => Promise<void>>>;

beforeEach(() => {
  fakeBrowser.reset();
  open = vi.fn(async () => undefined);
  Object.assign(fakeBrowser, { sidePanel: { open } });
});
afterEach(() => {
  delete (fakeBrowser as { sidePanel?: unknown }).sidePanel;
  vi.restoreAllMocks();
});

describe('Look up in Backstory', () => {
  it('opens the panel of the tab’s window on the entity the selection names', async () => {
    expect(await onMenuClick(menu('Zelenskiy'), tab, context)).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith({ windowId: 2 });
    expect(await takeLanding(2)).toEqual({ view: 'entity', entityId: 'volodymyr-zelenskyy' });
  });

  it('asks for search results when the selection is more than a name', async () => {
    await onMenuClick(menu('peace talks in Kyiv'), tab, context);
    expect(await takeLanding(2)).toEqual({ view: 'search', query: 'peace talks in Kyiv' });
  });

  it('moves no other window’s panel', async () => {
    await onMenuClick(menu('Kyiv'), tab, context);
    expect(await takeLanding(1)).toBeNull();
  });

  it('ignores other menu items', async () => {
    expect(onMenuClick({ menuItemId: 'other' }, tab, context)).toBeUndefined();
    expect(open).not.toHaveBeenCalled();
    expect(await takeLanding(2)).toBeNull();
  });
});

describe('Save this article to Backstory', () => {
  it('is on the page’s own menu, not on selected text', () => {
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(1);
    createMenus();
    expect(create.mock.calls.map(([item]) => [item.id, item.title, item.contexts])).toEqual([
      [LOOKUP_MENU_ID, 'Look up in Backstory', ['selection']],
      [SAVE_MENU_ID, 'Save this article to Backstory', ['page']],
    ]);
  });

  it('opens the panel of the tab’s window on the review of its page', async () => {
    expect(await onMenuClick({ menuItemId: SAVE_MENU_ID }, tab, context)).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith({ windowId: 2 });
    expect(await takeLanding(2)).toEqual({ view: 'save' });
  });
});

describe('keyboard commands', () => {
  it('save-article opens the window’s panel on the review of its page', async () => {
    await onPanelCommand('save-article', { id: 4, windowId: 3 });
    expect(open).toHaveBeenCalledExactlyOnceWith({ windowId: 3 });
    expect(await takeLanding(3)).toEqual({ view: 'save' });
  });

  it('open-side-panel opens the window’s panel on the page list', async () => {
    await onPanelCommand('open-side-panel', { id: 4, windowId: 3 });
    expect(open).toHaveBeenCalledExactlyOnceWith({ windowId: 3 });
    expect(await takeLanding(3)).toEqual({ view: 'page' });
  });

  it('next and previous mention step through the tab’s mentions with the card open', async () => {
    const send = vi.spyOn(tabMessenger, 'sendMessage').mockResolvedValue({ found: false });
    await onPanelCommand('next-mention', { id: 4, windowId: 3 });
    await onPanelCommand('previous-mention', { id: 4, windowId: 3 });
    expect(send.mock.calls).toEqual([
      ['focusMention', { direction: 1, openCard: true }, { tabId: 4, frameId: 0 }],
      ['focusMention', { direction: -1, openCard: true }, { tabId: 4, frameId: 0 }],
    ]);
    // A tab without our content script is no error.
    send.mockRejectedValue(new Error('Could not establish connection.'));
    await expect(onPanelCommand('next-mention', { id: 4 })).resolves.toBeUndefined();
    expect(open).not.toHaveBeenCalled();
  });
});
