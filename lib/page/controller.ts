// Keeps a page's highlights true to its text: scans in time slices, follows changes, obeys the page state.

import type { Highlighter } from '../highlight/highlighter';
import { mentionAt } from '../highlight/hit-test';
import { type Mention, MentionIndex } from '../highlight/mentions';
import { WindowedPainter } from '../highlight/painter';
import { highlightKind } from '../highlight/styles';
import { compileMatcher, type Matcher } from '../match/matcher';
import type {
  DictionaryEntry,
  FocusRequest,
  FocusResult,
  PageMentions,
  PageState,
} from '../messaging';
import { enclosingBlock, type ScanRoot } from '../scan/blocks';
import { createScanJob, type ScannedBlock, toRange, toStaticRange } from '../scan/scan';
import { viewportBlocks } from '../scan/viewport';
import type { MentionsApi } from './mentions-api';
import { type SliceScheduler, sliceScheduler } from './slices';

const MAX_SNIPPETS = 3;
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
  private readonly scheduler: SliceScheduler;
  private readonly painter: WindowedPainter;
  private matcher: Matcher | null = null;
  private entries: readonly DictionaryEntry[] = [];
  private muted = new Set<string>();
  private on = false;
  private focused: Mention | null = null;
  private focusCursor = -1;
  private readonly entityCursor = new Map<string, number>();

  constructor(
    private readonly doc: Document,
    private readonly highlighter: Highlighter,
    private readonly options: ControllerOptions,
  ) {
    this.scheduler = options.scheduler ?? sliceScheduler(doc);
    this.painter = new WindowedPainter(
      highlighter,
      (doc.defaultView ?? globalThis) as Window & typeof globalThis,
    );
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  /** New dictionary: compile once, then rescan everything (only when highlighting is on). */
  setDictionary(entries: readonly DictionaryEntry[]): void {
    this.entries = entries;
    this.matcher = compileMatcher(entries);
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
    const mention = mentionAt(this.doc, this.index, x, y);
    return mention && !this.muted.has(mention.entityId) ? mention : null;
  }

  mentions(): readonly Mention[] {
    return this.index.list().filter((mention) => !this.muted.has(mention.entityId));
  }

  focusMention(index: number | null): Mention | null {
    const mention = index === null ? null : (this.mentions()[index] ?? null);
    this.setFocused(mention);
    if (mention) scrollIntoView(mention.range);
    return mention;
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
    for (const mention of this.index.removeCovering(block.textNodes)) {
      this.painter.delete(mention);
      if (mention === this.focused) this.setFocused(null);
    }
    for (const hit of block.hits) {
      const entry = this.entries[hit.entity];
      if (!entry) continue;
      const kind = highlightKind(entry.kind);
      const range = toStaticRange(hit) ?? toRange(hit);
      const mention: Mention = { range, entityId: entry.entityId, kind };
      this.index.add(mention, hit.nodes);
      this.painter.add(mention);
    }
  }

  /** Open shadow roots get the ::highlight rules (they don't inherit the page's) and their own scan. */
  private watchShadowRoot(root: ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.highlighter.adoptInto(root);
    this.observe(root);
    this.enqueue(root, false);
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /** Only what changed is rescanned: the blocks around added or edited text; removed text drops its ranges. */
  private onMutations(records: MutationRecord[]): void {
    if (!this.on || !this.matcher) return;
    const blocks = new Set<Node>();
    let removed = false;
    for (const record of records) {
      if (this.options.isOwnUi(record.target)) continue;
      if (record.type === 'characterData') {
        blocks.add(enclosingBlock(record.target));
        continue;
      }
      if (record.removedNodes.length > 0) removed = true;
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

  private setFocused(mention: Mention | null): void {
    this.focused = mention;
    this.highlighter.setFocus(mention?.range ?? null);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
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

function scrollIntoView(range: AbstractRange): void {
  const element =
    range.startContainer instanceof Element
      ? range.startContainer
      : range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
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
