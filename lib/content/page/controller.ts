// Keeps a page's highlights true to its text: scans in time slices, follows changes, obeys the page state.
import { entityKind } from '../../shared/kinds';

import { type Matcher, matcherFromTables } from '../../shared/match/matcher';
import { decodeTables, type EncodedTables } from '../../shared/match/tables-transfer';
import type {
  DictionaryEntry,
  FocusRequest,
  FocusResult,
  PageMentions,
  PageState,
} from '../../shared/messaging';
import type { Highlighter } from '../highlight/highlighter';
import { mentionAt } from '../highlight/hit-test';
import { liveRange, type Mention, MentionIndex } from '../highlight/mentions';
import { WindowedPainter } from '../highlight/painter';
import { enclosingBlock, isBlockBoundary, isInSkippedRegion, type ScanRoot } from '../scan/blocks';
import { createScanJob, type ScannedBlock, toRange, toStaticRange } from '../scan/scan';
import { viewportBlocks } from '../scan/viewport';
import { LateHosts } from './late-hosts';
import type { MentionsApi } from './mentions-api';
import { type SliceScheduler, sliceScheduler } from './slices';

const MAX_SNIPPETS = 3;
/**
 * Attributes that can show or hide text: `hidden` and `contenteditable` decide what is scanned; a class, a style or
 * `open` (details) can reveal text whose names were dropped as not visible ("read more", tabs, accordions).
 */
const SCAN_ATTRIBUTES = ['hidden', 'contenteditable', 'class', 'style', 'open'];
const SKIP_ATTRIBUTES = new Set(['hidden', 'contenteditable']);
const SNIPPET_CONTEXT = 40;

export interface ControllerOptions {
  /** Our own UI (the card's shadow host): never scanned, its mutations ignored. */
  isOwnUi(node: Node): boolean;
  scheduler?: SliceScheduler;
}

export class PageController implements MentionsApi {
  private readonly index = new MentionIndex();
  private readonly listeners = new Set<() => void>();
  private readonly observer: MutationObserver;
  private readonly observedRoots = new Set<Node>();
  /** The open shadow roots scanned: hit-testing has to name them to see inside. */
  private shadowRoots: ShadowRoot[] = [];
  private readonly scheduler: SliceScheduler;
  private readonly painter: WindowedPainter;
  private readonly lateHosts: LateHosts;
  private matcher: Matcher | null = null;
  private entries: readonly DictionaryEntry[] = [];
  private muted = new Set<string>();
  private on = false;
  private focused: Mention | null = null;
  private focusCursor = -1;
  private readonly entityCursor = new Map<string, number>();
  /** Elements whose names were dropped as not visible; an attribute change around one rescans it. */
  private readonly hiddenHolders = new Set<Element>();

  constructor(
    private readonly doc: Document,
    private readonly highlighter: Highlighter,
    private readonly options: ControllerOptions,
  ) {
    this.scheduler = options.scheduler ?? sliceScheduler(doc);
    const win = (doc.defaultView ?? globalThis) as Window & typeof globalThis;
    this.painter = new WindowedPainter(highlighter, win);
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.lateHosts = new LateHosts(win, (root) => this.watchShadowRoot(root));
  }

  /**
   * New dictionary, with the matcher tables the background built for it (no frame compiles its own: that
   * cost 3.7–4 ms of CPU per frame, and kept the compiler in the bundle), then rescan everything (only when on).
   */
  setDictionary(entries: readonly DictionaryEntry[], tables: EncodedTables): void {
    this.entries = entries;
    this.matcher = matcherFromTables(decodeTables(tables));
    if (this.on) this.restart();
  }

  setState(state: PageState): void {
    this.highlighter.setStyles(state.styles);
    const mutedChanged =
      state.muted.length !== this.muted.size || state.muted.some((id) => !this.muted.has(id));
    this.muted = new Set(state.muted);
    if (mutedChanged) this.painter.setMuted(this.muted);
    if (state.on && !this.on) {
      this.on = true;
      // Sample the viewport before our sheet is adopted: adopting it first made the sampling's
      // elementFromPoint recalculate the whole page's style inside this task (28–49 ms, bench traces).
      this.restart();
      this.highlighter.attach();
      this.highlighter.adoptInto(this.doc);
    } else if (!state.on && this.on) {
      this.stop();
      this.emit();
    } else if (mutedChanged && this.on) {
      if (this.focused && this.muted.has(this.focused.entityId)) this.setFocused(null);
      this.emit();
    }
  }

  /** Forgets every mention and unregisters every highlight: the page looks as it did before. */
  stop(): void {
    this.on = false;
    this.stopScanning();
    this.highlighter.detach();
    this.painter.clear();
    this.index.clear();
    this.setFocused(null);
  }

  // ---- MentionsApi -------------------------------------------------------------------------

