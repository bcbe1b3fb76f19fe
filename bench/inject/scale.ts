// Dictionary-size scaling: automaton build time, matching time over one page's text, and a whole scan, for any dictionary the runner passes in.

import { BlockWalk } from '../../lib/content/scan/blocks';
import { createScanJob } from '../../lib/content/scan/scan';
import { compileMatcher, type MatchEntity, type Matcher } from '../../lib/shared/match/matcher';

interface ScaleState {
  entries: MatchEntity[] | null;
  matcher: Matcher | null;
  texts: string[];
}
const state: ScaleState = { entries: null, matcher: null, texts: [] };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Collects the page's blocks once, so matching can be timed apart from walking the DOM. */
function collect(): { blocks: number; chars: number } {
  const walk = new BlockWalk(document);
  state.texts = [];
  let chars = 0;
  for (let block = walk.next(); block; block = walk.next()) {
    state.texts.push(block.text);
    chars += block.text.length;
  }
  return { blocks: state.texts.length, chars };
}

/** Keeps the dictionary on the page (its own heap is measured before the automaton is built). */
function load(entries: MatchEntity[]): number {
  state.entries = entries;
  state.matcher = null;
  return entries.length;
}

function compile(rep: number): { ms: number; patterns: number; states: number } {
  const entries = state.entries ?? [];
  performance.mark(`bench:compile${rep}:start`);
  const start = performance.now();
  const matcher = compileMatcher(entries);
  const ms = performance.now() - start;
  performance.mark(`bench:compile${rep}:end`);
  state.matcher = matcher;
  return { ms, patterns: matcher.stats.patterns, states: matcher.stats.states };
}

/** Median time of `find` over every block's text, and of a whole scan of the document in one slice. */
function measure(reps: number): { findMs: number; scanMs: number; matches: number } {
  const matcher = state.matcher;
  if (!matcher) throw new Error('compile() first');
  const finds: number[] = [];
  const scans: number[] = [];
  let matches = 0;
  // Marks let the runner read main-thread CPU time per phase from a trace.
  performance.mark('bench:find:start');
  for (let r = 0; r < reps; r++) {
    let count = 0;
    const start = performance.now();
    for (const text of state.texts) count += matcher.find(text).length;
    finds.push(performance.now() - start);
    matches = count;
  }
  performance.mark('bench:find:end');
  performance.mark('bench:scan:start');
  for (let r = 0; r < reps; r++) {
    const scanStart = performance.now();
    createScanJob(document, { matcher }).step(Number.POSITIVE_INFINITY);
    scans.push(performance.now() - scanStart);
  }
  performance.mark('bench:scan:end');
  return { findMs: median(finds), scanMs: median(scans), matches };
}

function drop(): void {
  state.entries = null;
  state.matcher = null;
}

(window as { __scale?: unknown }).__scale = { collect, load, compile, measure, drop };
