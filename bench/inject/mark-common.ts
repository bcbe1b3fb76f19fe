// mark.js's side of the comparison: running a mark.js call as a contender and reading its <mark> elements back as matches.
import {
  type ContenderConfig,
  CROSS_NODE,
  HIDDEN,
  isHidden,
  longTasksBetween,
  type MatchRecord,
  nextFrameEnd,
  type RunResult,
  settle,
  textOffsets,
} from './common';

/** mark.js splits a match that spans elements into several <mark>s; adjacent ones are one match (whole-word matches never touch). */
function readMarks(withList: boolean): {
  count: number;
  list: MatchRecord[];
  firstVisible: boolean;
} {
  const offsets = textOffsets(document);
  const list: MatchRecord[] = [];
  let lastEnd = -1;
  let firstVisible = false;
  for (const mark of document.querySelectorAll('mark[data-markjs]')) {
    const text = mark.firstChild;
    if (!text) continue;
    if (!firstVisible) {
      const rect = mark.getBoundingClientRect();
      if (rect.bottom > 0 && rect.top < innerHeight && rect.width > 0) firstVisible = true;
    }
    const start = offsets.get(text) ?? Number.NaN;
    const data = (text as Text).data;
    const prev = list[list.length - 1];
    if (start === lastEnd && prev) {
      prev[1] = start + data.length;
      prev[2] += data;
      prev[3] |= CROSS_NODE;
    } else {
      list.push([start, start + data.length, data, withList && isHidden(text) ? HIDDEN : 0]);
    }
    lastEnd = start + data.length;
  }
  return { count: list.length, list, firstVisible };
}

/** Times a synchronous mark.js call (mark.js inserts all its elements in one task) and paints it. */
export async function runMark(
  name: string,
  config: ContenderConfig,
  call: () => void,
): Promise<RunResult> {
  performance.mark('bench:start');
  const t0 = performance.now();
  call();
  const workEnd = performance.now();
  const painted = await nextFrameEnd();
  performance.mark('bench:end');
  await settle();
  const tasks = longTasksBetween(t0, painted);
  const marks = readMarks(config.list);
  return {
    contender: name,
    // Everything appears in the first frame after the call.
    firstVisible: marks.firstVisible ? painted - t0 : null,
    workEnd: workEnd - t0,
    painted: painted - t0,
    matches: marks.count,
    longestTask: tasks.longest,
    longTasks: tasks.count,
    extra: {},
    list: config.list ? marks.list : undefined,
  };
}
