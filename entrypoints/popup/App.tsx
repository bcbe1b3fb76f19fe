// The popup page: the followed tab's site and mentions, the switches and muted entities, wired to the PopupView component.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type PopupPage, PopupView } from '../../components/PopupView';
import {
  type FollowedTab,
  hostOf,
  panelHost,
  pinnedTabId,
  readPage,
  resolveTab,
} from '../../lib/pages/followed-page';
import { groupPageEntities } from '../../lib/pages/group';
import { pageKnowledge } from '../../lib/pages/knowledge-access';
import type { EntityRef } from '../../lib/pages/models';
import { requestLanding } from '../../lib/shared/landing';
import type { PanelTarget } from '../../lib/shared/messaging';
import { openPanel } from '../../lib/shared/platform';
import { readQuarantine, watchQuarantine } from '../../lib/shared/settings/quarantine';
import type { Settings } from '../../lib/shared/settings/schema';
import { isHighlightingOn } from '../../lib/shared/settings/site-list';
import {
  getMuted,
  getSettings,
  mute,
  setEnabled,
  setHighlightingForUrl,
  unmute,
  watchMuted,
  watchSettings,
} from '../../lib/shared/settings/store';

const pinned = pinnedTabId(location.search);
/** The window the popup belongs to: its active tab is the page the popup is about. */
const hostReady = panelHost();
/** The store the popup reads names from. */
const { reader } = pageKnowledge();

export function App() {
  const [page, setPage] = useState<PopupPage>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [mutedIds, setMutedIds] = useState<string[]>([]);
  const [setAside, setSetAside] = useState(0);
  const [names, setNames] = useState<Map<string, EntityRef>>(new Map());
  const tab = useRef<FollowedTab | null>(null);

  const refresh = useCallback(async () => {
    const host = await hostReady;
    const next = await resolveTab(pinned, host);
    tab.current = next;
    if (!next) {
      setPage({ status: 'restricted' });
      return;
    }
    const reading = await readPage(next);
    if (reading.kind === 'restricted') setPage({ status: 'restricted' });
    else if (reading.kind === 'unreachable') {
      setPage({ status: 'unreachable', host: hostOf(reading.url) });
    } else {
      const { mentions } = reading;
      tab.current = { ...next, url: mentions.url };
      const host = hostOf(mentions.url);
      if (!host) setPage({ status: 'restricted' });
      else {
        // Only the names this page mentions are read: the popup opens as fast with a large library.
        const found = await reader.entities(mentions.entities.map((row) => row.entityId));
        setPage({
          status: 'ready',
          host,
          groups: mentions.active
            ? groupPageEntities(mentions.entities, (id) => {
                const entity = found.get(id);
                return entity && { id: entity.id, name: entity.name, kind: entity.kind };
              })
            : null,
        });
      }
    }
  }, []);

  useEffect(() => {
    void getSettings().then(setSettings);
    void getMuted().then(setMutedIds);
    const stopSettings = watchSettings((next) => {
      setSettings(next);
      // The tab re-reads the page when settings change; give it a moment, then show what it found.
      setTimeout(() => void refresh(), 300);
    });
    const stopMuted = watchMuted(setMutedIds);
    void readQuarantine().then((entries) => setSetAside(entries.length));
    const stopQuarantine = watchQuarantine((entries) => setSetAside(entries.length));
    void refresh();
    return () => {
      stopSettings();
      stopMuted();
      stopQuarantine();
    };
  }, [refresh]);

  const url = tab.current?.url;
  const globalOn = settings?.enabled ?? true;
  // Whether the site is on when the global switch is: judged with the global switch forced on.
  const siteOn = settings && url ? isHighlightingOn({ ...settings, enabled: true }, url) : true;

  const openInPanel = (target: PanelTarget) => {
    // Opening must happen inside the click (a user gesture), before anything is awaited.
    const windowId = tab.current?.windowId;
    const opening = openPanel(windowId);
    // The panel of the page's window lands there (a panel of another window stays where it is).
    void hostReady.then(async (host) => {
      const landIn = windowId ?? host.windowId;
      if (landIn !== undefined) await requestLanding(landIn, target);
    });
    // A popup closes once the panel is open; the same page opened as a tab (tests, ?tabId=) stays.
    void opening.then(
      () => {
        if (pinned === undefined) window.close();
      },
      () => {},
    );
  };

  useEffect(() => {
    let live = true;
    void reader.entities(mutedIds).then((found) => {
      if (!live) return;
      setNames(
        new Map([...found.values()].map((e) => [e.id, { id: e.id, name: e.name, kind: e.kind }])),
      );
    });
    return () => {
      live = false;
    };
  }, [mutedIds]);
  const muted: EntityRef[] = mutedIds.map((id) => names.get(id) ?? { id, name: id, kind: 'other' });

  return (
    <PopupView
      page={settings ? page : { status: 'loading' }}
      globalOn={globalOn}
      siteOn={siteOn}
      muted={muted}
      setAside={setAside}
      onSiteChange={(on) => {
        if (url) void setHighlightingForUrl(url, on);
      }}
      onGlobalChange={(on) => void setEnabled(on)}
      onOpenEntity={(entity) => openInPanel({ view: 'entity', entityId: entity.id })}
      onOpenPanel={() => openInPanel({ view: 'page' })}
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
