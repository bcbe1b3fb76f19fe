// Contender: the floor — a bare TreeWalker and one compiled regex creating a Range per match, changing nothing.
import {
  type ContenderConfig,
  inViewport,
  isExcluded,
  longTasksBetween,
  nextFrameEnd,
  type RunResult,
  recordRanges,
  settle,
} from './common';

// Parents whose text is never page prose (a direct-parent check only: this is the floor).
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title']);

async function run(config: ContenderConfig): Promise<RunResult> {
  performance.mark('bench:start');
  const t0 = performance.now();
  const pattern = new RegExp(config.pattern, config.flags);
  const ranges: Range[] = [];
  const times: number[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentNode as Element | null;
    if (parent && SKIP.has(parent.localName)) continue;
    const data = node.data;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(data); m; m = pattern.exec(data)) {
      if (isExcluded(m[0], config.excluded)) continue;
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      ranges.push(range);
      times.push(performance.now());
    }
  }
  const workEnd = performance.now();
  const painted = await nextFrameEnd();
  performance.mark('bench:end');
  await settle();
  const tasks = longTasksBetween(t0, painted);
  let firstVisible: number | null = null;
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    if (range && inViewport(range)) {
      firstVisible = (times[i] ?? 0) - t0;
      break;
    }
  }
  return {
    contender: 'floor',
    firstVisible,
    workEnd: workEnd - t0,
    painted: painted - t0,
    matches: ranges.length,
    longestTask: tasks.longest,
    longTasks: tasks.count,
    extra: {},
    list: config.list ? recordRanges(ranges) : undefined,
  };
}

(window as { __bench?: unknown }).__bench = { run };
