// The side panel page: follows the active tab, loads the knowledge base, and wires both to the SidePanel component.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { type FocusPosition, type PanelNotice, SidePanel } from '../../components/SidePanel';
import { downloadText } from '../../lib/pages/download';
import {
  type FollowedPage,
  focusOnPage,
  followPage,
  panelHost,
  pinnedTabId,
  readPageCopy,
  resolveTab,
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
import { withoutEventHandlers } from '../../lib/pages/inert-html';
import { pageKnowledge } from '../../lib/pages/knowledge-access';
import type { LibraryEntry } from '../../lib/pages/library';
import {
  deleteFromLibrary,
  exportSelected,
  importIntoLibrary,
  undoDelete,
} from '../../lib/pages/library-actions';
import type { EntityRef } from '../../lib/pages/models';
import {
  readArticle,
  type SaveSession,
  saveReviewed,
  whenIdle,
} from '../../lib/pages/save-article';
import { SaveFlow } from '../../lib/pages/save-flow';
import { panelKnowledge } from '../../lib/pages/view-models';
import { clearLanding, takeLanding, watchLanding } from '../../lib/shared/landing';
import type { PanelTarget } from '../../lib/shared/messaging';
import { setEnabled, setHighlightingForUrl } from '../../lib/shared/settings/store';

const pinned = pinnedTabId(location.search);
/** The window this panel is shown in: it follows that window's tab and takes that window's landing requests. */
const hostReady = panelHost();
/** The store this panel reads (and the background it asks), and the views read from it. */
const access = pageKnowledge();
const knowledge = panelKnowledge(access);
/** The extraction library: a chunk of its own, loaded when the panel is idle or the reader saves. */
const extraction = () => import('../../lib/pages/extract');

/** "Save this article": the followed tab's page, extracted here, reviewed, stored by the background. */
function saveFlow(onSession: (session: SaveSession | null) => void): SaveFlow {
  return new SaveFlow(
    {
      read: async () =>
        readArticle({
          tab: async () => resolveTab(pinned, await hostReady),
          copyPage: readPageCopy,
          reader: access.reader,
          extraction,
          parse: (html) => new DOMParser().parseFromString(withoutEventHandlers(html), 'text/html'),
        }),
      save: (review, earlier) => saveReviewed(review, earlier, access),
    },
    onSession,
  );
}

/** The library's buttons: delete with undo, export the selected as one file, import a file. */
const library = {
  onDelete: (entry: LibraryEntry) => deleteFromLibrary(access, entry),
  onUndoDelete: (entry: LibraryEntry) => undoDelete(access, entry),
  async onExport(datasetIds: string[]) {
    const exported = await exportSelected(access, datasetIds);
    if (!exported.ok) return exported.message;
    downloadText(exported.fileName, exported.text);
    return null;
  },
  onImport: (file: File) => importIntoLibrary(access, file),
};

/** One entity across sources: merged, separated, or said to be different (remembered). */
const across = {
  async merge(from: string, into: string) {
    const merged = await access.requests.mergeEntities(from, into);
    return merged.ok ? null : merged.error;
  },
  unmerge: (from: string) => access.requests.unmergeEntity(from),
  notSame: (a: string, b: string) => access.requests.markDistinct(a, b),
};

export function App() {
  const [knowledgeVersion, setKnowledgeVersion] = useState(0);
  const [history, setHistory] = useState(() => startHistory({ view: 'page' }));
  const [followed, setFollowed] = useState<FollowedPage>({
    tab: null,
    status: { status: 'loading' },
    newPage: true,
  });
  const [focus, setFocus] = useState<FocusPosition | null>(null);
  const [names, setNames] = useState<Map<string, EntityRef>>(new Map());

  const [save, setSave] = useState<SaveSession | null>(null);
  /** The result of the last removal, shown until the reader moves to another view. */
  const [notice, setNotice] = useState<PanelNotice | null>(null);
  const [flow] = useState(() => saveFlow(setSave));

  const go = useCallback((view: PanelView) => {
    setNotice(null);
    setHistory((h) => navigate(h, view));
  }, []);
  const startSave = useCallback(() => {
    go({ view: 'save' });
    void flow.start();
  }, [go, flow]);

  const back = useCallback(() => {
    setNotice(null);
    setHistory(goBack);
  }, []);
  const forward = useCallback(() => {
    setNotice(null);
    setHistory(goForward);
  }, []);

  // While the reader reads, the extractor's libraries get ready (~150 ms the first save would otherwise pay).
  useEffect(
    () => whenIdle(() => void extraction().then((library) => library.warmUpExtraction())),
    [],
  );

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
      } else if (target.view === 'save') startSave();
      else go(target);
      // Taken: reopening the panel later starts from the page, not from an old request.
      void hostReady.then(async ({ windowId }) => {
        if (windowId !== undefined) await clearLanding(windowId);
      });
    },
    [go, startSave],
  );

  // Views read the knowledge again after every change to it (an import, a saved article, a dataset switched).
  useEffect(() => access.watch(() => setKnowledgeVersion((version) => version + 1)), []);

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

  // The page in the followed tab; a position on the page it showed before means nothing on another.
  useEffect(
    () =>
      followPage({ pinned, host: hostReady }, (next) => {
        setFollowed(next);
        if (next.newPage) setFocus(null);
      }),
    [],
  );

  // Names in the list come from the knowledge: only those the page mentions are read, again when it changes.
  const pageIds =
    followed.status.status === 'ready' ? followed.status.found.map((row) => row.entityId) : [];
  const namesKey = JSON.stringify([pageIds, knowledgeVersion]);
  useEffect(() => {
    let live = true;
    void knowledge.entityRefs(pageIds).then((found) => live && setNames(found));
    return () => {
      live = false;
    };
  }, [namesKey]);
  const page = useMemo(
    () => groupStatus(followed.status, (id) => names.get(id)),
    [followed.status, names],
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

  const removeSaved = useCallback(
    async (datasetId: string, title: string) => {
      try {
        await access.requests.removeDataset(datasetId);
        go({ view: 'page' });
        setNotice({
          tone: 'success',
          title: `Removed “${title}”`,
          text: 'Its names, facts, quotes and events are gone from every tab and view.',
          undo: () =>
            void undoDelete(access, { datasetId }).then((why) =>
              setNotice(
                why
                  ? { tone: 'error', title: `“${title}” could not be brought back`, text: why }
                  : { tone: 'success', title: `“${title}” is back.` },
              ),
            ),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        setNotice({
          tone: 'error',
          title: `“${title}” was not removed`,
          text: `${reason}. Nothing was changed; try again, or remove it in the options.`,
        });
      }
    },
    [go],
  );

  const onTurnOn = useCallback(async () => {
    if (page.status !== 'off') return;
    if (page.globalOff) await setEnabled(true);
    else if (tab?.url) await setHighlightingForUrl(tab.url, true);
  }, [page, tab]);

  return (
    <SidePanel
      knowledge={knowledge}
      knowledgeVersion={knowledgeVersion}
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
      save={save}
      onSaveArticle={startSave}
      onReviewChange={(change) => flow.change(change)}
      onSaveReviewed={() => void flow.save()}
      onRemoveSaved={(datasetId, title) => void removeSaved(datasetId, title)}
      notice={notice}
      library={library}
      across={across}
      onDiscardReview={() => {
        flow.discard();
        go({ view: 'page' });
      }}
    />
  );
}
