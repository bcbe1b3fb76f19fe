// Backstory as the content script runs it (PageController + Highlighter + the real slice scheduler), instrumented to time the first visible and the last highlight, and appends for the live-page cost.

import { isCardHost } from '../../lib/content/card/host';
import { browserHighlightEnv, Highlighter } from '../../lib/content/highlight/highlighter';
import { PageController } from '../../lib/content/page/controller';
import { type SliceScheduler, sliceScheduler } from '../../lib/content/page/slices';
import { DEFAULT_HIGHLIGHT_CSS } from '../../lib/shared/highlight-css';
import { DEFAULT_KIND_STYLES, type EntityKind } from '../../lib/shared/kinds';
import { DEFAULT_MARKING } from '../../lib/shared/marking';
import {
  type ContenderConfig,
  FrameClock,
  inViewport,
  longTasksBetween,
  nextFrameEnd,
  type RunResult,
  recordRanges,
  settle,
} from './common';

/** Notes the time and range of every Highlight.add. */
class TimedHighlighter extends Highlighter {
  readonly times: number[] = [];
  readonly ranges: AbstractRange[] = [];
  override add(kind: EntityKind, range: AbstractRange): void {
    this.times.push(performance.now());
    this.ranges.push(range);
    super.add(kind, range);
  }
}

/** Wraps the content script's scheduler: counts open tasks, time inside them, and the longest slice. */
class TrackedScheduler implements SliceScheduler {
  open = 0;
  busy = 0;
  calls = 0;
  slices = 0;
  longestSlice = 0;
  lastEnd = 0;
  private sliceStart = -1;
  private sliceEnd = 0;
  private idle: (() => void)[] = [];

  constructor(private readonly inner: SliceScheduler) {}

  run(urgent: boolean, task: (deadline: number) => boolean): void {
    this.open++;
    this.inner.run(urgent, (deadline) => {
      const start = performance.now();
      if (this.sliceStart < 0) {
        // First call of this macrotask: the slice ends when the task's microtasks run.
        this.sliceStart = start;
        this.slices++;
        queueMicrotask(() => {
          this.longestSlice = Math.max(this.longestSlice, this.sliceEnd - this.sliceStart);
          this.sliceStart = -1;
        });
      }
      const done = task(deadline);
      const end = performance.now();
      this.sliceEnd = end;
      this.lastEnd = end;
      this.busy += end - start;
      this.calls++;
      if (done) {
        this.open--;
        if (this.open === 0) for (const resolve of this.idle.splice(0)) resolve();
      }
      return done;
    });
  }

  cancel(): void {
    this.inner.cancel();
    this.open = 0;
  }

  /** Resolves once no task is open (now, if none is). */
  whenIdle(): Promise<void> {
    if (this.open === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}

/** Time spent in MutationObserver callbacks (the controller's rescans start there). */
let observerBusy = 0;
const NativeObserver = window.MutationObserver;
window.MutationObserver = class extends NativeObserver {
  constructor(callback: MutationCallback) {
    super((records, observer) => {
      const start = performance.now();
      callback(records, observer);
      observerBusy += performance.now() - start;
    });
  }
};

interface Live {
  controller: PageController;
  highlighter: TimedHighlighter;
  scheduler: TrackedScheduler;
}
let live: Live | null = null;

async function run(config: ContenderConfig): Promise<RunResult> {
  // The default rules are in the page from the start (bench/inject/early.ts, as the manifest CSS is).
  const env = browserHighlightEnv(window, DEFAULT_HIGHLIGHT_CSS);
  if (!env) throw new Error('no CSS Custom Highlight API');
  const clock = new FrameClock();
  clock.start();
  const highlighter = new TimedHighlighter(env);
  const scheduler = new TrackedScheduler(sliceScheduler(document));
  performance.mark('bench:start');
  const t0 = performance.now();
  const controller = new PageController(document, highlighter, {
    isOwnUi: isCardHost,
    scheduler,
  });
  controller.setDictionary({ entries: config.pageEntries, tables: config.tables });
  const compiled = performance.now();
  performance.mark('bench:compiled');
  controller.setState({
    on: true,
    styles: DEFAULT_KIND_STYLES,
    muted: [],
    marking: DEFAULT_MARKING,
    dictionaryVersion: 'bench',
  });
  // setState attaches the highlights, adopts their sheet and samples the viewport (elementFromPoint).
  performance.mark('bench:state');
  await Promise.race([
    scheduler.whenIdle(),
    settle(600_000).then(() => Promise.reject(new Error('scan did not finish'))),
  ]);
  const workEnd = highlighter.times.at(-1) ?? scheduler.lastEnd;
  const painted = await nextFrameEnd();
  performance.mark('bench:end');
  clock.stop();
  await settle();
  const tasks = longTasksBetween(t0, painted);

  let firstVisible: number | null = null;
  const { ranges, times } = highlighter;
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    if (range && inViewport(range)) {
      firstVisible = clock.frameEndAfter(times[i] ?? 0) ?? painted;
      break;
    }
  }
  live = { controller, highlighter, scheduler };
  (window as { __benchKeep?: unknown }).__benchKeep = live;
  return {
    contender: 'backstory',
    firstVisible: firstVisible === null ? null : firstVisible - t0,
    workEnd: workEnd - t0,
    painted: painted - t0,
    matches: controller.mentions().length,
    longestTask: tasks.longest,
    longTasks: tasks.count,
    extra: {
      highlightsAdded: ranges.length,
      compileMs: compiled - t0,
      busyMs: scheduler.busy,
      slices: scheduler.slices,
      longestSliceMs: scheduler.longestSlice,
    },
    // Every mention found (the painter may register only those near the viewport as highlights).
    list: config.list ? recordRanges(controller.mentions().map((m) => m.range)) : undefined,
  };
}

export interface AppendResult {
  /** From the append to the end of the last rescan task. */
  wallMs: number;
  /** Time inside Backstory: MutationObserver callback plus scan slices. */
  busyMs: number;
  added: number;
  longestSliceMs: number;
}

/** Appends `html` (parsed beforehand) at the end of `selector`'s element and times the rescan it causes. */
async function append(html: string, mark: string, selector = 'body'): Promise<AppendResult> {
  if (!live) throw new Error('run() first');
  const { scheduler, highlighter } = live;
  const target = document.querySelector(selector) ?? document.body;
  const template = document.createElement('template');
  template.innerHTML = html;
  const fragment = template.content;
  await settle(5);
  const busyBefore = scheduler.busy;
  const observerBefore = observerBusy;
  const callsBefore = scheduler.calls;
  const addsBefore = highlighter.times.length;
  scheduler.longestSlice = 0;
  performance.mark(`bench:${mark}:start`);
  const start = performance.now();
  target.append(fragment);
  // The observer reports at the end of this task; wait until a rescan ran and none is open.
  const give = performance.now() + 5_000;
  while ((scheduler.calls === callsBefore || scheduler.open > 0) && performance.now() < give) {
    await settle(0);
  }
  performance.mark(`bench:${mark}:end`);
  return {
    wallMs: scheduler.lastEnd - start,
    busyMs: scheduler.busy - busyBefore + (observerBusy - observerBefore),
    added: highlighter.times.length - addsBefore,
    longestSliceMs: scheduler.longestSlice,
  };
}

(window as { __bench?: unknown }).__bench = { run, append };
