// A whole-browser Chromium trace read per thread: which thread is which (by its name or by a performance mark made
// on it), and the CPU time (thread clock, `tdur`) of the top-level slices threads ran in a window of time.

/** Parses a trace as puppeteer's `tracing.stop()` returns it. */
export function readTrace(raw) {
  const events = JSON.parse(Buffer.from(raw).toString()).traceEvents;
  const threads = new Map();
  const processes = new Map();
  const marks = new Map();
  // Every bench mark, repeated ones too (the first of each name is in `marks`).
  const allMarks = [];
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name);
    else if (e.ph === 'M' && e.name === 'process_name') processes.set(e.pid, e.args?.name);
    else if (e.cat === 'blink.user_timing' && e.name.startsWith('bench:')) {
      const mark = { name: e.name, ts: e.ts, tts: e.tts, pid: e.pid, tid: e.tid };
      allMarks.push(mark);
      if (!marks.has(e.name)) marks.set(e.name, mark);
    }
  }
  // Each thread's top-level slices in time order, nested ones left out (their time is inside their parent's). Not
  // only tasks: a microtask checkpoint after a task (where promise continuations run) is a slice of its own.
  const tasks = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!tasks.has(key)) tasks.set(key, []);
    tasks.get(key).push(e);
  }
  for (const [key, list] of tasks) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let end = -Infinity;
    tasks.set(
      key,
      list.filter((e) => {
        if (e.ts < end) return false;
        end = e.ts + (e.dur ?? 0);
        return true;
      }),
    );
  }
  return { threads, processes, marks, allMarks, tasks };
}

/** The thread of process `pid` called `name` (e.g. "ServiceWorker thread"), or null. */
export function namedThread(trace, pid, name) {
  for (const [key, value] of trace.threads) {
    const [p, t] = key.split(':').map(Number);
    if (p === pid && value === name) return { pid: p, tid: t };
  }
  return null;
}

/** The pid of the first process called `name` ("Browser"), or null. */
export function namedProcess(trace, name) {
  for (const [pid, value] of trace.processes) if (value === name) return pid;
  return null;
}

/**
 * CPU time (ms) of the top-level slices that threads chosen by `which(pid, tid)` started in [fromUs, toUs) of the
 * trace clock, with the number of tasks and the longest; slices for which `skip(slice, pid, tid)` is true are left out.
 */
export function cpuIn(trace, which, fromUs, toUs, skip = () => false) {
  let cpu = 0;
  let tasks = 0;
  let longest = 0;
  for (const [key, list] of trace.tasks) {
    const [pid, tid] = key.split(':').map(Number);
    if (!which(pid, tid)) continue;
    for (const e of list) {
      if (e.ts < fromUs || e.ts >= toUs || skip(e, pid, tid)) continue;
      const ms = (e.tdur ?? 0) / 1000;
      cpu += ms;
      tasks++;
      longest = Math.max(longest, ms);
    }
  }
  return { cpuMs: cpu, tasks, longestMs: longest };
}

/** `cpuIn` for one thread ({ pid, tid }, e.g. a mark's), or null without one. */
export function threadCpu(trace, thread, fromUs, toUs, skip) {
  if (!thread) return null;
  return cpuIn(trace, (pid, tid) => pid === thread.pid && tid === thread.tid, fromUs, toUs, skip);
}

/** A `skip` for cpuIn: the slices of `thread` during which a mark called `name` was made (the bench's own probes). */
export function slicesMarked(trace, name) {
  const at = trace.allMarks.filter((mark) => mark.name === name);
  return (slice, pid, tid) =>
    at.some(
      (mark) =>
        mark.pid === pid &&
        mark.tid === tid &&
        mark.ts >= slice.ts &&
        mark.ts <= slice.ts + (slice.dur ?? 0),
    );
}
