// Background: owns the knowledge base, answers tabs and pages, and wires the badge, context menu and commands.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { showCount } from '../../lib/background/badge';
import { buildCard } from '../../lib/background/card-data';
import { checkMessage, type GuardedType } from '../../lib/background/guards';
import {
  currentDatasetsVersion,
  type LoadedKnowledge,
  loadKnowledge,
} from '../../lib/background/knowledge';
import {
  createLookupMenu,
  onLookupMenuClick,
  onPanelCommand,
  type PanelRequestContext,
} from '../../lib/background/panel-requests';
import { backgroundMessenger } from '../../lib/shared/messaging';
import { watchDatasetIndex } from '../../lib/shared/settings/datasets';
import { isHighlightingOn } from '../../lib/shared/settings/site-list';
import { getMuted, getSettings, getStyles, mute } from '../../lib/shared/settings/store';
import { showPanel } from '../../lib/shared/show-panel';

export default defineBackground(() => {
  let knowledge: Promise<LoadedKnowledge> = loadKnowledge();
  watchDatasetIndex(() => {
    knowledge = loadKnowledge();
  });

  /**
   * The knowledge as the stored dataset index has it now. A tab that saw the index change may ask
   * before this context's own change listener ran, so the version is checked on every request.
   */
  async function freshKnowledge(): Promise<LoadedKnowledge> {
    const [loaded, wanted] = await Promise.all([knowledge, currentDatasetsVersion()]);
    if (loaded.version === wanted) return loaded;
    knowledge = loadKnowledge();
    return knowledge;
  }

  /** Validates sender and shape; a bad message is answered with an error naming what was wrong. */
  function checked<K extends GuardedType>(
    type: K,
    message: { data: unknown; sender: { id?: string } },
  ) {
    const result = checkMessage(type, message.data, message.sender, browser.runtime.id);
    if (!result.ok) throw new Error(result.reason);
    return result.data;
  }

  backgroundMessenger.onMessage('getPageState', async (message) => {
    const url = checked('getPageState', message);
    const [settings, styles, muted, loaded] = await Promise.all([
      getSettings(),
      getStyles(),
      getMuted(),
      freshKnowledge(),
    ]);
    return {
      on: isHighlightingOn(settings, url),
      styles,
      muted,
      dictionaryVersion: loaded.version,
    };
  });

  backgroundMessenger.onMessage('getDictionary', async (message) => {
    checked('getDictionary', message);
    const loaded = await freshKnowledge();
    return { version: loaded.version, entries: loaded.dictionary, tables: loaded.tables };
  });

  backgroundMessenger.onMessage('getCard', async (message) => {
    const entityId = checked('getCard', message);
    // Fresh, not the cached promise: right after an import a tab may ask before watchDatasetIndex has fired here.
    return buildCard((await freshKnowledge()).kb, entityId);
  });

  backgroundMessenger.onMessage('openSidePanel', async (message) => {
    const target = checked('openSidePanel', message);
    await showPanel(message.sender.tab?.windowId, target);
  });

  backgroundMessenger.onMessage('muteEntity', async (message) => {
    await mute(checked('muteEntity', message));
  });

  backgroundMessenger.onMessage('reportMentions', async (message) => {
    const distinct = checked('reportMentions', message);
    const tabId = message.sender.tab?.id;
    if (tabId !== undefined) await showCount(tabId, distinct);
  });

  // Context menu and commands: named handlers in lib/background/panel-requests.ts (unit-tested there,
  // and reached through these very listeners by tests/e2e/sidepanel.e2e.test.ts: Chromium's own event
  // dispatch, and Firefox's real context menu).
  const requests: PanelRequestContext = {
    dictionary: async () => (await freshKnowledge()).dictionary,
  };
  browser.runtime.onInstalled.addListener(createLookupMenu);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onLookupMenuClick(info, tab, requests);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    void onPanelCommand(command, tab);
  });
});
