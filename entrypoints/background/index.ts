// Background: owns the knowledge store (writes, dictionary), answers tabs and pages, and wires the badge, context menu and commands.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { showCount } from '../../lib/background/badge';
import { buildCard } from '../../lib/background/build-card';
import { checkMessage, type GuardedType } from '../../lib/background/guards';
import { KnowledgeOwner } from '../../lib/background/knowledge';
import { answerKnowledgeRequests } from '../../lib/background/knowledge-requests';
import {
  createMenus,
  onMenuClick,
  onPanelCommand,
  type PanelRequestContext,
} from '../../lib/background/panel-requests';
import { backgroundMessenger } from '../../lib/shared/messaging';
import { isHighlightingOn } from '../../lib/shared/settings/site-list';
import { markingFor } from '../../lib/shared/settings/site-marking';
import { getMuted, getSettings, getStyles, mute } from '../../lib/shared/settings/store';
import { showPanel } from '../../lib/shared/show-panel';

export default defineBackground(() => {
  const knowledge = new KnowledgeOwner();
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  /** Validates sender and shape; a bad message is answered with an error naming what was wrong. */
  function checked<K extends GuardedType>(
    type: K,
    message: { data: unknown; sender: { id?: string; url?: string } },
  ) {
    const result = checkMessage(type, message.data, message.sender, own);
    if (!result.ok) throw new Error(result.reason);
    return result.data;
  }

  backgroundMessenger.onMessage('getPageState', async (message) => {
    const { url, dictionaryVersion } = checked('getPageState', message);
    const [settings, styles, muted, version] = await Promise.all([
      getSettings(),
      getStyles(),
      getMuted(),
      knowledge.version(),
    ]);
    const state = {
      on: isHighlightingOn(settings, url),
      styles,
      muted,
      marking: markingFor(settings, url),
      dictionaryVersion: String(version),
    };
    // A frame of a site switched off gets none: it asks again when switched on (a storage change).
    if (!state.on || dictionaryVersion === state.dictionaryVersion) return { state };
    const dictionary = await knowledge.dictionary();
    return {
      state: { ...state, dictionaryVersion: String(dictionary.version) },
      dictionary: {
        version: String(dictionary.version),
        entries: dictionary.pageEntries,
        tables: dictionary.tables,
      },
    };
  });

  backgroundMessenger.onMessage('getCard', async (message) => {
    const entityId = checked('getCard', message);
    await knowledge.ready;
    return buildCard(knowledge.reader, entityId);
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

  // What extension pages ask of the knowledge (lib/background/knowledge-requests.ts).
  const answers = answerKnowledgeRequests(knowledge);
  backgroundMessenger.onMessage('findNames', async (message) =>
    answers.findNames(checked('findNames', message)),
  );
  backgroundMessenger.onMessage('sourceNames', async (message) =>
    answers.sourceNames(checked('sourceNames', message)),
  );
  backgroundMessenger.onMessage('importDatasetFile', async (message) =>
    answers.importDatasetFile(checked('importDatasetFile', message)),
  );
  backgroundMessenger.onMessage('setDatasetEnabled', async (message) => {
    const { id, enabled } = checked('setDatasetEnabled', message);
    return answers.setDatasetEnabled(id, enabled);
  });
  backgroundMessenger.onMessage('removeDataset', async (message) =>
    answers.removeDataset(checked('removeDataset', message)),
  );
  backgroundMessenger.onMessage('checkBackupDatasets', async (message) =>
    answers.checkBackupDatasets(checked('checkBackupDatasets', message)),
  );
  backgroundMessenger.onMessage('restoreDatasets', async (message) =>
    answers.restoreDatasets(checked('restoreDatasets', message)),
  );
  backgroundMessenger.onMessage('saveArticle', async (message) =>
    answers.saveArticle(checked('saveArticle', message)),
  );
  backgroundMessenger.onMessage('mergeEntities', async (message) => {
    const { from, into } = checked('mergeEntities', message);
    return answers.mergeEntities(from, into);
  });
  backgroundMessenger.onMessage('unmergeEntity', async (message) =>
    answers.unmergeEntity(checked('unmergeEntity', message)),
  );
  backgroundMessenger.onMessage('markDistinct', async (message) => {
    const { a, b } = checked('markDistinct', message);
    return answers.markDistinct(a, b);
  });
  backgroundMessenger.onMessage('restoreRemoved', async (message) =>
    answers.restoreRemoved(checked('restoreRemoved', message)),
  );
  backgroundMessenger.onMessage('removeImportedDatasets', async (message) => {
    checked('removeImportedDatasets', message);
    return answers.removeImportedDatasets();
  });

  // Context menu and commands: named handlers in lib/background/panel-requests.ts (unit-tested there,
  // and reached through these very listeners by tests/e2e/sidepanel.e2e.test.ts: Chromium's own event
  // dispatch, and Firefox's real context menu).
  const requests: PanelRequestContext = { dictionary: () => knowledge.matcher() };
  browser.runtime.onInstalled.addListener(createMenus);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onMenuClick(info, tab, requests);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    void onPanelCommand(command, tab);
  });
});
