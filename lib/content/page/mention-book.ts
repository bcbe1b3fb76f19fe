// The page's mentions, kept in step with what is painted: one place files them as scans report them, one drops them,
// and the names the page decides (lib/shared/match/resolve.ts) are decided again whenever its evidence changes.
import { entityKind } from '../../shared/kinds';
import type { Density } from '../../shared/marking';
import { type EntryList, entryAt } from '../../shared/match/page-entries';
import { PageEvidence, pageLanguage, UNDECIDED } from '../../shared/match/resolve';
import { compareStarts, type Mention, MentionIndex } from '../highlight/mentions';
import type { WindowedPainter } from '../highlight/painter';
import { type ScannedBlock, toRange, toStaticRange } from '../scan/scan';

/** A name the page decides, or one that only tells the page something (another place of the same name). */
interface PageName {
  /** The dictionary entry matched. */
  readonly entry: number;
  /** The entry it is evidence for; UNDECIDED for a name the page decides (which is never evidence). */
  readonly noted: number;
  readonly range: AbstractRange;
  readonly nodes: readonly Text[];
  /** The mention it is decided as now, if any. */
  mention: Mention | null;
}

export class MentionBook {
  /** Read by hit-testing, stepping and the panel's queries; changed only through this class. */
  readonly index = new MentionIndex();
  readonly #painter: WindowedPainter;
  readonly #onDrop: (mention: Mention) => void;
  #entries: EntryList = [];
  #lang = '';
  #evidence = new PageEvidence([], '');
  /** What each mention that decides on its own is evidence for. */
  readonly #noted = new WeakMap<Mention, number>();
  readonly #names = new Set<PageName>();
  readonly #namesByNode = new Map<Node, PageName[]>();
  /** `#evidence.changes` when the names were last decided. */
  #decidedAt = 0;
  /** Under "first mention only": the one mention of each entity that is painted. */
  #firsts: Map<string, Mention> | null = null;

  /** `onDrop` hears of every mention that goes (the focused one must not outlive its text). */
  constructor(painter: WindowedPainter, onDrop: (mention: Mention) => void) {
    this.#painter = painter;
    this.#onDrop = onDrop;
  }

  /** Starts over with a dictionary, the page's language (its `lang`) and how many mentions to paint. */
  reset(entries: EntryList, lang: string | null, density: Density): void {
    this.#entries = entries;
    this.#lang = pageLanguage(lang);
    this.#firsts = density === 'first' ? new Map() : null;
    this.clear();
  }

  /** Replaces whatever was known about the block's text nodes with what the scan found now (in scope only). */
  file(block: ScannedBlock, inScope: (node: Node) => boolean = () => true): void {
    this.forget(block.textNodes);
    for (const hit of block.hits) {
      if (!inScope(hit.startNode)) continue;
      const direct = this.#evidence.direct(hit.entity);
      const range = toStaticRange(hit) ?? toRange(hit);
      if (direct !== UNDECIDED) this.#evidence.note(direct, 1);
      const mention = direct === UNDECIDED ? null : this.#mentionOf(direct, range);
      if (mention) {
        this.#noted.set(mention, direct);
        this.#add(mention, hit.nodes);
      } else this.#addName({ entry: hit.entity, noted: direct, range, nodes: hit.nodes, mention });
    }
    this.#decide();
  }

  /** Drops the mentions covering `textNodes`; true if there were any. */
  forget(textNodes: Iterable<Node>): boolean {
    const nodes = [...textNodes];
    const dropped = this.#drop(this.index.removeCovering(nodes));
    for (const node of nodes) this.#dropNames(node);
    this.#decide();
    return dropped;
  }

