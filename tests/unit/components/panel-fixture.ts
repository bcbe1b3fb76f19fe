// A PanelKnowledge over the test fixtures, for component tests of the side panel.
import type { PanelKnowledge } from '../../../lib/pages/knowledge';
import type { EntityRef } from '../../../lib/pages/models';
import { bestEntityFor, bestEntityQuery, SearchIndex } from '../../../lib/pages/search';
import { attack, corpus, source, starmer } from '../pages/fixtures';

const index = new SearchIndex(corpus);

/** A fixture entity's name and kind, or undefined. */
export function entityRef(id: string): EntityRef | undefined {
  return corpus.entities.find((entity) => entity.id === id);
}

export const knowledge: PanelKnowledge = {
  entityRefs: async (ids) =>
    new Map(
      ids.flatMap((id) => {
        const ref = entityRef(id);
        return ref ? [[id, ref] as const] : [];
      }),
    ),
  entity: async (id) => (id === 'starmer' ? starmer : undefined),
  event: async (id) => (id === attack.id ? attack : undefined),
  source: async (id) => (id === source.id ? source : undefined),
  search: async (query) => index.search(query),
  bestEntity: async (text) =>
    bestEntityFor(index.search(bestEntityQuery(text), 5), bestEntityQuery(text)),
  library: async () => [
    {
      datasetId: 'seed',
      sourceId: source.id,
      title: source.title,
      origin: 'bundled',
      addedAt: '2026-12-01T00:00:00.000Z',
      enabled: true,
      counts: { entities: 3, quotes: 1, events: 1 },
    },
  ],
};
