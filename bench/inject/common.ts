// Page-side helpers every contender bundle shares: frame timing, long tasks, and matches as document-text offsets so runs of different contenders can be compared.
import type { EncodedTables } from '../../lib/shared/match/tables-transfer';

/** What one contender reports for one fresh page load. Times are ms after the contender started. */
export interface RunResult {
  contender: string;
  /** First highlight inside the viewport painted (for the floor: first in-viewport Range created). */
  firstVisible: number | null;
  /** The last highlight added / mark inserted / Range created. */
  workEnd: number;
  /** End of the first frame rendered after `workEnd`: the highlights are on screen. */
  painted: number;
  matches: number;
  /** Longest main-thread task overlapping the run (PerformanceObserver longtask); 0 if none reached 50 ms. */
  longestTask: number;
  longTasks: number;
  /** Contender-specific figures (compile time, longest slice, …). */
  extra: Record<string, number>;
  /** Only when asked: every match as [start, end) offsets into the document's text, with flags. */
  list?: MatchRecord[];
}

/** [start, end, text, flags]: flags bit 1 = hidden (not rendered), bit 2 = spans several text nodes. */
export type MatchRecord = [number, number, string, number];

export const HIDDEN = 1;
export const CROSS_NODE = 2;

/** The longtask observer the probe registered at document start (see bench/lib/browser.mjs). */
interface LongTaskProbe {
  observer: PerformanceObserver | null;
  entries: [number, number][];
}

declare global {
  interface Window {
    __benchLongTasks?: LongTaskProbe;
  }
}

/** Resolves with the time the first frame rendered after now has finished (rAF, then the next task). */
export function nextFrameEnd(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  });
}

/** Records every frame during a run: when its rAF ran and when its rendering task ended. */
export class FrameClock {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private running = false;

  start(): void {
    this.running = true;
    const channel = new MessageChannel();
    const pending: number[] = [];
    channel.port1.onmessage = () => {
      const start = pending.shift();
      if (start === undefined) return;
      this.starts.push(start);
      this.ends.push(performance.now());
    };
    const loop = (): void => {
      if (!this.running) {
        channel.port1.close();
        return;
      }
      pending.push(performance.now());
      channel.port2.postMessage(null);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }

  stop(): void {
    this.running = false;
  }

  /** End of the first frame whose rendering started after `time`, or null if none was recorded. */
  frameEndAfter(time: number): number | null {
    for (let i = 0; i < this.starts.length; i++) {
      if ((this.starts[i] ?? 0) > time) return this.ends[i] ?? null;
    }
    return null;
  }
}

/** Longest task overlapping [from, to] and how many there were, from the probe installed before the page loaded. */
export function longTasksBetween(from: number, to: number): { longest: number; count: number } {
  const probe = window.__benchLongTasks;
  if (!probe) return { longest: -1, count: -1 };
  for (const entry of probe.observer?.takeRecords() ?? []) {
    probe.entries.push([entry.startTime, entry.duration]);
  }
  let longest = 0;
  let count = 0;
  for (const [start, duration] of probe.entries) {
    if (start + duration < from || start > to) continue;
    count++;
    if (duration > longest) longest = duration;
  }
  return { longest, count };
}

/** Lets queued long-task entries arrive before they are read. */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Offset of every text node's first character in the document's text (all text nodes, in order). */
export function textOffsets(doc: Document): Map<Node, number> {
  const offsets = new Map<Node, number>();
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    offsets.set(node, at);
    at += (node as Text).data.length;
  }
  return offsets;
}

/** Not rendered: inside display:none, or with no box at all. */
export function isHidden(node: Node): boolean {
  const parent = node.parentElement;
  if (!parent) return true;
  return typeof parent.checkVisibility === 'function' ? !parent.checkVisibility() : false;
}

/** A live Range for any range (the painter may hand StaticRanges to the highlights). */
export function liveRange(range: AbstractRange): Range {
  if (range instanceof Range) return range;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

export function inViewport(range: AbstractRange): boolean {
  const rect = liveRange(range).getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return false;
  return rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
}

/** Matches as document-text offsets, for comparing contenders run on separate loads of the same page. */
export function recordRanges(ranges: readonly AbstractRange[]): MatchRecord[] {
  const offsets = textOffsets(document);
  const out: MatchRecord[] = [];
  for (const abstract of ranges) {
    const range = liveRange(abstract);
    const start = (offsets.get(range.startContainer) ?? Number.NaN) + range.startOffset;
    const end = (offsets.get(range.endContainer) ?? Number.NaN) + range.endOffset;
    let flags = 0;
    if (isHidden(range.startContainer)) flags |= HIDDEN;
    if (range.startContainer !== range.endContainer) flags |= CROSS_NODE;
    out.push([start, end, range.toString(), flags]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Standard shape of a contender bundle's global. */
export interface ContenderConfig {
  /** Knowledge-base dictionary (Backstory). */
  entries: {
    entityId: string;
    kind: string;
    aliases: { text: string; caseSensitive: boolean }[];
  }[];
  /** The matcher's tables as the background sends them (decoded in the page, as a frame does). */
  tables: EncodedTables;
  /** The entries as the background sends them to a frame (lib/shared/match/page-entries.ts). */
  pageEntries: string;
  /** Alias texts for mark.js `mark()`, split by case rule. */
  termsCaseless: string[];
  termsCaseful: string[];
  /** One combined pattern (markRegExp and the floor). */
  pattern: string;
  flags: string;
  /** Matched texts that are exclusions ("Bank of America"), as bench/lib/dictionary.mjs `excludedKey` writes them. */
  excluded: string[];
  /** Elements neither mark.js nor the floor should look into (the ones Backstory skips). */
  exclude: string[];
  /** Return the match list (slower; done once per page and contender). */
  list: boolean;
}

/** True if a text the combined pattern matched is an exclusion, not a name (bench/lib/dictionary.mjs `excludedKey`). */
export function isExcluded(text: string, excluded: readonly string[]): boolean {
  if (excluded.length === 0) return false;
  const plain = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/['’‘ʼ`]/g, "'");
  return excluded.includes(`s:${plain}`) || excluded.includes(`i:${plain.toLowerCase()}`);
}
