// Follows a live page: its mutations and attribute changes become the blocks to rescan and the text to forget; it
// also keeps the shadow roots met (hit-testing names them) and the components the page has yet to define.
import { enclosingBlock, isBlockBoundary, isInSkippedRegion, type ScanRoot } from '../scan/blocks';
import { LateHosts } from './late-hosts';

/**
 * Attributes that can show or hide text: `hidden` and `contenteditable` decide what is scanned; a class, a style or
 * `open` (details) can reveal text whose names were dropped as not visible ("read more", tabs, accordions).
 */
const SCAN_ATTRIBUTES = ['hidden', 'contenteditable', 'class', 'style', 'open'];
const SKIP_ATTRIBUTES = new Set(['hidden', 'contenteditable']);

export interface LivePageEvents {
  /** False while nothing should follow the page (switched off, no dictionary): changes are ignored. */
  following(): boolean;
  /** Our own UI (the card's host): its mutations are ignored. */
  isOwnUi(node: Node): boolean;
  /** Text under `block` was added, edited or shown: rescan it (urgent: the reader is likely looking at it). */
  rescan(block: ScanRoot): void;
  /** This text became hidden or editable: drop its names. */
  forget(textNodes: Iterable<Node>): void;
  /** Some text left the page: drop the names it held. */
  removed(): void;
  /** A component the page defined late now has an open shadow root. */
  shadowRoot(root: ShadowRoot): void;
}

export class LivePage {
  readonly #observer: MutationObserver;
  readonly #observed = new Set<Node>();
  /** The open shadow roots followed: hit-testing has to name them to see inside. */
  #shadowRoots: ShadowRoot[] = [];
  /** Elements whose names were dropped as not visible; an attribute change around one rescans it. */
  readonly #hiddenHolders = new Set<Element>();
  readonly #lateHosts: LateHosts;
  readonly #events: LivePageEvents;

  constructor(win: Window, events: LivePageEvents) {
    this.#events = events;
    this.#observer = new MutationObserver((records) => this.#onMutations(records));
    this.#lateHosts = new LateHosts(win, (root) => events.shadowRoot(root));
  }

  get shadowRoots(): readonly ShadowRoot[] {
    return this.#shadowRoots;
  }

  /** Follows changes under `root` (the document or a shadow root); false if it is followed already. */
  follow(root: Document | ShadowRoot): boolean {
    if (this.#observed.has(root)) return false;
    this.#observed.add(root);
    // A new array, not a push: a hit test may hold the old one.
    if (root.nodeType === 11) this.#shadowRoots = [...this.#shadowRoots, root as ShadowRoot];
    this.#observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: SCAN_ATTRIBUTES,
    });
    return true;
  }

  /** Elements holding names a scan dropped as not visible: showing one later rescans it. */
  noteHidden(elements: readonly Element[] | undefined): void {
    for (const element of elements ?? []) this.#hiddenHolders.add(element);
  }

  /** A custom element not defined when scanned: looked at again until it gets a shadow root (late-hosts.ts). */
  noteUndefinedHost(host: Element): void {
    this.#lateHosts.add(host);
  }

  /** Follows nothing and forgets everything met. */
  stop(): void {
    this.#observer.disconnect();
    this.#observed.clear();
    this.#shadowRoots = [];
    this.#hiddenHolders.clear();
    this.#lateHosts.clear();
  }

  /**
   * Only what changed is rescanned: the blocks around added or edited text, the block that lost inline text (what
   * is left may now read as a name), and what an attribute change showed; removed text drops its ranges.
   */
  #onMutations(records: MutationRecord[]): void {
    const events = this.#events;
    if (!events.following()) return;
    // A page that changes may just have defined its components.
    this.#lateHosts.check();
    const blocks = new Set<Node>();
    let removed = false;
    for (const record of records) {
      if (events.isOwnUi(record.target)) continue;
      if (record.type === 'characterData') {
        blocks.add(enclosingBlock(record.target));
        continue;
      }
      if (record.type === 'attributes') {
        this.#onAttributeChange(record.target as Element, record.attributeName ?? '', blocks);
        continue;
      }
      if (record.removedNodes.length > 0) {
        removed = true;
        if (record.target.isConnected && [...record.removedNodes].some(isInline)) {
          const block = enclosingBlock(record.target);
          if (!isWholePage(block)) blocks.add(block);
        }
      }
      for (const node of record.addedNodes) {
        if (!events.isOwnUi(node)) blocks.add(enclosingBlock(node));
      }
    }
    if (removed) events.removed();
    for (const block of outermost(blocks)) events.rescan(block as ScanRoot);
  }

  #onAttributeChange(element: Element, name: string, blocks: Set<Node>): void {
    if (!element.isConnected) return;
    if (SKIP_ATTRIBUTES.has(name)) {
      // Now hidden or editable: its names go; no longer: it is scanned (with its block, for inline elements).
      if (isInSkippedRegion(element)) this.#events.forget(textNodesUnder(element));
      else blocks.add(enclosingBlock(element));
      return;
    }
    for (const holder of this.#hiddenHolders) {
      if (!holder.isConnected) this.#hiddenHolders.delete(holder);
      else if (element.contains(holder)) {
        // Rescanned: if it is still hidden, the scan files it again.
        this.#hiddenHolders.delete(holder);
        blocks.add(enclosingBlock(holder));
      }
    }
  }
}

/** A text node or an inline element: removing one changes the text of the block around it. */
function isInline(node: Node): boolean {
  return node.nodeType === 3 || (node.nodeType === 1 && !isBlockBoundary(node as Element));
}

/** The document, its body or root element: rescanning it would rescan the whole page. */
function isWholePage(root: ScanRoot): boolean {
  const doc = root.ownerDocument;
  return root.nodeType === 9 || root === doc?.body || root === doc?.documentElement;
}

function textNodesUnder(root: Node): Text[] {
  const out: Text[] = [];
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
}

/** Drops nodes contained in another node of the set (scanning the ancestor covers them). */
function outermost(nodes: Set<Node>): Node[] {
  return [...nodes].filter((node) => {
    for (let parent = node.parentNode; parent; parent = parent.parentNode) {
      if (nodes.has(parent)) return false;
    }
    return node.isConnected;
  });
}