  mentionAt(x: number, y: number): Mention | null {
    if (!this.on) return null;
    const mention = mentionAt(this.doc, this.index, x, y, this.shadowRoots);
    return mention && !this.muted.has(mention.entityId) ? mention : null;
  }

  mentions(): readonly Mention[] {
    return this.index.list().filter((mention) => !this.muted.has(mention.entityId));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- What the popup, side panel and keyboard commands ask ----------------------------------

  summary(url: string): PageMentions {
    const rows = new Map<string, PageMentions['entities'][number]>();
    for (const mention of this.index.inScanOrder()) {
      if (this.muted.has(mention.entityId)) continue;
      let row = rows.get(mention.entityId);
      if (!row) {
        row = { entityId: mention.entityId, kind: mention.kind, count: 0, snippets: [] };
        rows.set(mention.entityId, row);
      }
      row.count++;
      if (row.snippets.length < MAX_SNIPPETS) row.snippets.push(snippet(mention.range));
    }
    return { url, active: this.on, entities: [...rows.values()] };
  }

  /** Distinct entities highlighted now (for the badge): no walk over the mentions. */
  distinctCount(): number {
    let count = 0;
    for (const id of this.index.counts().keys()) if (!this.muted.has(id)) count++;
    return count;
  }

  /** Steps to the next/previous mention (of one entity, or of all), cycling at the ends. */
  step(request: FocusRequest): { result: FocusResult; mention: Mention | null } {
    const all = this.mentions();
    const pool = request.entityId ? all.filter((m) => m.entityId === request.entityId) : all;
    if (pool.length === 0) return { result: { found: false }, mention: null };
    const key = request.entityId;
    const current = key ? (this.entityCursor.get(key) ?? -1) : this.focusCursor;
    // A snippet's mention (summary() lists them in scan order), found in document order.
    const picked =
      key && request.index !== undefined
        ? pool.indexOf(
            [...this.index.inScanOrder()].filter((m) => m.entityId === key)[
              request.index
            ] as Mention,
          )
        : -1;
    const next =
      picked >= 0
        ? picked
        : current < 0 && request.direction < 0
          ? pool.length - 1
          : (current + request.direction + pool.length) % pool.length;
    if (key) this.entityCursor.set(key, next);
    else this.focusCursor = next;
    const mention = pool[next] ?? null;
    this.setFocused(mention);
    if (mention) scrollIntoView(mention.range);
    return { result: { found: true, index: next, total: pool.length }, mention };
  }

  // ---- Scanning ------------------------------------------------------------------------------

  private restart(): void {
    this.stopScanning();
    this.painter.clear();
    this.index.clear();
    this.observe(this.doc);
    // Visible first: the blocks under the viewport now, the rest of the page after them.
    const skip = (element: Element) => this.options.isOwnUi(element);
    const visible = viewportBlocks(this.doc, { skip });
    for (const block of visible) this.enqueue(block, true);
    this.enqueue(this.doc, false, new Set<Node>(visible));
  }

  private stopScanning(): void {
    this.scheduler.cancel();
    this.observer.disconnect();
    this.observedRoots.clear();
    this.shadowRoots = [];
    this.hiddenHolders.clear();
    this.lateHosts.clear();
  }

  private enqueue(root: ScanRoot, urgent: boolean, exclude?: Set<Node>): void {
    const matcher = this.matcher;
    if (!matcher || !this.on) return;
    // A walk visits the shadow roots of the root's descendants; the root's own is ours to add.
    if (root.nodeType === 1 && (root as Element).shadowRoot) {
      this.watchShadowRoot((root as Element).shadowRoot as ShadowRoot);
    }
    const job = createScanJob(root, {
      matcher,
      exclude,
      skip: (element) => this.options.isOwnUi(element),
      onShadowRoot: (shadow) => this.watchShadowRoot(shadow),
      onUndefinedHost: (host) => this.lateHosts.add(host),
    });
    this.scheduler.run(urgent, (deadline) => {
      if (!this.on || this.matcher !== matcher) return true;
      const blocks = job.step(deadline);
      for (const block of blocks) this.addBlock(block);
      if (blocks.length > 0) this.emit();
      return job.done;
    });
  }

  /** Replaces whatever was known about the block's text nodes with what the scan found now. */
  private addBlock(block: ScannedBlock): void {
    this.forget(block.textNodes);
    for (const element of block.hidden ?? []) this.hiddenHolders.add(element);
    for (const hit of block.hits) {
      const entry = this.entries[hit.entity];
      if (!entry) continue;
      const kind = entityKind(entry.kind);
      const range = toStaticRange(hit) ?? toRange(hit);
      const mention: Mention = { range, entityId: entry.entityId, kind };
      this.index.add(mention, hit.nodes);
      this.painter.add(mention);
    }
  }

  /** Open shadow roots get the ::highlight rules (they don't inherit the page's) and their own scan. */
  private watchShadowRoot(root: ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.shadowRoots = [...this.shadowRoots, root];
    this.highlighter.adoptInto(root);
    this.observe(root);
    this.enqueue(root, false);
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: SCAN_ATTRIBUTES,
    });
  }

  /** Drops the mentions covering `textNodes`. */
  private forget(textNodes: Iterable<Node>): void {
    for (const mention of this.index.removeCovering(textNodes)) {
      this.painter.delete(mention);
      if (mention === this.focused) this.setFocused(null);
    }
  }

  /**
   * Only what changed is rescanned: the blocks around added or edited text, the block that lost inline text (what
   * is left may now read as a name), and what an attribute change showed; removed text drops its ranges.
   */
  private onMutations(records: MutationRecord[]): void {
    if (!this.on || !this.matcher) return;
    // A page that changes may just have defined its components.
    this.lateHosts.check();
    const blocks = new Set<Node>();
    let removed = false;
    for (const record of records) {
      if (this.options.isOwnUi(record.target)) continue;
      if (record.type === 'characterData') {
        blocks.add(enclosingBlock(record.target));
        continue;
      }
      if (record.type === 'attributes') {
        this.onAttributeChange(record.target as Element, record.attributeName ?? '', blocks);
        continue;
      }
      if (record.removedNodes.length > 0) {
        removed = true;
        if (record.target.isConnected && [...record.removedNodes].some(isInline)) {
          const block = enclosingBlock(record.target);
          if (!isWholePage(block)) blocks.add(block);
        }
      }
      for (const node of record.addedNodes) {
        if (!this.options.isOwnUi(node)) blocks.add(enclosingBlock(node));
      }
    }
    if (removed) {
      for (const mention of this.index.removeDisconnected()) {
        this.painter.delete(mention);
        if (mention === this.focused) this.setFocused(null);
      }
      this.emit();
    }
    for (const block of outermost(blocks)) this.enqueue(block as ScanRoot, true);
  }

  private onAttributeChange(element: Element, name: string, blocks: Set<Node>): void {
    if (!element.isConnected) return;
    if (SKIP_ATTRIBUTES.has(name)) {
      // Now hidden or editable: its names go; no longer: it is scanned (with its block, for inline elements).
      if (isInSkippedRegion(element)) this.forget(textNodesUnder(element));
      else blocks.add(enclosingBlock(element));
      return;
    }
    for (const holder of this.hiddenHolders) {
      if (!holder.isConnected) this.hiddenHolders.delete(holder);
      else if (element.contains(holder)) {
        // Rescanned: if it is still hidden, the scan files it again.
        this.hiddenHolders.delete(holder);
        blocks.add(enclosingBlock(holder));
      }
    }
  }

  private setFocused(mention: Mention | null): void {
    this.focused = mention;
    this.highlighter.setFocus(mention?.range ?? null);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** A text node or an inline element: removing one changes the text of the block around it. */
function isInline(node: Node): boolean {
  return node.nodeType === 3 || (node.nodeType === 1 && !isBlockBoundary(node as Element));
}

/** The document, its body or root element: rescanning it would rescan the whole page. */
function isWholePage(root: ScanRoot): boolean {
  const doc = root.ownerDocument;
  return root.nodeType === 9 || root === doc?.body || root === doc?.documentElement;
}

function textNodesUnder(root: Node): Text[] {
  const out: Text[] = [];
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
}

/** Drops nodes contained in another node of the set (scanning the ancestor covers them). */
function outermost(nodes: Set<Node>): Node[] {
  return [...nodes].filter((node) => {
    for (let parent = node.parentNode; parent; parent = parent.parentNode) {
      if (nodes.has(parent)) return false;
    }
    return node.isConnected;
  });
}

/**
 * Brings a mention into view: its element first (that scrolls any box it sits in), then the window by what is left,
 * since in an element taller than the viewport, centring the element can leave the name itself out of view.
 */
function scrollIntoView(range: AbstractRange): void {
  const element =
    range.startContainer.nodeType === 1
      ? (range.startContainer as Element)
      : range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
  const view = element?.ownerDocument.defaultView;
  if (!view) return;
  const box = liveRange(range).getBoundingClientRect();
  if (box.top < 0 || box.bottom > view.innerHeight) {
    view.scrollBy({ top: box.top + box.height / 2 - view.innerHeight / 2, behavior: 'instant' });
  }
}

function snippet(range: AbstractRange): string {
  const text = range.startContainer.textContent ?? '';
  const length =
    range.endContainer === range.startContainer ? range.endOffset - range.startOffset : 0;
  const start = Math.max(0, range.startOffset - SNIPPET_CONTEXT);
  const end = Math.min(text.length, range.startOffset + length + SNIPPET_CONTEXT);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
