// Typed messages between the extension's contexts. Names say the direction: background ← tabs/pages, tab ← background/pages, panel ← tabs.

import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CardData } from './card-data';
import type { DatasetIssue } from './kb/schema';
import type { EntityKind, KindStyles } from './kinds';
import type { Marking } from './marking';
import type { EncodedTables } from './match/tables-transfer';
import type { PageCopyResult } from './page-copy';
import type { Result } from './result';
import type { BackupDataset } from './settings/backup';
import type { ImportError, WriteError } from './store/errors';
import type { DatasetCounts, DatasetRow } from './store/rows';

/** One way of writing a name, with its case rule. */
export interface DictionaryAlias {
  text: string;
  caseSensitive: boolean;
}

/**
 * The names only one entity has: a mention of one is that entity. The dictionary is a list of entries (a match's
 * `entity` is an index into it); the background builds it (lib/background/page-dictionary.ts), the page decides the
 * names several entries share (lib/shared/match/resolve.ts).
 */
export interface EntityEntry {
  entityId: string;
  kind: string;
  aliases: DictionaryAlias[];
  /** Phrases that contain an alias but name something else ("South America"): never highlighted. */
  excludes?: DictionaryAlias[];
  /** Entries a page naming this entity makes likelier (the knowledge base relates them): see resolve.ts. */
  supports?: number[];
}

/**
 * Names of something the knowledge base holds no entity for, kept because it shares a name with one ("Washington
 * state", "Seattle" for the state a "Washington" of the knowledge base is not). Never highlighted: the page's evidence.
 */
export interface OtherEntry {
  /** What it names, for people reading the dictionary ("Washington (US state)"). */
  other: string;
  aliases: DictionaryAlias[];
  supports?: number[];
}

/** A name that may stand for more than one entry ("Kallas", "Washington"): the page decides (resolve.ts). */
export interface SharedNameEntry {
  /** The entries it may stand for (EntityEntry or OtherEntry indexes). */
  among: number[];
  /**
   * The language the name is written for ("en"): on a page declared in another, even a name of one entity is shared
   * with that language's own words ("UN" and the French "un", "America" and the continent).
   */
  lang?: string;
  aliases: DictionaryAlias[];
}

export type DictionaryEntry = EntityEntry | OtherEntry | SharedNameEntry;

/**
 * What a frame needs of an entry: the matcher's tables hold its aliases (lib/shared/match/page-entries.ts carries it;
 * an OtherEntry's `other`, a label for people, comes empty). Every DictionaryEntry is one.
 */
export type PageEntry =
  | Pick<EntityEntry, 'entityId' | 'kind' | 'supports'>
  | Pick<SharedNameEntry, 'among' | 'lang'>
  | Pick<OtherEntry, 'other' | 'supports'>;

/** The dictionary as a frame receives it: its entries as `encodePageEntries` writes them, and the matcher's tables. */
export interface FrameDictionary {
  version: string;
  entries: string;
  tables: EncodedTables;
}

/** What a frame asks at start and whenever storage changes: its page's state, and the dictionary if it has an older one. */
export interface PageStart {
  state: PageState;
  /** Only when the frame's version is not the current one, and only while highlighting is on for the page. */
  dictionary?: FrameDictionary;
}

/** Where the side panel should land when it opens. */
export type PanelTarget =
  | { view: 'page' }
  | { view: 'entity'; entityId: string }
  | { view: 'search'; query: string }
  /** "Save this article": read the followed tab's page and show it for review. */
  | { view: 'save' };

/** What a tab found: one row per distinct entity, in order of first appearance. */
export interface PageMentions {
  url: string;
  /** False when highlighting is off for this site or globally (then `entities` is empty). */
  active: boolean;
  /** How much the page marks: under "article only" the counts are the article's; under "first mention" all of them. */
  marking: Marking;
  entities: { entityId: string; kind: EntityKind; count: number; snippets: string[] }[];
}

export interface FocusRequest {
  /** Step through this entity's mentions; absent: step through all mentions. */
  entityId?: string;
  direction: 1 | -1;
  /**
   * With `entityId`: go to this one of its mentions, counted as `getMentions` lists its snippets
   * (the n-th snippet is mention n), instead of stepping. A mention no longer there is a step.
   */
  index?: number;
  /** Open the hover card on the focused mention (keyboard path). */
  openCard: boolean;
}

export type FocusResult = { found: true; index: number; total: number } | { found: false };

/**
 * Everything a tab needs to decide what to paint. The content script asks for it at start and again
 * whenever storage changes; it never reads (or bundles the validation of) settings itself.
 */