  /** Drops the mentions whose text left the page; true if there were any. */
  forgetDisconnected(): boolean {
    const dropped = this.#drop(this.index.removeDisconnected());
    for (const node of this.#namesByNode.keys()) if (!node.isConnected) this.#dropNames(node);
    this.#decide();
    return dropped;
  }

  setMuted(muted: ReadonlySet<string>): void {
    this.#painter.setMuted(muted);
  }

  /** Whether the mention is painted (under "first mention only", the later ones of its entity are not). */
  isPainted(mention: Mention): boolean {
    return !this.#firsts || this.#firsts.get(mention.entityId) === mention;
  }

  /** Forgets and unpaints everything (no drops reported: the caller starts over). */
  clear(): void {
    this.#painter.clear();
    this.index.clear();
    this.#names.clear();
    this.#namesByNode.clear();
    this.#firsts?.clear();
    this.#evidence = new PageEvidence(this.#entries, this.#lang);
    this.#decidedAt = this.#evidence.changes;
  }

  /** A mention of the entity `entry` is (null: an entry that names no entity, never painted). */
  #mentionOf(entry: number, range: AbstractRange): Mention | null {
    const found = entryAt(this.#entries, entry);
    return found && 'entityId' in found
      ? { range, entityId: found.entityId, kind: entityKind(found.kind) }
      : null;
  }

  #add(mention: Mention, nodes: readonly Text[]): void {
    this.index.add(mention, nodes);
    const firsts = this.#firsts;
    const first = firsts?.get(mention.entityId);
    if (!firsts) this.#painter.add(mention);
    else if (!first || compareStarts(mention.range, first.range) < 0) {
      if (first) this.#painter.delete(first);
      firsts.set(mention.entityId, mention);
      this.#painter.add(mention);
    }
  }

  /** Unpaints and reports mentions already out of the index; what they were evidence for loses it. */
  #drop(mentions: readonly Mention[]): boolean {
    for (const mention of mentions) {
      this.#painter.delete(mention);
      this.#onDrop(mention);
      const noted = this.#noted.get(mention);
      if (noted !== undefined) this.#evidence.note(noted, -1);
      if (this.#firsts?.get(mention.entityId) === mention) this.#nextFirst(mention.entityId);
    }
    return mentions.length > 0;
  }

  /** The first mention of an entity went: the earliest one left is painted instead. */
  #nextFirst(entityId: string): void {
    const firsts = this.#firsts as Map<string, Mention>;
    firsts.delete(entityId);
    for (const mention of this.index.inScanOrder()) {
      if (mention.entityId !== entityId) continue;
      const next = firsts.get(entityId);
      if (!next || compareStarts(mention.range, next.range) < 0) firsts.set(entityId, mention);
    }
    const next = firsts.get(entityId);
    if (next) this.#painter.add(next);
  }

  #addName(name: PageName): void {
    this.#names.add(name);
    for (const node of name.nodes) {
      const list = this.#namesByNode.get(node);
      if (list) list.push(name);
      else this.#namesByNode.set(node, [name]);
    }
    // The evidence so far decides it now; later evidence decides it again (#decide).
    if (name.noted === UNDECIDED) this.#decideName(name);
  }

  /** Drops the names on `node` (their mentions are out of the index already, or go now). */
  #dropNames(node: Node): void {
    for (const name of this.#namesByNode.get(node) ?? []) {
      if (!this.#names.delete(name)) continue;
      if (name.noted !== UNDECIDED) this.#evidence.note(name.noted, -1);
      if (name.mention && this.index.remove(name.mention, name.nodes)) this.#drop([name.mention]);
    }
    this.#namesByNode.delete(node);
  }

  /** Decides every name again if what the page names changed since they were last decided. */
  #decide(): void {
    if (this.#evidence.changes === this.#decidedAt) return;
    this.#decidedAt = this.#evidence.changes;
    for (const name of this.#names) if (name.noted === UNDECIDED) this.#decideName(name);
  }

  #decideName(name: PageName): void {
    const decided = this.#mentionOf(this.#evidence.decide(name.entry), name.range);
    const old = name.mention;
    if (decided?.entityId === old?.entityId) return;
    name.mention = decided;
    if (old && this.index.remove(old, name.nodes)) this.#drop([old]);
    if (decided) this.#add(decided, name.nodes);
  }
}
