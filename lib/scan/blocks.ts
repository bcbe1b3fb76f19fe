// Walks a DOM subtree into blocks of text (inline elements joined, block elements apart), skipping regions a reader can't or shouldn't see highlighted.

/** Anything a scan can start from. */
export type ScanRoot = Document | Element | ShadowRoot | DocumentFragment;

/** The text of one block: inline elements' text joined, in document order. */
export interface TextBlock {
  readonly text: string;
  /** Every text node of the block, in order. */
  readonly nodes: readonly Text[];
  /** Offset of each node's first character in `text`. */
  readonly starts: readonly number[];
}

export interface WalkOptions {
  /** Return true for elements never to scan, such as the extension's own UI hosts (whole subtree). */
  readonly skip?: (element: Element) => boolean;
  /** Subtrees to leave out, e.g. ones already scanned visible-first. They also end a block. */
  readonly exclude?: { has(node: Node): boolean };
  /** Called for each open shadow root met; a TreeWalker does not enter them. */
  readonly onShadowRoot?: (root: ShadowRoot) => void;
}

/** Elements whose text is never scanned: form fields, code, scripts, non-HTML, embedded documents. */
const SKIPPED = new Set([
  'input',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'script',
  'style',
  'noscript',
  'template',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/**
 * Elements that flow inside a line of text: their text joins their neighbours'. Every other
 * element (p, div, li, td, h1–h6, br, custom elements…) ends a block, so names never run
 * across blocks; custom elements count as blocks because pages mostly use them as containers.
 */
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** True for an element whose subtree is never scanned (not counting its ancestors). */
export function isSkippedElement(element: Element, skip?: (element: Element) => boolean): boolean {
  if (SKIPPED.has(element.localName) || isSkippedByAttribute(element)) return true;
  return skip ? skip(element) : false;
}

function parentAcrossShadow(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  return (node as ShadowRoot).host ?? null;
}

/**
 * True if `node` or one of its ancestors (across shadow roots) is skipped, or its document is in
 * design mode. Use it before scanning a sub-root, e.g. one a MutationObserver reported.
 */
export function isInSkippedRegion(node: Node, skip?: (element: Element) => boolean): boolean {
  if (node.ownerDocument?.designMode === 'on' || (node as Document).designMode === 'on')
    return true;
  for (let n: Node | null = node; n; n = parentAcrossShadow(n)) {
    if (n.nodeType === 1 && isSkippedElement(n as Element, skip)) return true;
  }
  return false;
}

/** True for an element that ends a block of text (any element that is not inline). */
export function isBlockBoundary(element: Element): boolean {
  return !INLINE.has(element.localName);
}

/**
 * The nearest ancestor-or-self whose text forms whole blocks: where a re-scan must start when
 * `node` changed, so the text of its inline siblings is matched along with it.
 */
export function enclosingBlock(node: Node): ScanRoot {
  let n: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (n) {
    if (n.nodeType !== 1) return n as ScanRoot; // Document, ShadowRoot or fragment
    if (isBlockBoundary(n as Element)) return n as Element;
    const parent: Node | null = n.parentNode;
    if (!parent) return n as Element;
    n = parent;
  }
  return (node.ownerDocument ?? node) as Document;
}

const ATTRIBUTE_SKIPS = '[hidden],[contenteditable]';

function isSkippedByAttribute(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * Yields the text blocks under `root` in document order, one at a time, so a caller can stop
 * between any two. Blocks made only of whitespace are not yielded. The walk survives DOM
 * changes between calls as long as the node it stands on stays in the tree (see `lost`); call
 * `refresh()` after the DOM may have changed.
 */
export class BlockWalk {
  private readonly walker: TreeWalker;
  private readonly parts: string[] = [];
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  /** Whether each element on the path from the root to the current node ends a block. */
  private readonly blockPath: boolean[] = [];
  private length = 0;
  private hasText = false;
  private started = false;
  private finished = false;
  private ready: TextBlock | null = null;
  /** The node to visit next (the walker stands on it). */
  private pending: Node | null = null;
  /**
   * Elements skipped for an attribute (hidden, contenteditable), found with one native query
   * instead of two attribute reads per element.
   */
  private flagged: Set<Element> = new Set();

  constructor(
    private readonly root: ScanRoot,
    private readonly options: WalkOptions = {},
  ) {
    const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
    // 0x1 | 0x4: elements and text. No filter callback: skipping is decided inline, which is
    // faster and lets a skipped element end the block around it.
    this.walker = doc.createTreeWalker(root, 0x1 | 0x4);
    if (isInSkippedRegion(root, options.skip)) this.finished = true;
    else this.refresh();
  }

  get done(): boolean {
    return this.finished;
  }

  /** True if the node the walk stands on left the tree since the last block: the rest is unknown. */
  get lost(): boolean {
    if (!this.started || this.finished) return false;
    const current = this.walker.currentNode;
    return current !== this.root && !this.root.contains(current);
  }

  /** Re-reads which elements carry skipping attributes; call when the DOM may have changed. */
  refresh(): void {
    const flagged = new Set<Element>();
    if ('querySelectorAll' in this.root) {
      for (const el of this.root.querySelectorAll(ATTRIBUTE_SKIPS)) {
        if (isSkippedByAttribute(el)) flagged.add(el);
      }
    }
    this.flagged = flagged;
  }

  /** The next block with some non-whitespace text, or null at the end. */
  next(): TextBlock | null {
    if (this.finished) return null;
    const w = this.walker;
    const { exclude, skip, onShadowRoot } = this.options;
    let node: Node | null;
    if (!this.started) {
      this.started = true;
      node = w.firstChild();
    } else {
      node = this.pending;
    }
    while (node) {
      if (node.nodeType === 3) {
        this.append(node as Text);
        node = this.advance();
      } else {
        const el = node as Element;
        const name = el.localName;
        if (
          SKIPPED.has(name) ||
          this.flagged.has(el) ||
          exclude?.has(el) === true ||
          skip?.(el) === true
        ) {
          this.boundary();
          node = this.advance();
        } else {
          const block = !INLINE.has(name);
          if (block) this.boundary();
          if (onShadowRoot) {
            const shadow = el.shadowRoot;
            if (shadow) onShadowRoot(shadow);
          }
          const child = w.firstChild();
          if (child) {
            this.blockPath.push(block);
            node = child;
          } else {
            if (block) this.boundary();
            node = this.advance();
          }
        }
      }
      if (this.ready) {
        this.pending = node;
        return this.take();
      }
    }
    this.finished = true;
    this.boundary();
    return this.ready ? this.take() : null;
  }

  private take(): TextBlock | null {
    const block = this.ready;
    this.ready = null;
    return block;
  }

  /** Moves to the next node that is not a descendant of the current one, closing blocks left. */
  private advance(): Node | null {
    const w = this.walker;
    for (;;) {
      const sibling = w.nextSibling();
      if (sibling) return sibling;
      const parent = w.parentNode();
      if (!parent || parent === this.root) return null;
      if (this.blockPath.pop() !== false) this.boundary();
    }
  }

  private append(text: Text): void {
    const data = text.data;
    this.nodes.push(text);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
    if (!this.hasText) {
      for (let i = 0; i < data.length; i++) {
        if (data.charCodeAt(i) > 0x20) {
          this.hasText = true;
          break;
        }
      }
    }
  }

  /** Ends the block being collected, if any (an earlier finished one is never overwritten). */
  private boundary(): void {
    if (this.nodes.length === 0) return;
    if (this.ready) return; // the caller takes `ready` before the walk moves on
    if (this.hasText) {
      this.ready = {
        text: this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join(''),
        nodes: this.nodes.slice(),
        starts: this.starts.slice(),
      };
    }
    this.nodes.length = 0;
    this.starts.length = 0;
    this.parts.length = 0;
    this.length = 0;
    this.hasText = false;
  }
}