export interface PageState {
  /** Highlighting on for this page's site and globally. */
  on: boolean;
  styles: KindStyles;
  muted: string[];
  /** How much to mark on this page's site: every mention or the first, the whole page or the article. */
  marking: Marking;
  /** Changes whenever the merged dictionary does; the tab fetches the dictionary only then. */
  dictionaryVersion: string;
}

/** Where a name occurs in a text, by the page matcher's rules. */
export interface NameMatch {
  entityId: string;
  start: number;
  end: number;
}

/** Handled by the background. Senders: content scripts and extension pages (the last group: extension pages only). */
export interface BackgroundProtocol {
  /**
   * Settings as they apply to the page at `url`, and the dictionary with the matcher's tables built for it
   * (lib/background/knowledge.ts) when the frame's (`dictionaryVersion`, null: none yet) is not the current one:
   * one round trip at a frame's start.
   */
  getPageState(request: { url: string; dictionaryVersion: string | null }): PageStart;
  /** The hover card's content for one entity, or null if no dataset in use knows it. */
  getCard(entityId: string): CardData | null;
  /** Opens the side panel in the sender's window on `target` (call while handling a user gesture). */
  openSidePanel(target: PanelTarget): void;
  /** Stops highlighting an entity everywhere (undo from the popup or options). */
  muteEntity(entityId: string): void;
  /** A tab tells how many distinct entities it highlights (toolbar badge). */
  reportMentions(distinct: number): void;

  /** Where the dictionary's names occur in `text` (a search query, a source's text is read by id instead). */
  findNames(text: string): NameMatch[];
  /** Where the dictionary's names occur in a stored source's text. */
  sourceNames(sourceId: string): NameMatch[];
  /** Imports a chosen file (one dataset, or several exported together): all of it, or nothing. */
  importDatasetFile(file: { name: string; text: string }): Result<DatasetRow[], ImportError>;
  setDatasetEnabled(change: { id: string; enabled: boolean }): void;
  /** Removes a dataset with its items (and, for a damaged one, its set-aside data). */
  removeDataset(id: string): void;
  /** Checks a backup's datasets without storing them: every problem, with its path in the file. */
  checkBackupDatasets(datasets: BackupDataset[]): Result<null, DatasetIssue[]>;
  /** Replaces every imported dataset with a backup's, in one transaction. */
  restoreDatasets(datasets: BackupDataset[]): Result<DatasetRow[], WriteError>;
  /** Removes every imported dataset (reset to defaults). */
  removeImportedDatasets(): void;
  /**
   * Stores an article the reader saved (a dataset of one source, from lib/pages/extract) with the entities its
   * source names; the same article saved again replaces the earlier copy (whose counts come back as `replaced`).
   */
  saveArticle(article: SavedArticle): Result<SaveOutcome, WriteError>;
  /** Takes entity `from` as `into` from now on (the reader confirmed they are one); an error says why not. */
  mergeEntities(merge: { from: string; into: string }): Result<null, string>;
  /** Undoes a merge: `from` stands alone again, as it was. */
  unmergeEntity(from: string): void;
  /** Remembers that two entities are not the same: never suggested again. */
  markDistinct(pair: { a: string; b: string }): void;
  /** Brings back a saved article removed a moment ago, as it was; an error says why it can't. */
  restoreRemoved(datasetId: string): Result<DatasetRow, string>;
}

/** An article to save: its dataset as extraction made it (validated by the background), and who it names how often. */
export interface SavedArticle {
  dataset: unknown;
  mentions: { entity: string; count: number }[];
}

export interface SaveOutcome {
  row: DatasetRow;
  /** The earlier copy's counts, when the same article was saved before. */
  replaced?: DatasetCounts;
}

/** Handled by the content script of a tab's top frame. Senders: background and extension pages. */
export interface TabProtocol {
  getMentions(): PageMentions;
  focusMention(request: FocusRequest): FocusResult;
  /** "Save this article": a copy of the page's HTML (read, never changed), or its size when over the limit. */
  getPageHtml(): PageCopyResult;
}

/** Handled by open side panels (each about one tab). Senders: content scripts of tabs' top frames. */
export interface PanelProtocol {
  /** What the sender tab highlights changed (content came or went, site switched): read it again. */
  mentionsChanged(): void;
}

/**
 * The one raw message, sent with the promise API (browser.tabs.sendMessage) before any typed one to
 * ask "is our content script in this tab?": the typed messenger's callback API would leave an
 * "Unchecked runtime.lastError" in the console for a tab without one. Nothing handles it: the tab
 * messenger's listener leaves a message without a timestamp unanswered, and an unanswered message
 * resolves where a tab without our script rejects.
 */
export const CONTENT_SCRIPT_PING = { type: 'backstory:ping' } as const;

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
export const tabMessenger = defineExtensionMessaging<TabProtocol>();
export const panelMessenger = defineExtensionMessaging<PanelProtocol>();
