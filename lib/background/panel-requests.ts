// The context menu ("Look up in Backstory", "Save this article to Backstory") and the keyboard commands: what each asks
// of the side panel or the page.
import { browser } from 'wxt/browser';
import type { Matcher } from '../shared/match/matcher';
import { type DictionaryEntry, tabMessenger } from '../shared/messaging';
import { showPanel } from '../shared/show-panel';
import { lookupTarget } from './lookup';

export const LOOKUP_MENU_ID = 'backstory-lookup';
export const SAVE_MENU_ID = 'backstory-save-article';

/** The tab an event came from, as far as these handlers need it. */
export interface RequestTab {
  id?: number;
  windowId?: number;
}

export interface PanelRequestContext {
  /** The dictionary of the knowledge in use now, with its matcher. */
  dictionary(): Promise<{ entries: readonly DictionaryEntry[]; matcher: Matcher }>;
}

/**
 * Adds the menu items (once, when installed or updated): "Look up in Backstory" on selected text, and "Save this
 * article to Backstory" on the page itself.
 */
export function createMenus(): void {
  browser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    title: 'Look up in Backstory',
    contexts: ['selection'],
  });
  browser.contextMenus.create({
    id: SAVE_MENU_ID,
    title: 'Save this article to Backstory',
    contexts: ['page'],
  });
}

/**
 * contextMenus.onClicked: a selection lands on the entity it names, or on search results for it; "Save this article"
 * opens the panel on the review of the tab's page.
 */
export function onMenuClick(
  info: { menuItemId: string | number; selectionText?: string },
  tab: RequestTab | undefined,
  context: PanelRequestContext,
): Promise<boolean> | undefined {
  if (info.menuItemId === SAVE_MENU_ID) return showPanel(tab?.windowId, { view: 'save' });
  if (info.menuItemId !== LOOKUP_MENU_ID) return undefined;
  const selection = info.selectionText ?? '';
  return showPanel(
    tab?.windowId,
    context.dictionary().then(({ entries, matcher }) => lookupTarget(selection, entries, matcher)),
  );
}

/** commands.onCommand: open the side panel on the page's list or on saving the page, or step through its mentions. */
export function onPanelCommand(
  command: string,
  tab: RequestTab | undefined,
): Promise<unknown> | undefined {
  if (command === 'open-side-panel') return showPanel(tab?.windowId, { view: 'page' });
  if (command === 'save-article') return showPanel(tab?.windowId, { view: 'save' });
  if ((command === 'next-mention' || command === 'previous-mention') && tab?.id !== undefined) {
    return tabMessenger
      .sendMessage(
        'focusMention',
        { direction: command === 'next-mention' ? 1 : -1, openCard: true },
        { tabId: tab.id, frameId: 0 },
      )
      .catch(() => undefined); // A page without our content script: nothing to step through.
  }
  return undefined;
}
