// The context menu "Look up in Backstory" and the keyboard commands: what each asks of the side panel or the page.
import { browser } from 'wxt/browser';
import type { Matcher } from '../shared/match/matcher';
import { type DictionaryEntry, tabMessenger } from '../shared/messaging';
import { showPanel } from '../shared/show-panel';
import { lookupTarget } from './lookup';

export const LOOKUP_MENU_ID = 'backstory-lookup';

/** The tab an event came from, as far as these handlers need it. */
export interface RequestTab {
  id?: number;
  windowId?: number;
}

export interface PanelRequestContext {
  /** The dictionary of the knowledge in use now, with its matcher. */
  dictionary(): Promise<{ entries: readonly DictionaryEntry[]; matcher: Matcher }>;
}

/** Adds "Look up in Backstory" to the menu of selected text (once, when installed or updated). */
export function createLookupMenu(): void {
  browser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    title: 'Look up in Backstory',
    contexts: ['selection'],
  });
}

/** contextMenus.onClicked: the selection lands on the entity it names, or on search results for it. */
export function onLookupMenuClick(
  info: { menuItemId: string | number; selectionText?: string },
  tab: RequestTab | undefined,
  context: PanelRequestContext,
): Promise<boolean> | undefined {
  if (info.menuItemId !== LOOKUP_MENU_ID) return undefined;
  const selection = info.selectionText ?? '';
  return showPanel(
    tab?.windowId,
    context.dictionary().then(({ entries, matcher }) => lookupTarget(selection, entries, matcher)),
  );
}

/** commands.onCommand: open the side panel on the page's list, or step through the page's mentions. */
export function onPanelCommand(
  command: string,
  tab: RequestTab | undefined,
): Promise<unknown> | undefined {
  if (command === 'open-side-panel') return showPanel(tab?.windowId, { view: 'page' });
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
