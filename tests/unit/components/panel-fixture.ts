// A PanelKnowledge over the test fixtures, for component tests of the side panel.
import type { PanelKnowledge } from '../../../lib/pages/knowledge';
import { SearchIndex } from '../../../lib/pages/search';
import { attack, corpus, source, starmer } from '../pages/fixtures';

export const knowledge: PanelKnowledge = {
  entityRef: (id) => corpus.entities.find((entity) => entity.id === id),
  entity: (id) => (id === 'starmer' ? starmer : undefined),
  event: (id) => (id === attack.id ? attack : undefined),
  source: (id) => (id === source.id ? source : undefined),
  search: new SearchIndex(corpus),
};
