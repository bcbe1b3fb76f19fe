// The scan queue: visible blocks first, each root a job in the slice scheduler, stopped when its matcher goes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScanQueue } from '../../../../lib/content/page/scan-queue';
import type { SliceScheduler, SliceTask } from '../../../../lib/content/page/slices';
import type { ScannedBlock } from '../../../../lib/content/scan/scan';
import { compileMatcher, type Matcher } from '../../../../lib/shared/match/matcher';

const ci = (text: string) => ({ text, caseSensitive: false });
const matcher = compileMatcher([{ aliases: [ci('Kyiv')] }, { aliases: [ci('Putin')] }]);

/** Holds the queued tasks, urgent ones first, until the test runs them. */
function manualScheduler(): SliceScheduler & { urgent: SliceTask[]; idle: SliceTask[] } {
  const urgent: SliceTask[] = [];
  const idle: SliceTask[] = [];
  return {
    urgent,
    idle,
    run: (isUrgent, task) => void (isUrgent ? urgent : idle).push(task),
    cancel: () => {
      urgent.length = 0;
      idle.length = 0;
    },
  };
}

let scheduler: ReturnType<typeof manualScheduler>;
let current: Matcher | null;
let found: string[];
let roots: ShadowRoot[];
let queue: ScanQueue;

/** Runs queued tasks, urgent ones first, each to its end. */
function runAll(): void {
  for (const list of [scheduler.urgent, scheduler.idle]) {
    while (list.length > 0) {
      const task = list[0] as SliceTask;
      if (task(Number.POSITIVE_INFINITY)) list.shift();
    }
  }
}

beforeEach(() => {
  document.body.innerHTML = '<p id="a">Kyiv</p><p id="b">Putin</p>';
  scheduler = manualScheduler();
  current = matcher;
  found = [];
  roots = [];
  queue = new ScanQueue(document, scheduler, {
    matcher: () => current,
    isOwnUi: (element) => element.localName === 'backstory-card',
    onBlocks: (blocks: ScannedBlock[]) => {
      for (const block of blocks) found.push(...block.textNodes.map((t) => t.data));
    },
    onShadowRoot: (root) => void roots.push(root),
    onUndefinedHost: () => {},
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  window.scrollTo(0, 0);
});

describe('ScanQueue', () => {
  it('scans the blocks under the viewport first (urgent), then the rest of the page without them', () => {
    // Scrolled down, the viewport shows #b: every sampled point lands on it.
    window.scrollTo(0, 300);
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.getElementById('b'));
    queue.scanPage();
    expect(scheduler.urgent).toHaveLength(1);
    expect(scheduler.idle).toHaveLength(1);
    runAll();
    expect(found).toEqual(['Putin', 'Kyiv']);
  });

  it('queues nothing without a matcher, and a queued job ends unrun when the matcher changes', () => {
    current = null;
    queue.scan(document.body, true);
    expect(scheduler.urgent).toEqual([]);
    current = matcher;
    queue.scan(document.body, true);
    current = compileMatcher([{ aliases: [ci('Kyiv')] }]);
    runAll();
    expect(found).toEqual([]);
  });

  it("reports a root's own shadow root", () => {
    const host = document.createElement('news-card');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    queue.scan(host, false);
    expect(roots).toEqual([shadow]);
  });

  it('never scans its own UI', () => {
    document.body.insertAdjacentHTML('beforeend', '<backstory-card><p>Kallas</p></backstory-card>');
    queue.scan(document.body, false);
    runAll();
    expect(found).toEqual(['Kyiv', 'Putin']);
  });

  it('cancel drops every queued job', () => {
    queue.scan(document.body, true);
    queue.scan(document.body, false);
    queue.cancel();
    runAll();
    expect(found).toEqual([]);
  });

  it('counts the time spent filing what was found against the slice: a slow filer ends the slice early', () => {
    // 40 paragraphs of about 1 KB each: several 4 KB batches.
    document.body.innerHTML = Array.from(
      { length: 40 },
      (_, i) => `<p>${'Kyiv '.repeat(200)}${i}</p>`,
    ).join('');
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const batches: number[] = [];
    queue = new ScanQueue(document, scheduler, {
      matcher: () => current,
      isOwnUi: () => false,
      // Filing costs 5 ms per batch on this clock; scanning costs nothing.
      onBlocks: (blocks) => {
        batches.push(blocks.length);
        clock += 5;
      },
      onShadowRoot: () => {},
      onUndefinedHost: () => {},
    });
    queue.scan(document.body, false);
    const task = scheduler.idle[0] as SliceTask;
    // An 8 ms slice: the first batch is filed (5 ms), the second takes the clock past the deadline (10 ms).
    expect(task(8)).toBe(false);
    expect(batches).toHaveLength(2);
    expect(batches.reduce((a, b) => a + b, 0)).toBeLessThan(40);
    while (!task(clock + 8));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(40);
  });
});
