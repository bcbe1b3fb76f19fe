// What the side panel and popup ask of the knowledge base, as plain models (built by view-models.ts).
import type { EntityDetail, EntityRef, EventDetail, SourceDocument, SourceSpan } from './models';
import type { SearchIndex } from './search';

export interface PanelKnowledge {
  entityRef(id: string): EntityRef | undefined;
  entity(id: string): EntityDetail | undefined;
  event(id: string): EventDetail | undefined;
  /** The source text with mentions marked; `span` is emphasised. */
  source(id: string, span?: Omit<SourceSpan, 'sourceId'>): SourceDocument | undefined;
  search: SearchIndex;
}
