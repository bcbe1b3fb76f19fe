// Scans DOM text for knowledge-base mentions in time slices and returns their positions as (text node, offset) pairs, never touching the DOM.
import type { Matcher } from '../../shared/match/matcher';
import { BlockWalk, type ScanRoot, type TextBlock, type WalkOptions } from './blocks';

/** One mention on the page: boundary points convertible to a Range or StaticRange. */
export interface ScanHit {
  /** Index into the dictionary the matcher was compiled from. */
  readonly entity: number;
  readonly startNode: Text;
  readonly startOffset: number;
  readonly endNode: Text;
  readonly endOffset: number;
  /** The text nodes the mention covers, first to last: index the mention under each. */
  readonly nodes: readonly Text[];
}

/** The result for one block of text (blocks of only whitespace are not reported). */
export interface ScannedBlock {
  /**
   * Every text node of the block, hits or not. When re-scanning, drop the old mentions of these
   * nodes before adding `hits`, so edited or removed names leave nothing behind.
   */
  readonly textNodes: readonly Text[];
  readonly hits: readonly ScanHit[];
  /** Elements holding names dropped as not visible (display: none…): showing one later calls for a rescan. */
  readonly hidden?: readonly Element[];
}

export interface ScanOptions extends WalkOptions {
  readonly matcher: Matcher;
  /**
   * Drop hits inside display:none (checked only for elements holding a hit, with
   * `checkVisibility()` where the browser has it). Default true.
   */
  readonly checkVisibility?: boolean;
}

type VisibilityCache = Map<Element, boolean>;

function isVisible(el: Element, cache: VisibilityCache): boolean {
  let visible = cache.get(el);
  if (visible === undefined) {
    if (typeof el.checkVisibility === 'function') {
      visible = el.checkVisibility();
      // display: contents generates no box, so checkVisibility() says false although its text shows: ask the
      // nearest ancestor that has a box (only on this rare path, so getComputedStyle stays off the common one).
      if (!visible) {
        const view = el.ownerDocument.defaultView;
        let box: Element | null = el;
        while (box && view?.getComputedStyle(box).display === 'contents') box = box.parentElement;
        if (box !== el) visible = box === null || box.checkVisibility();
      }
    } else {
      // Older engines: walk up for display:none (only for elements that hold a hit).
      const view = el.ownerDocument.defaultView;
      visible = true;
      for (let n: Element | null = el; n && view; n = n.parentElement) {
        if (view.getComputedStyle(n).display === 'none') {
          visible = false;
          break;
        }
      }
    }
    cache.set(el, visible);
  }
  return visible;
}

/** Index of the node holding offset `at` of the block (first node whose text ends after it). */
function nodeAt(block: TextBlock, at: number, from: number, endSide: boolean): number {
  const { nodes, starts } = block;
  let i = from;
  for (; i < nodes.length - 1; i++) {
    const end = (starts[i] ?? 0) + (nodes[i]?.data.length ?? 0);
    if (endSide ? at <= end : at < end) break;
  }
  return i;
}

/** Matches one block and maps the matches back to text nodes. */
export function scanBlock(
  block: TextBlock,
  options: ScanOptions,
  cache: VisibilityCache = new Map(),
): ScannedBlock {
  const matches = options.matcher.find(block.text);
  if (matches.length === 0) return { textNodes: block.nodes, hits: [] };
  const hits: ScanHit[] = [];
  let hidden: Element[] | undefined;
  let cursor = 0;
  for (const m of matches) {
    const first = nodeAt(block, m.start, cursor, false);
    const last = nodeAt(block, m.end, first, true);
    cursor = first;
    const startNode = block.nodes[first];
    const endNode = block.nodes[last];
    if (!startNode || !endNode) continue;
    if (options.checkVisibility !== false) {
      const parent = startNode.parentElement;
      if (parent && !isVisible(parent, cache)) {
        hidden ??= [];
        if (!hidden.includes(parent)) hidden.push(parent);
        continue;
      }
    }
    hits.push({
      entity: m.entity,
      startNode,
      startOffset: m.start - (block.starts[first] ?? 0),
      endNode,
      endOffset: m.end - (block.starts[last] ?? 0),
      nodes: block.nodes.slice(first, last + 1),
    });
  }
  return hidden ? { textNodes: block.nodes, hits, hidden } : { textNodes: block.nodes, hits };
}

/** A scan that runs in slices: call `step(deadline)` until `done`. */
export interface ScanJob {
  /**
   * Scans blocks until `now()` passes `deadline` (same clock as `now`, default
   * `performance.now()`; read about every 4 KB of text), finishing the block in hand; returns
   * the blocks scanned in this slice.
   */
  step(deadline: number, now?: () => number): ScannedBlock[];
  readonly done: boolean;
}

/**
 * Starts a scan of `root` in slices. If the DOM changes between slices so that the walk loses its
 * place, the walk restarts from the root: blocks reported before may be reported again, which
 * the "replace the mentions of `textNodes`" rule makes harmless.
 */
export function createScanJob(root: ScanRoot, options: ScanOptions): ScanJob {
  let walk = new BlockWalk(root, options);
  return {
    get done() {
      return walk.done;
    },
    step(deadline, now = () => performance.now()) {
      const out: ScannedBlock[] = [];
      // Re-reading the skip attributes of the whole root every slice cost 6.5 s on a 200,000-node page
      // (bench profile); a walk that lost its place starts afresh, and changed blocks are rescanned anyway.
      if (walk.lost) walk = new BlockWalk(root, options);
      const cache: VisibilityCache = new Map();
      const timed = deadline !== Number.POSITIVE_INFINITY;
      // Reading the clock costs as much as scanning a short block: read it every few blocks.
      let budget = 0;
      for (;;) {
        const block = walk.next();
        if (!block) break;
        out.push(scanBlock(block, options, cache));
        budget += 256 + block.text.length;
        if (timed && budget >= 4096) {
          budget = 0;
          if (now() >= deadline) break;
        }
      }
      return out;
    },
  };
}

/** A live Range for a hit (kept up to date by the browser as the page changes). */
export function toRange(hit: ScanHit): Range {
  const range = hit.startNode.ownerDocument.createRange();
  range.setStart(hit.startNode, hit.startOffset);
  range.setEnd(hit.endNode, hit.endOffset);
  return range;
}

/** A StaticRange for a hit (cheaper: the browser does not update it on DOM changes), or null where unsupported. */
export function toStaticRange(hit: ScanHit): StaticRange | null {
  const view = hit.startNode.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Ctor =
    view?.StaticRange ?? (globalThis as { StaticRange?: typeof StaticRange }).StaticRange;
  if (typeof Ctor !== 'function') return null;
  return new Ctor({
    startContainer: hit.startNode,
    startOffset: hit.startOffset,
    endContainer: hit.endNode,
    endOffset: hit.endOffset,
  });
}
