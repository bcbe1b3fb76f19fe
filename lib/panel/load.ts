// Loads the knowledge base for an extension page (bundled dataset + enabled imports) as the panel's plain models.
import { loadKnowledge } from '../background/knowledge';
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
  const { kb, skipped } = await loadKnowledge();
  const knowledge = buildPanelKnowledge(kb);
  return { knowledge, defaultSourceId: knowledge.defaultSourceId, skipped };
}
