// Loads the knowledge base for an extension page (bundled dataset + enabled imports) as the panel's plain models, and reloads it when datasets change.
import { loadDatasets } from '../shared/kb/load';
import { watchDatasetIndex } from '../shared/settings/datasets';
import { type BuiltKnowledge, buildPanelKnowledge } from './view-models';

export interface LoadedPanelKnowledge {
  knowledge: BuiltKnowledge;
  /** The article the "Article" button opens: the first source of the bundled dataset. */
  defaultSourceId?: string;
  /** Stored datasets that no longer validate, left out as the background leaves them out. */
  skipped: { id: string; reason: string }[];
}

/** The background's own loader, so panel and page agree on which datasets are in and how they merge. */
export async function loadPanelKnowledge(): Promise<LoadedPanelKnowledge> {
  const { kb, skipped } = await loadDatasets();
  const knowledge = buildPanelKnowledge(kb);
  return { knowledge, defaultSourceId: knowledge.defaultSourceId, skipped };
}

/**
 * Loads the panel's knowledge now and again whenever the stored dataset index changes (an import,
 * a removal, a dataset switched on or off), calling `onLoad` with each result. A load that finishes
 * after a newer one has started is dropped, so quick changes can't leave an older set on screen.
 * Returns the function that stops watching.
 */
export function watchPanelKnowledge(
  onLoad: (loaded: LoadedPanelKnowledge) => void,
  onError: (error: unknown) => void,
  loader: () => Promise<LoadedPanelKnowledge> = loadPanelKnowledge,
): () => void {
  let latest = 0;
  let stopped = false;
  const load = () => {
    const run = ++latest;
    loader().then(
      (loaded) => {
        if (!stopped && run === latest) onLoad(loaded);
      },
      (error: unknown) => {
        if (!stopped && run === latest) onError(error);
      },
    );
  };
  load();
  const unwatch = watchDatasetIndex(load);
  return () => {
    stopped = true;
    unwatch();
  };
}
