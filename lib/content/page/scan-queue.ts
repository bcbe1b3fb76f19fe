// Scans a page in time slices: the blocks under the viewport first, then the rest, then whatever changes, each root a
// job the slice scheduler runs until it is done or the matcher it started with is gone.
import type { Matcher } from '../../shared/match/matcher';
import type { ScanRoot } from '../scan/blocks';
import { createScanJob, type ScannedBlock } from '../scan/scan';
import { viewportBlocks } from '../scan/viewport';
import type { SliceScheduler } from './slices';

export interface ScanQueueOptions {
  /** The matcher to scan with; null while the page is off or has no dictionary yet (nothing is scanned). */
  matcher(): Matcher | null;
  /** Our own UI (the card's host): never scanned. */
  isOwnUi(element: Element): boolean;
  /** Each slice's blocks, as soon as they are scanned. */
  onBlocks(blocks: ScannedBlock[]): void;
  /** An open shadow root met in a root: scan it too (the walk does not enter it). */
  onShadowRoot(root: ShadowRoot): void;
  /** A custom element not defined yet: its shadow root may come later. */
  onUndefinedHost(host: Element): void;
}

export class ScanQueue {
  readonly #doc: Document;
  readonly #scheduler: SliceScheduler;
  readonly #options: ScanQueueOptions;

  constructor(doc: Document, scheduler: SliceScheduler, options: ScanQueueOptions) {
    this.#doc = doc;
    this.#scheduler = scheduler;
    this.#options = options;
  }

  /** Visible first: the blocks under the viewport now, the rest of the page after them. */
  scanPage(): void {
    const skip = (element: Element) => this.#options.isOwnUi(element);
    const visible = viewportBlocks(this.#doc, { skip });
    for (const block of visible) this.scan(block, true);
    this.scan(this.#doc, false, new Set<Node>(visible));
  }

  /** Queues `root` (`urgent`: before every non-urgent job), leaving out `exclude`'s subtrees. */
  scan(root: ScanRoot, urgent: boolean, exclude?: Set<Node>): void {
    const options = this.#options;
    const matcher = options.matcher();
    if (!matcher) return;
    // A walk visits the shadow roots of the root's descendants; the root's own is ours to add.
    if (root.nodeType === 1 && (root as Element).shadowRoot) {
      options.onShadowRoot((root as Element).shadowRoot as ShadowRoot);
    }
    const job = createScanJob(root, {
      matcher,
      exclude,
      skip: options.isOwnUi,
      onShadowRoot: options.onShadowRoot,
      onUndefinedHost: options.onUndefinedHost,
    });
    this.#scheduler.run(urgent, (deadline) => {
      if (options.matcher() !== matcher) return true;
      // Filing what a batch found costs as much as finding it on a page dense with names: scanning up to the
      // deadline and filing after it made 30-45 ms slices there (and 50 ms ones on a slower machine). So the
      // slice scans one batch (about 4 KB of text), files it, and only then reads the clock.
      do {
        const blocks = job.step(Number.NEGATIVE_INFINITY);
        if (blocks.length > 0) options.onBlocks(blocks);
      } while (!job.done && performance.now() < deadline);
      return job.done;
    });
  }

  /** Drops every queued job (the page was switched off, or starts over). */
  cancel(): void {
    this.#scheduler.cancel();
  }
}
