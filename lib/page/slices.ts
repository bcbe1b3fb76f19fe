// Runs scanning work in short slices so the page never sees a long task; urgent (visible) work first; nothing while hidden.

/** A unit of work: does what it can before `deadline` (a performance.now() time); true when finished. */
export type SliceTask = (deadline: number) => boolean;

export interface SliceScheduler {
  run(urgent: boolean, task: SliceTask): void;
  cancel(): void;
}

/** Far below the 50 ms long-task line, leaving room for the page's own work in the same frame. */
export const SLICE_MS = 8;

export function sliceScheduler(doc: Document, sliceMs = SLICE_MS): SliceScheduler {
  const urgent: SliceTask[] = [];
  const idle: SliceTask[] = [];
  let pending = false;
  const view = doc.defaultView ?? globalThis;

  function schedule(): void {
    if (pending || (urgent.length === 0 && idle.length === 0) || doc.hidden) return;
    pending = true;
    // A macrotask, not a microtask: input and paint get their turn between slices.
    view.setTimeout(runSlice, 0);
  }

  function runSlice(): void {
    pending = false;
    if (doc.hidden) return;
    const deadline = performance.now() + sliceMs;
    while (performance.now() < deadline) {
      const queue = urgent.length > 0 ? urgent : idle;
      const task = queue[0];
      if (!task) break;
      if (task(deadline)) queue.shift();
    }
    schedule();
  }

  doc.addEventListener('visibilitychange', schedule);

  return {
    run(isUrgent, task) {
      (isUrgent ? urgent : idle).push(task);
      schedule();
    },
    cancel() {
      urgent.length = 0;
      idle.length = 0;
    },
  };
}
