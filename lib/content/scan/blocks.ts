// Walks a DOM subtree into blocks of text (inline elements joined, block elements apart), skipping regions a reader can't or shouldn't see highlighted.

/** Anything a scan can start from. */
export type ScanRoot = Document | Element | ShadowRoot | DocumentFragment;

/** The text of one block: inline elements' text joined, in document order (WORD_BREAK between adjacent ones). */
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
  /** Called for a custom element not defined yet: its shadow root may come when the page defines it. */
  readonly onUndefinedHost?: (host: Element) => void;
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

/** The elements attachShadow() accepts besides custom ones (DOM standard); asking any other for its root is waste. */
const SHADOW_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/** True if an element of this name can have a shadow root: a custom element (its name has a dash) or one above. */
function mayHostShadow(localName: string): boolean {
  return SHADOW_HOSTS.has(localName) || localName.includes('-');
}

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

/** Stands between two adjacent inline elements in a block's text (see BlockWalk#separate). */
const WORD_BREAK = '\u0000';

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
  private text = '';
  private nodes: Text[] = [];
  private starts: number[] = [];
  /** The open elements from the root down to the current node, and whether each ends a block. */
  private readonly path: Node[];
  private readonly blockPath: boolean[] = [false];
  private hasText = false;
  /** An inline element ended since the last text: if another starts before any text, the two are apart. */
  private closedInline = false;
  private finished = false;
  private ready: TextBlock | null = null;
  /** The node to visit next (the walker stands on it). */
  private pending: Node | null = null;
  private atEnd = false;
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
    this.path = [root];
    if (isInSkippedRegion(root, options.skip)) this.finished = true;
    else this.refresh();
  }

  get done(): boolean {
    return this.finished;
  }

  /** True if the node the walk stands on left the tree since the last block: the rest is unknown. */
  get lost(): boolean {
    if (this.finished) return false;
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
    const { exclude, skip, onShadowRoot, onUndefinedHost } = this.options;
    const path = this.path;
    const blockPath = this.blockPath;
    // nextNode() is the cheapest way through the tree; the elements we leave are found by
    // comparing each node's parent with the open path.
    for (;;) {
      let node = this.pending;
      this.pending = null;
      // After a skipped subtree that ended the root, the walker stands on an ancestor:
      // nextNode() would walk into the tree again.
      if (!node && !this.atEnd) node = w.nextNode();
      if (!node) {
        this.finished = true;
        this.boundary();
        return this.take();
      }
      const parent = node.parentNode;
      while (path.length > 1 && path[path.length - 1] !== parent) {
        path.pop();
        if (blockPath.pop()) this.boundary();
        else this.closedInline = true;
      }
      if (node.nodeType === 3) {
        this.append(node as Text);
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
          this.pending = this.skipSubtree();
          if (!this.pending) this.atEnd = true;
        } else {
          const block = !INLINE.has(name);
          if (block) this.boundary();
          else if (this.closedInline) this.separate();
          if (onShadowRoot && mayHostShadow(name)) {
            const shadow = el.shadowRoot;
            if (shadow) onShadowRoot(shadow);
            else if (onUndefinedHost && name.includes('-') && !el.matches(':defined')) {
              onUndefinedHost(el);
            }
          }
          path.push(el);
          blockPath.push(block);
        }
      }
      if (this.ready) return this.take();
    }
  }

  private take(): TextBlock | null {
    const block = this.ready;
    this.ready = null;
    return block;
  }

  /** The first node after the current node's subtree, or null at the end of the root. */
  private skipSubtree(): Node | null {
    const w = this.walker;
    for (;;) {
      const sibling = w.nextSibling();
      if (sibling) return sibling;
      const parent = w.parentNode();
      if (!parent || parent === this.root) return null;
    }
  }

  /**
   * `<a>Kyiv</a><a>Russia</a>`: two inline elements side by side with no text between are two words (tag lists,
   * breadcrumbs), while `<b>Zel</b>enskyy` and `Volodymyr <a>Zelenskyy</a>` still join. A character no alias
   * holds and no word contains keeps them apart; it belongs to no text node, so offsets still map to nodes.
   */
  private separate(): void {
    this.closedInline = false;
    if (this.nodes.length > 0) this.text += WORD_BREAK;
  }

  private append(text: Text): void {
    this.closedInline = false;
    const data = text.data;
    this.nodes.push(text);
    this.starts.push(this.text.length);
    this.text += data;
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
    this.closedInline = false;
    if (this.nodes.length === 0) return;
    if (this.ready) return; // the caller takes `ready` before the walk moves on
    if (this.hasText) {
      // The arrays are handed over, not copied: fewer allocations per block.
      this.ready = { text: this.text, nodes: this.nodes, starts: this.starts };
      this.nodes = [];
      this.starts = [];
    } else {
      this.nodes.length = 0;
      this.starts.length = 0;
    }
    this.text = '';
    this.hasText = false;
  }
}
