// The plain data the side panel and popup render: built from the knowledge base once, free of KB internals.

/** A place in a source article: UTF-16 offsets into the source's text. */
export interface SourceSpan {
  sourceId: string;
  start: number;
  end: number;
}

export interface EntityRef {
  id: string;
  name: string;
  kind: string;
}

export interface FactItem {
  id: string;
  text: string;
  /** The sentence of the source the fact was taken from. */
  sentence: string;
  span: SourceSpan;
  /** "Title · site · date" of that source (lib/shared/source-line.ts). */
  sourceLine?: string;
}

export interface QuoteItem {
  id: string;
  text: string;
  speaker: EntityRef | null;
  /** What was going on when it was said (the article's framing), when the dataset gives it. */
  context?: string;
  sentence: string;
  span: SourceSpan;
}

export interface EventSummary {
  id: string;
  title: string;
  /** In the article's own words ("Thursday", "just weeks ago"); never a computed date. */
  when?: string;
  where?: string;
}

export interface FigureItem {
  /** What is counted: "dead", "drones", "arms package". */
  label: string;
  /** The number as the reader should see it: "21", "598", "$825 million". */
  value: string;
  /** "at least", "nearly", "more than"… as the source qualifies the number. */
  qualifier?: string;
}

export interface RelatedEntity extends EntityRef {
  /** How the two are related, in words ("met with", "ally of"), when known. */
  relation?: string;
}

export interface EntityDetail extends EntityRef {
  description?: string;
  aliases: string[];
  facts: FactItem[];
  quotes: QuoteItem[];
  /** Its events across sources in date order (lib/pages/timeline.ts). */
  events: TimelineItem[];
  related: RelatedEntity[];
  /** Entities of other sources shown as this one (merged), with who decided. */
  merged: MergedEntity[];
  /** Entities that may be this one, for the reader to confirm or set apart (best first). */
  candidates: SameCandidate[];
}

export interface TimelineItem extends EventSummary {
  /** By the date it happened, by its source's date (it states none: marked so), or at the end (no date at all). */
  placement: 'dated' | 'by-source' | 'undated';
  /** The date it is placed at, YYYY, YYYY-MM or YYYY-MM-DD; absent when undated. */
  date?: string;
  /** Its source, "Title · site · date". */
  source?: string;
}

export interface MergedEntity {
  entity: EntityRef;
  /** 'certain': merged when stored (same full name and kind); 'reader': the reader said so. */
  how: 'certain' | 'reader';
}

export interface SameCandidate {
  entity: EntityRef;
  /** Why it may be the same, in words ("same surname, with a title"). */
  why: string;
}

export interface EventDetail extends EventSummary {
  participants: EntityRef[];
  figures: FigureItem[];
  sentences: { text: string; span: SourceSpan }[];
}

/** A run of source text, marked when it is a mention of an entity. */
export interface SourceSegment {
  text: string;
  entity?: EntityRef;
  /** Inside the span the reader came to see. */
  emphasised?: boolean;
}

export interface SourceDocument {
  id: string;
  title: string;
  /** Paragraphs, each a list of segments; joined they give back the text. */
  paragraphs: SourceSegment[][];
}

/** One entity found on the page, joined with what the knowledge base says about it. */
export interface PageEntity extends EntityRef {
  count: number;
  /** Up to three passages of the page around its mentions, in the order the tab found them. */
  snippets: string[];
}

export interface PageGroup {
  kind: string;
  /** The heading: "People", "Organizations"… */
  label: string;
  entities: PageEntity[];
  /** Mentions of all entities in the group. */
  count: number;
}
