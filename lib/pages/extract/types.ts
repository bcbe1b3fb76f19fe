// The draft an article's extraction produces for the reader to review, and the ways extraction can fail.
//
// Every item carries the evidence span of the one sentence of `article.text` it comes from, in the
// knowledge base's own `Evidence` shape, so `draftToDataset` only has to copy it. References to
// entities say whether they point into the caller's dictionary ("known") or at a candidate of this
// draft ("new"), so a review UI can never confuse the two.
import type { Alias, Evidence } from '../../shared/kb/schema';

export type { Alias, Evidence } from '../../shared/kb/schema';

/** The kinds of entity the extractor proposes. */
export type EntityKind = 'person' | 'organization' | 'place';

/** An entity of the caller's dictionary, or a candidate of this draft, by id. */
export type EntityRef =
  | { readonly source: 'known'; readonly id: string }
  | { readonly source: 'new'; readonly id: string };

export interface ArticleMeta {
  readonly title: string;
  readonly byline: string | undefined;
  readonly siteName: string | undefined;
  /** The publication date as the page states it (meta tag, JSON-LD or <time>), verbatim. */
  readonly published: string | undefined;
  /** `published` as a calendar day (YYYY-MM-DD), the anchor for relative dates such as "Thursday". */
  readonly publishedDay: string | undefined;
  readonly url: string | undefined;
  /** BCP 47 or ISO 639-3 code, as found; undefined when neither the page nor the text says. */
  readonly language: string | undefined;
  readonly languageFrom: 'page' | 'detected' | 'unknown';
}

/** A paragraph of the saved text: `text.slice(start, end)`; headings are kept but yield no new names. */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly heading: boolean;
}

export interface DraftArticle extends ArticleMeta {
  /** The saved text: the title, then the article's paragraphs, joined by "\n". */
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
}

/** An entity of the dictionary that the article mentions. */
export interface KnownFound {
  readonly ref: { readonly source: 'known'; readonly id: string };
  readonly kind: string;
  readonly name: string;
  /** As the dictionary has them, so the saved dataset can carry the entity it refers to. */
  readonly aliases: readonly Alias[];
  readonly excludes: readonly Alias[] | undefined;
  readonly mentions: number;
  /** Sentences that mention it, in text order (at most a few dozen). */
  readonly evidence: readonly Evidence[];
}

/**
 * How sure the extractor is about a new entity. `proposed` ones are saved unless the reader rejects
 * them; `unsure` ones are shown for review and saved only if the reader accepts them.
 */
export type CandidateStatus = 'proposed' | 'unsure';

export interface EntityCandidate {
  readonly ref: { readonly source: 'new'; readonly id: string };
  readonly kind: EntityKind;
  readonly name: string;
  /** Other ways the article writes it ("Warner" for Mark Warner), with their case rules; never the name itself. */
  readonly aliases: readonly Alias[];
  /** The role as the article words it ("British Prime Minister", "the EU's top diplomat"). */
  readonly role: { readonly text: string; readonly evidence: Evidence } | undefined;
  readonly mentions: number;
  readonly evidence: readonly Evidence[];
  readonly status: CandidateStatus;
  /** What made the extractor think so, for the reviewer ("title 'Chancellor'", "in the country list"). */
  readonly why: readonly string[];
}

/** Why a quote's speaker was left blank for the reader to pick. */
export type BlankSpeakerReason =
  | 'no-attribution'
  | 'ambiguous-pronoun'
  | 'unresolved-speaker'
  | 'conflicting-attributions'
  | 'group-speaker';

export type Attribution =
  | {
      readonly status: 'attributed';
      readonly speaker: EntityRef;
      /** How the speaker was found ("“…,” said X", "pronoun 'he'", "continues X's quote"). */
      readonly how: string;
    }
  | { readonly status: 'blank'; readonly reason: BlankSpeakerReason; readonly detail: string };

/** One piece of a quote: the quoted words inside one sentence (a quote continued over paragraphs has several). */
export interface QuotePart {
  readonly text: string;
  readonly evidence: Evidence;
}

export interface DraftQuote {
  readonly id: string;
  /** At least one; more when the quotation runs over several paragraphs. */
  readonly parts: readonly [QuotePart, ...QuotePart[]];
  readonly attribution: Attribution;
}

export interface DraftFact {
  readonly id: string;
  readonly about: EntityRef;
  /** A verbatim excerpt of the evidence sentence that stands on its own (in practice the whole sentence). */
  readonly text: string;
  readonly evidence: Evidence;
}

export interface DraftFigure {
  /** dead, wounded, missiles, money, … or the counted noun ("children"). */
  readonly kind: string;
  readonly value: number;
  readonly unit: string | undefined;
  /** "at least", "nearly", … as the article hedges it. */
  readonly qualifier: string | undefined;
  /** Verbatim words of the sentence, e.g. "at least 21 people killed". */
  readonly text: string;
  readonly evidence: Evidence;
}

export interface DraftWhen {
  /** As the article states it ("Thursday", "In 1997"). */
  readonly text: string;
  /**
   * The day, month or year it resolves to (YYYY-MM-DD, YYYY-MM or YYYY), anchored to the
   * publication date; undefined when a relative date has no anchor.
   */
  readonly date: string | undefined;
}

export interface DraftEvent {
  readonly id: string;
  readonly title: string;
  readonly when: DraftWhen | undefined;
  readonly where: readonly EntityRef[];
  readonly participants: readonly EntityRef[];
  readonly figures: readonly DraftFigure[];
  readonly evidence: readonly [Evidence, ...Evidence[]];
}

/** Something of the page left out of the draft, and why (shown to the reader, never silent). */
export interface Omission {
  readonly what: 'sentence' | 'name' | 'quote' | 'fact' | 'event' | 'text' | 'field';
  /** The start of what was left out, shortened, as plain text. */
  readonly preview: string;
  readonly reason: string;
}

export interface Draft {
  /** Ids the saved dataset and its one source will have. */
  readonly datasetId: string;
  readonly sourceId: string;
  readonly article: DraftArticle;
  /** True when only dictionary entities were looked for (a page not in English). */
  readonly knownOnly: boolean;
  readonly known: readonly KnownFound[];
  readonly candidates: readonly EntityCandidate[];
  readonly quotes: readonly DraftQuote[];
  readonly facts: readonly DraftFact[];
  readonly events: readonly DraftEvent[];
  readonly omitted: readonly Omission[];
}

export type ExtractFailure =
  | {
      readonly reason: 'too-large';
      readonly bytes: number;
      readonly limit: number;
      readonly message: string;
    }
  | { readonly reason: 'no-article'; readonly message: string };
