// The popup page: the followed tab's site and mentions, the switches and muted entities, wired to the PopupView component.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import {
  type FollowedPage,
  followPage,
  panelHost,
  pinnedTabId,
} from '../../lib/pages/followed-page';
import { groupStatus } from '../../lib/pages/group';
import { pageKnowledge } from '../../lib/pages/knowledge-access';
import type { EntityRef } from '../../lib/pages/models';
import { DEFAULT_MARKING } from '../../lib/shared/marking';
import type { PanelTarget } from '../../lib/shared/messaging';
import { readQuarantine, watchQuarantine } from '../../lib/shared/settings/quarantine';
import type { Settings } from '../../lib/shared/settings/schema';
import { isHighlightingOn } from '../../lib/shared/settings/site-list';
import { markingFor, siteMarkingFor } from '../../lib/shared/settings/site-marking';
import {
  clearSiteMarking,
  getMuted,
  getSettings,
  mute,
  setEnabled,
  setHighlightingForUrl,
  setMarkingForUrl,
  unmute,
  watchMuted,
  watchSettings,
} from '../../lib/shared/settings/store';
import { showPanel } from '../../lib/shared/show-panel';

const pinned = pinnedTabId(location.search);
/** The window the popup belongs to: its active tab is the page the popup is about. */
const hostReady = panelHost();
/** The store the popup reads names from. */
const knowledge = pageKnowledge();

export function App() {
  const [followed, setFollowed] = useState<FollowedPage>({
    tab: null,
    status: { status: 'loading' },
    newPage: true,
  });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [mutedIds, setMutedIds] = useState<string[]>([]);
  const [setAside, setSetAside] = useState(0);
  const [names, setNames] = useState<Map<string, EntityRef>>(new Map());
  const [knowledgeVersion, setKnowledgeVersion] = useState(0);

  useEffect(() => followPage({ pinned, host: hostReady }, setFollowed), []);

  useEffect(() => {
    void getSettings().then(setSettings);
    void getMuted().then(setMutedIds);
    const stopSettings = watchSettings(setSettings);
    const stopMuted = watchMuted(setMutedIds);
    void readQuarantine().then((entries) => setSetAside(entries.length));
    const stopQuarantine = watchQuarantine((entries) => setSetAside(entries.length));
    const stopKnowledge = knowledge.watch(() => setKnowledgeVersion((version) => version + 1));
    return () => {
      stopSettings();
      stopMuted();
      stopQuarantine();
      stopKnowledge();
    };
  }, []);

  // Only the names the page mentions and the muted ones are read: the popup opens as fast with a large library.
  const pageIds =
    followed.status.status === 'ready' ? followed.status.found.map((row) => row.entityId) : [];
  const namesKey = JSON.stringify([pageIds, mutedIds, knowledgeVersion]);
  useEffect(() => {
    let live = true;
    void knowledge.reader.entities([...pageIds, ...mutedIds]).then((found) => {
      if (!live) return;
      setNames(
        new Map([...found.values()].map((e) => [e.id, { id: e.id, name: e.name, kind: e.kind }])),
      );
    });
    return () => {
      live = false;
    };
  }, [namesKey]);
  const page = useMemo(
    () => groupStatus(followed.status, (id) => names.get(id)),
    [followed.status, names],
  );

  const url = followed.tab?.url;
  const globalOn = settings?.enabled ?? true;
  // Whether the site is on when the global switch is: judged with the global switch forced on.
  const siteOn = settings && url ? isHighlightingOn({ ...settings, enabled: true }, url) : true;
  const ownMarking = settings && url ? siteMarkingFor(settings, url) : null;
  const marking = settings && url ? markingFor(settings, url) : DEFAULT_MARKING;

  const openInPanel = (target: PanelTarget) => {
    // Called inside the click: showPanel opens the panel before it awaits anything (a user gesture is needed).
    void showPanel(followed.tab?.windowId, target).then((opened) => {
      // A popup closes once the panel is open; the same page opened as a tab (tests, ?tabId=) stays.
      if (opened && pinned === undefined) window.close();
    });
  };

  const muted: EntityRef[] = mutedIds.map((id) => names.get(id) ?? { id, name: id, kind: 'other' });

  return (
    <PopupView
      page={settings ? page : { status: 'loading' }}
      globalOn={globalOn}
      siteOn={siteOn}
      muted={muted}
      setAside={setAside}
      marking={marking}
      markingOwn={ownMarking !== null}
      onSiteChange={(on) => {
        if (url) void setHighlightingForUrl(url, on);
      }}
      onMarkingChange={(patch) => {
        if (url) void setMarkingForUrl(url, patch);
      }}
      onMarkingDefault={() => {
        if (ownMarking) void clearSiteMarking(ownMarking.key);
      }}
      onGlobalChange={(on) => void setEnabled(on)}
      onOpenEntity={(entity) => openInPanel({ view: 'entity', entityId: entity.id })}
      onOpenPanel={() => openInPanel({ view: 'page' })}
      onSaveArticle={() => openInPanel({ view: 'save' })}
      onOpenOptions={() => {
        void browser.runtime.openOptionsPage().then(() => {
          if (pinned === undefined) window.close();
        });
      }}
      onUnmute={(entity) => void unmute(entity.id)}
      onMute={(entity) => void mute(entity.id)}
    />
  );
}
