// What the side panel and popup ask of the knowledge: plain models (built by view-models.ts), each read when shown.
import type { LibraryEntry } from './library';
import type { EntityDetail, EntityRef, EventDetail, SourceDocument, SourceSpan } from './models';
import type { EntityDoc, SearchResults } from './search';

export interface PanelKnowledge {
  /** Names and kinds of the entities of `ids` that are in use. */
  entityRefs(ids: readonly string[]): Promise<Map<string, EntityRef>>;
  entity(id: string): Promise<EntityDetail | undefined>;
  event(id: string): Promise<EventDetail | undefined>;
  /** The source text with mentions marked; `span` is emphasised. */
  source(id: string, span?: Omit<SourceSpan, 'sourceId'>): Promise<SourceDocument | undefined>;
  search(query: string): Promise<SearchResults>;
  /** The entity a looked-up selection plainly names, if one stands out (else the panel shows results). */
  bestEntity(text: string): Promise<EntityDoc | undefined>;
  /** Every dataset as the library lists it (lib/pages/library.ts). */
  library(): Promise<LibraryEntry[]>;
}
