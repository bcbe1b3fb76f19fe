// Keeps a page's highlights true to its text and its state (on or off, muted entities, dictionary), composing the
// scan queue, the live-page observer, the mention book and stepping; answers the card, the panel and the keyboard.
import { DEFAULT_MARKING, type Marking } from '../../shared/marking';
import { type Matcher, matcherFromTables } from '../../shared/match/matcher';
import { type EntryList, PageEntries } from '../../shared/match/page-entries';
import { decodeTables } from '../../shared/match/tables-transfer';
import type {
  FocusRequest,
  FrameDictionary,
  PageMentions,
  PageState,
} from '../../shared/messaging';
import type { Highlighter } from '../highlight/highlighter';
import { mentionAt } from '../highlight/hit-test';
import type { Mention } from '../highlight/mentions';
import { WindowedPainter } from '../highlight/painter';
import { findArticle, isInside } from '../scan/article';
import { LivePage } from './live-page';
import { MentionBook } from './mention-book';
import type { MentionsApi } from './mentions-api';
import { ScanQueue } from './scan-queue';
import { type SliceScheduler, sliceScheduler } from './slices';
import { type Step, Stepper } from './stepping';
import { countDistinct, summarize } from './summary';

export interface ControllerOptions {
  /** Our own UI (the card's shadow host): never scanned, its mutations ignored. */
  isOwnUi(node: Node): boolean;
  scheduler?: SliceScheduler;
}

export class PageController implements MentionsApi {
  readonly #doc: Document;
  readonly #highlighter: Highlighter;
  readonly #listeners = new Set<() => void>();
  readonly #book: MentionBook;
  readonly #stepper: Stepper;
  readonly #scans: ScanQueue;
  readonly #live: LivePage;
  #matcher: Matcher | null = null;
  #entries: EntryList = [];
  #muted = new Set<string>();
  #on = false;
  #marking: Marking = DEFAULT_MARKING;
  /** Under "article only": the article body (null in a frame: embeds, ads and comment widgets are no article). */
  #article: Element | null = null;

