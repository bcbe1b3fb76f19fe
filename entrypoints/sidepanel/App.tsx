// The side panel page: follows the active tab, loads the knowledge base, and wires both to the SidePanel component.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type FocusPosition, type PageState, SidePanel } from '../../components/SidePanel';
import {
  type FollowedTab,
  focusOnPage,
  hostOf,
  panelHost,
  pinnedTabId,
  readPage,
  resolveTab,
  watchActivePage,
} from '../../lib/pages/followed-page';
import { groupPageEntities } from '../../lib/pages/group';
import {
  canGoBack,
  canGoForward,
  currentView,
  goBack,
  goForward,
  navigate,
  type PanelView,
  startHistory,
} from '../../lib/pages/history';
import { pageKnowledge } from '../../lib/pages/knowledge-access';
import { panelKnowledge } from '../../lib/pages/view-models';
import { clearLanding, takeLanding, watchLanding } from '../../lib/shared/landing';
import type { PanelTarget } from '../../lib/shared/messaging';
import {
  getSettings,
  setEnabled,
  setHighlightingForUrl,
  watchSettings,
} from '../../lib/shared/settings/store';

const pinned = pinnedTabId(location.search);
/** The window this panel is shown in: it follows that window's tab and takes that window's landing requests. */
const hostReady = panelHost();
/** The store this panel reads (and the background it asks), and the views read from it. */
const access = pageKnowledge();
const knowledge = panelKnowledge(access);

export function App() {
  const [knowledgeVersion, setKnowledgeVersion] = useState(0);
  const [defaultSourceId, setDefaultSourceId] = useState<string | undefined>();
  const [history, setHistory] = useState(() => startHistory({ view: 'page' }));
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [focus, setFocus] = useState<FocusPosition | null>(null);
  const tab = useRef<FollowedTab | null>(null);

  const go = useCallback((view: PanelView) => setHistory((h) => navigate(h, view)), []);
  const back = useCallback(() => setHistory(goBack), []);
  const forward = useCallback(() => setHistory(goForward), []);

  const land = useCallback(
    async (target: PanelTarget) => {
      if (target.view === 'search') {
        // A selection that plainly names one entity lands on it; anything else shows the results.
        const entity = await knowledge.bestEntity(target.query);
        go(
          entity
            ? { view: 'entity', entityId: entity.id }
            : { view: 'search', query: target.query },
        );
      } else go(target);
      // Taken: reopening the panel later starts from the page, not from an old request.
      void hostReady.then(async ({ windowId }) => {
        if (windowId !== undefined) await clearLanding(windowId);
      });
    },
    [go],
  );

  // Views read the knowledge again after every change to it (an import, a saved article, a dataset switched).
  useEffect(() => access.watch(() => setKnowledgeVersion((version) => version + 1)), []);
  useEffect(() => {
    let live = true;
    void knowledge.defaultSourceId().then((id) => live && setDefaultSourceId(id));
    return () => {
      live = false;
    };
  }, [knowledgeVersion]);

  // Where this window's panel was asked to land (popup, card, context menu, keyboard command).
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    void hostReady.then(async ({ windowId }) => {
      if (stopped || windowId === undefined) return;
      // Watch first, then take what is waiting: a request written in between is not missed.
      stop = watchLanding(windowId, (target) => void land(target));
      const waiting = await takeLanding(windowId);
      if (waiting && !stopped) void land(waiting);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [land]);

  // The page in the followed tab.
  const refresh = useCallback(async (reason: 'tab' | 'content') => {
    const next = await resolveTab(pinned, await hostReady);
    const switched = next?.id !== tab.current?.id || next?.url !== tab.current?.url;
    tab.current = next;
    if (switched || reason === 'tab') setFocus(null);
    if (!next) {
      setPage({ status: 'restricted' });
      return;
    }
    const reading = await readPage(next);
    if (tab.current?.id !== next.id) return; // a newer refresh took over
    if (reading.kind === 'restricted') {
      setPage({ status: 'restricted' });
    } else if (reading.kind === 'unreachable') {
      setPage({ status: 'unreachable', host: hostOf(reading.url) });
    } else {
      const { mentions } = reading;
      const host = hostOf(mentions.url);
      if (!mentions.active) {
        const settings = await getSettings();
        setPage({ status: 'off', host, globalOff: !settings.enabled });
      } else {
        const refs = await knowledge.entityRefs(mentions.entities.map((row) => row.entityId));
        if (tab.current?.id !== next.id) return;
        setPage({
          status: 'ready',
          host,
          groups: groupPageEntities(mentions.entities, (id) => refs.get(id)),
        });
      }
      tab.current = { ...next, url: mentions.url };
    }
  }, []);

  useEffect(() => {
    void refresh('tab');
    let stopWatching: (() => void) | undefined;
    let stopped = false;
    void hostReady.then((host) => {
      if (stopped) return;
      stopWatching = watchActivePage(
        host,
        () => tab.current?.id,
        pinned !== undefined,
        (reason) => {
          void refresh(reason);
        },
      );
    });
    // The content script re-reads the page when settings change and says so; this covers a page that had nothing.
    const stopSettings = watchSettings(() => setTimeout(() => void refresh('content'), 300));
    return () => {
      stopped = true;
      stopWatching?.();
      stopSettings();
    };
  }, [refresh]);

  // Names in the list come from the knowledge: regroup when it changes.
  useEffect(() => {
    if (knowledgeVersion > 0) void refresh('content');
  }, [knowledgeVersion]);

  const onShowOnPage = useCallback(async (entityId: string, snippet?: number) => {
    const current = tab.current;
    if (!current) return;
    const result = await focusOnPage(current, entityId, snippet);
    setFocus(result.found ? { entityId, index: result.index, total: result.total, snippet } : null);
  }, []);

  const onTurnOn = useCallback(async () => {
    if (page.status !== 'off') return;
    if (page.globalOff) await setEnabled(true);
    else if (tab.current?.url) await setHighlightingForUrl(tab.current.url, true);
  }, [page]);

  return (
    <SidePanel
      knowledge={knowledge}
      knowledgeVersion={knowledgeVersion}
      defaultSourceId={defaultSourceId}
      view={currentView(history)}
      canGoBack={canGoBack(history)}
      canGoForward={canGoForward(history)}
      onBack={back}
      onForward={forward}
      onNavigate={go}
      page={page}
      focusPosition={focus}
      onShowOnPage={(id, snippet) => void onShowOnPage(id, snippet)}
      onTurnOn={() => void onTurnOn()}
    />
  );
}
