// The mentions found on a page: static ranges indexed by the text nodes they cover, kept in document order on demand.
import type { EntityKind } from '../../shared/kinds';

export interface Mention {
  /**
   * A StaticRange where the browser has it. Never a live Range: every live Range is updated on every
   * DOM change, so thousands of them would slow the page's own scripts (measured: 200 insertions
   * took 18 s with 42,000 live ranges, 6 ms with static ones). Edited text is rescanned instead.
   */
  readonly range: AbstractRange;
  readonly entityId: string;
  readonly kind: EntityKind;
}

/** A short-lived Range over the same text, for measuring boxes or reading the text. */
export function liveRange(range: AbstractRange): Range {
  if (range instanceof Range) return range;
  const live = range.startContainer.ownerDocument?.createRange() ?? new Range();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** Document order of two ranges' starts: containers, then offsets (negative: `a` comes first). */
export function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const position = a.startContainer.compareDocumentPosition(b.startContainer);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

export class MentionIndex {
  /** Insertion order is scan order, which is document order for everything but later edits. */
  readonly #all = new Set<Mention>();
  readonly #perEntity = new Map<string, number>();
  readonly #byNode = new Map<Node, Mention[]>();
  #ordered: Mention[] | null = [];

  get size(): number {
    return this.#all.size;
  }

  add(mention: Mention, nodes: readonly Node[]): void {
    this.#all.add(mention);
    this.#perEntity.set(mention.entityId, (this.#perEntity.get(mention.entityId) ?? 0) + 1);
    for (const node of nodes) {
      const list = this.#byNode.get(node);
      if (list) list.push(mention);
      else this.#byNode.set(node, [mention]);
    }
    this.#ordered = null;
  }

  /** Drops one mention filed under `nodes` (a name the page now decides otherwise); false if it was not here. */
  remove(mention: Mention, nodes: readonly Node[]): boolean {
    if (!this.#forget(mention)) return false;
    for (const node of nodes) {
      const list = this.#byNode.get(node)?.filter((other) => other !== mention);
      if (list?.length) this.#byNode.set(node, list);
      else this.#byNode.delete(node);
    }
    return true;
  }

  /** Mentions that cover `node` (a text node). */
  at(node: Node): readonly Mention[] {
    return this.#byNode.get(node) ?? [];
  }

  /** Drops and returns every mention that covers one of `nodes` (used before re-scanning changed text). */
  removeCovering(nodes: Iterable<Node>): Mention[] {
    const removed: Mention[] = [];
    // Most nodes hold no mention (every node of a first scan): one look-up for them, no delete.
    for (const node of nodes) {
      const list = this.#byNode.get(node);
      if (!list) continue;
      for (const mention of list) if (this.#forget(mention)) removed.push(mention);
      this.#byNode.delete(node);
    }
    if (removed.length > 0) this.#ordered = null;
    return removed;
  }

  /** Drops and returns mentions whose text left the document (their ranges collapsed or detached). */
  removeDisconnected(): Mention[] {
    const gone: Mention[] = [];
    for (const [node, list] of this.#byNode) {
      if (node.isConnected) continue;
      for (const mention of list) if (this.#forget(mention)) gone.push(mention);
      this.#byNode.delete(node);
    }
    for (const mention of this.#all) {
      if (mention.range.collapsed && this.#forget(mention)) gone.push(mention);
    }
    if (gone.length > 0) this.#ordered = null;
    return gone;
  }

  clear(): Mention[] {
    const all = [...this.#all];
    this.#all.clear();
    this.#perEntity.clear();
    this.#byNode.clear();
    this.#ordered = [];
    return all;
  }

  /** How many mentions each entity has (kept as mentions come and go: no walk over them). */
  counts(): ReadonlyMap<string, number> {
    return this.#perEntity;
  }

  /** Mentions in the order they were found: cheap, and document order unless the page moved text around. */
  inScanOrder(): Iterable<Mention> {
    return this.#all;
  }

  #forget(mention: Mention): boolean {
    if (!this.#all.delete(mention)) return false;
    const left = (this.#perEntity.get(mention.entityId) ?? 1) - 1;
    if (left > 0) this.#perEntity.set(mention.entityId, left);
    else this.#perEntity.delete(mention.entityId);
    this.#ordered = null;
    return true;
  }

  /** Mentions in document order (sorted lazily, once per change; use for stepping, not for counting). */
  list(): readonly Mention[] {
    if (!this.#ordered) {
      this.#ordered = [...this.#all].sort((a, b) => compareStarts(a.range, b.range));
    }
    return this.#ordered;
  }
}
