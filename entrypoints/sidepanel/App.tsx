// The side panel page: follows the active tab, loads the knowledge base, and wires both to the SidePanel component.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type FocusPosition, SidePanel } from '../../components/SidePanel';
import {
  type FollowedPage,
  focusOnPage,
  followPage,
  panelHost,
  pinnedTabId,
} from '../../lib/pages/followed-page';
import { groupStatus } from '../../lib/pages/group';
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
import type { PanelKnowledge } from '../../lib/pages/knowledge';
import { watchPanelKnowledge } from '../../lib/pages/load';
import { bestEntityFor } from '../../lib/pages/search';
import { clearLanding, takeLanding, watchLanding } from '../../lib/shared/landing';
import type { PanelTarget } from '../../lib/shared/messaging';
import { setEnabled, setHighlightingForUrl } from '../../lib/shared/settings/store';

const pinned = pinnedTabId(location.search);
/** The window this panel is shown in: it follows that window's tab and takes that window's landing requests. */
const hostReady = panelHost();

export function App() {
  const [knowledge, setKnowledge] = useState<PanelKnowledge | null>(null);
  const [defaultSourceId, setDefaultSourceId] = useState<string | undefined>();
  const [knowledgeError, setKnowledgeError] = useState<string | undefined>();
  const [history, setHistory] = useState(() => startHistory({ view: 'page' }));
  const [followed, setFollowed] = useState<FollowedPage>({
    tab: null,
    status: { status: 'loading' },
    newPage: true,
  });
  const [focus, setFocus] = useState<FocusPosition | null>(null);
  const knowledgeRef = useRef<PanelKnowledge | null>(null);
  const pendingTarget = useRef<PanelTarget | null>(null);

  const go = useCallback((view: PanelView) => setHistory((h) => navigate(h, view)), []);
  const back = useCallback(() => setHistory(goBack), []);
  const forward = useCallback(() => setHistory(goForward), []);

  const land = useCallback(
    (target: PanelTarget) => {
      const kb = knowledgeRef.current;
      if (!kb) {
        pendingTarget.current = target;
        return;
      }
      if (target.view === 'search') {
        // A selection that plainly names one entity lands on it; anything else shows the results.
        const entity = bestEntityFor(kb.search, target.query);
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

  // The knowledge base, rebuilt when datasets are imported, removed or switched.
  useEffect(
    () =>
      watchPanelKnowledge(
        (loaded) => {
          knowledgeRef.current = loaded.knowledge;
          setKnowledge(loaded.knowledge);
          setDefaultSourceId(loaded.defaultSourceId);
          setKnowledgeError(undefined);
          const target = pendingTarget.current;
          pendingTarget.current = null;
          if (target) land(target);
        },
        (error) => setKnowledgeError(String(error)),
      ),
    [land],
  );

  // Where this window's panel was asked to land (popup, card, context menu, keyboard command).
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    void hostReady.then(async ({ windowId }) => {
      if (stopped || windowId === undefined) return;
      // Watch first, then take what is waiting: a request written in between is not missed.
      stop = watchLanding(windowId, land);
      const waiting = await takeLanding(windowId);
      if (waiting && !stopped) land(waiting);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [land]);

  // The page in the followed tab; a position on the page it showed before means nothing on another.
  useEffect(
    () =>
      followPage({ pinned, host: hostReady }, (next) => {
        setFollowed(next);
        if (next.newPage) setFocus(null);
      }),
    [],
  );

  // Names in the list come from the knowledge base: grouped again once it is loaded.
  const page = useMemo(
    () => groupStatus(followed.status, (id) => knowledge?.entityRef(id)),
    [followed.status, knowledge],
  );
  const tab = followed.tab;

  const onShowOnPage = useCallback(
    async (entityId: string, snippet?: number) => {
      if (!tab) return;
      const result = await focusOnPage(tab, entityId, snippet);
      setFocus(
        result.found ? { entityId, index: result.index, total: result.total, snippet } : null,
      );
    },
    [tab],
  );

  const onTurnOn = useCallback(async () => {
    if (page.status !== 'off') return;
    if (page.globalOff) await setEnabled(true);
    else if (tab?.url) await setHighlightingForUrl(tab.url, true);
  }, [page, tab]);

  return (
    <SidePanel
      knowledge={knowledge}
      knowledgeError={knowledgeError}
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
