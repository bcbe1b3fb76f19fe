// The page's mentions, kept in step with what is painted: one place files them as scans report them, one drops them.
import { entityKind } from '../../shared/kinds';
import type { DictionaryEntry } from '../../shared/messaging';
import { type Mention, MentionIndex } from '../highlight/mentions';
import type { WindowedPainter } from '../highlight/painter';
import { type ScannedBlock, toRange, toStaticRange } from '../scan/scan';

export class MentionBook {
  /** Read by hit-testing, stepping and the panel's queries; changed only through this class. */
  readonly index = new MentionIndex();
  readonly #painter: WindowedPainter;
  readonly #onDrop: (mention: Mention) => void;

  /** `onDrop` hears of every mention that goes (the focused one must not outlive its text). */
  constructor(painter: WindowedPainter, onDrop: (mention: Mention) => void) {
    this.#painter = painter;
    this.#onDrop = onDrop;
  }

  /** Replaces whatever was known about the block's text nodes with what the scan found now. */
  file(block: ScannedBlock, entries: readonly DictionaryEntry[]): void {
    this.forget(block.textNodes);
    for (const hit of block.hits) {
      const entry = entries[hit.entity];
      if (!entry) continue;
      const range = toStaticRange(hit) ?? toRange(hit);
      const mention: Mention = { range, entityId: entry.entityId, kind: entityKind(entry.kind) };
      this.index.add(mention, hit.nodes);
      this.#painter.add(mention);
    }
  }

  /** Drops the mentions covering `textNodes`; true if there were any. */
  forget(textNodes: Iterable<Node>): boolean {
    return this.#drop(this.index.removeCovering(textNodes));
  }

  /** Drops the mentions whose text left the page; true if there were any. */
  forgetDisconnected(): boolean {
    return this.#drop(this.index.removeDisconnected());
  }

  setMuted(muted: ReadonlySet<string>): void {
    this.#painter.setMuted(muted);
  }

  /** Forgets and unpaints everything (no drops reported: the caller starts over). */
  clear(): void {
    this.#painter.clear();
    this.index.clear();
  }

  #drop(mentions: readonly Mention[]): boolean {
    for (const mention of mentions) {
      this.#painter.delete(mention);
      this.#onDrop(mention);
    }
    return mentions.length > 0;
  }
}
