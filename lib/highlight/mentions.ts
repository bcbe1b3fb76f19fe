// The mentions found on a page: live Ranges indexed by the text nodes they cover, kept in document order on demand.
import type { HighlightKind } from './styles';

export interface Mention {
  /** A live Range: the browser keeps it up to date as the page changes, and collapses it if its text goes. */
  readonly range: Range;
  readonly entityId: string;
  readonly kind: HighlightKind;
}

export class MentionIndex {
  private readonly all = new Set<Mention>();
  private readonly byNode = new Map<Node, Mention[]>();
  private ordered: Mention[] | null = [];

  get size(): number {
    return this.all.size;
  }

  add(mention: Mention, nodes: readonly Node[]): void {
    this.all.add(mention);
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
    this.ordered = null;
  }

  /** Mentions that cover `node` (a text node). */
  at(node: Node): readonly Mention[] {
    return this.byNode.get(node) ?? [];
  }

  /** Drops and returns every mention that covers one of `nodes` (used before re-scanning changed text). */
  removeCovering(nodes: Iterable<Node>): Mention[] {
    const removed: Mention[] = [];
    for (const node of nodes) {
      for (const mention of this.byNode.get(node) ?? []) {
        if (this.all.delete(mention)) removed.push(mention);
      }
      this.byNode.delete(node);
    }
    if (removed.length > 0) this.ordered = null;
    return removed;
  }

  /** Drops and returns mentions whose text left the document (their ranges collapsed or detached). */
  removeDisconnected(): Mention[] {
    const gone: Mention[] = [];
    for (const [node, list] of this.byNode) {
      if (node.isConnected) continue;
      for (const mention of list) if (this.all.delete(mention)) gone.push(mention);
      this.byNode.delete(node);
    }
    for (const mention of this.all) {
      if (mention.range.collapsed) {
        this.all.delete(mention);
        gone.push(mention);
      }
    }
    if (gone.length > 0) this.ordered = null;
    return gone;
  }

  clear(): Mention[] {
    const all = [...this.all];
    this.all.clear();
    this.byNode.clear();
    this.ordered = [];
    return all;
  }

  /** Mentions in document order (sorted lazily, once per change). */
  list(): readonly Mention[] {
    if (!this.ordered) {
      this.ordered = [...this.all].sort((a, b) =>
        a.range.compareBoundaryPoints(Range.START_TO_START, b.range),
      );
    }
    return this.ordered;
  }
}