  constructor(doc: Document, highlighter: Highlighter, options: ControllerOptions) {
    this.#doc = doc;
    this.#highlighter = highlighter;
    const win = (doc.defaultView ?? globalThis) as Window & typeof globalThis;
    const isOwnUi = (node: Node) => options.isOwnUi(node);
    this.#stepper = new Stepper((range) => highlighter.setFocus(range));
    this.#book = new MentionBook(new WindowedPainter(highlighter, win), (mention) =>
      this.#stepper.release(mention),
    );
    this.#live = new LivePage(win, {
      following: () => this.#on && this.#matcher !== null,
      isOwnUi,
      rescan: (block) => this.#scans.scan(block, true),
      forget: (textNodes) => {
        if (this.#book.forget(textNodes)) this.#emit();
      },
      removed: () => {
        this.#book.forgetDisconnected();
        this.#emit();
      },
      shadowRoot: (root) => this.#watchShadowRoot(root),
    });
    this.#scans = new ScanQueue(doc, options.scheduler ?? sliceScheduler(doc), {
      matcher: () => (this.#on ? this.#matcher : null),
      isOwnUi,
      onBlocks: (blocks) => {
        for (const block of blocks) {
          this.#book.file(block, this.#inScope);
          this.#live.noteHidden(block.hidden);
        }
        this.#emit();
      },
      onShadowRoot: (root) => this.#watchShadowRoot(root),
      onUndefinedHost: (host) => this.#live.noteUndefinedHost(host),
    });
  }

  /**
   * New dictionary, with the matcher tables the background built for it (no frame compiles its own: that
   * cost 3.7–4 ms of CPU per frame, and kept the compiler in the bundle), then rescan everything (only when on).
   * Its entries are read only as matches need them (lib/shared/match/page-entries.ts).
   */
  setDictionary(dictionary: Pick<FrameDictionary, 'entries' | 'tables'>): void {
    this.#entries = new PageEntries(dictionary.entries);
    this.#matcher = matcherFromTables(decodeTables(dictionary.tables));
    if (this.#on) this.#restart();
  }

  setState(state: PageState): void {
    this.#highlighter.setStyles(state.styles);
    const { density, scope } = state.marking;
    const markingChanged = density !== this.#marking.density || scope !== this.#marking.scope;
    this.#marking = state.marking;
    const mutedChanged =
      state.muted.length !== this.#muted.size || state.muted.some((id) => !this.#muted.has(id));
    this.#muted = new Set(state.muted);
    if (mutedChanged) this.#book.setMuted(this.#muted);
    if (state.on && !this.#on) {
      this.#on = true;
      // Sample the viewport before our sheet is adopted: adopting it first made the sampling's
      // elementFromPoint recalculate the whole page's style inside this task (28–49 ms, bench traces).
      this.#restart();
      this.#highlighter.attach();
      this.#highlighter.adoptInto(this.#doc);
    } else if (!state.on && this.#on) {
      this.stop();
      this.#emit();
    } else if (markingChanged && this.#on) {
      // How much is marked changed: read the page again (a scan is a few milliseconds; the answer is all new).
      this.#restart();
      this.#emit();
    } else if (mutedChanged && this.#on) {
      const focused = this.#stepper.focused;
      if (focused && this.#muted.has(focused.entityId)) this.#stepper.release(focused);
      this.#emit();
    }
  }

  /** Forgets every mention and unregisters every highlight: the page looks as it did before. */
  stop(): void {
    this.#on = false;
    this.#stopFollowing();
    this.#highlighter.detach();
    this.#book.clear();
    this.#stepper.clear();
  }

  // ---- MentionsApi -------------------------------------------------------------------------

  mentionAt(x: number, y: number): Mention | null {
    if (!this.#on) return null;
    const mention = mentionAt(this.#doc, this.#book.index, x, y, this.#live.shadowRoots);
    // Only a painted name opens a card: under "first mention only" the later ones look like plain text.
    return mention && !this.#muted.has(mention.entityId) && this.#book.isPainted(mention)
      ? mention
      : null;
  }

  mentions(): readonly Mention[] {
    return this.#book.index.list().filter((mention) => !this.#muted.has(mention.entityId));
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- What the popup, side panel and keyboard commands ask ----------------------------------

  summary(url: string): PageMentions {
    return summarize(url, this.#on, this.#marking, this.#book.index.inScanOrder(), this.#muted);
  }

  /** Distinct entities highlighted now (for the badge). */
  distinctCount(): number {
    return countDistinct(this.#book.index.counts(), this.#muted);
  }

  /** Steps to the next/previous mention (of one entity, or of all), cycling at the ends. */
  step(request: FocusRequest): Step {
    return this.#stepper.step(request, this.mentions(), this.#book.index.inScanOrder());
  }

  // ---- Scanning ------------------------------------------------------------------------------

  #restart(): void {
    this.#stopFollowing();
    const doc = this.#doc;
    this.#book.reset(this.#entries, doc.documentElement.lang, this.#marking.density);
    this.#stepper.clear();
    const top = doc.defaultView === doc.defaultView?.top;
    this.#article = this.#marking.scope === 'article' && top ? findArticle(doc) : null;
    this.#live.follow(this.#doc);
    this.#scans.scanPage();
  }

  /** Whether a mention of `node` counts: anywhere, or under "article only" inside the article. */
  readonly #inScope = (node: Node): boolean => {
    if (this.#marking.scope === 'page') return true;
    // A single-page app swapped the article out: find the new one (its text comes as added content).
    if (this.#article && !this.#article.isConnected) this.#article = findArticle(this.#doc);
    return this.#article !== null && isInside(this.#article, node);
  };

  #stopFollowing(): void {
    this.#scans.cancel();
    this.#live.stop();
  }

  /** Open shadow roots get the ::highlight rules (they don't inherit the page's), their own scan and observer. */
  #watchShadowRoot(root: ShadowRoot): void {
    if (!this.#live.follow(root)) return;
    this.#highlighter.adoptInto(root);
    this.#scans.scan(root, false);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
