// What the popup and side panel ask of a page: its entities in order of first appearance, with counts and snippets.
import type { Marking } from '../../shared/marking';
import type { PageMentions } from '../../shared/messaging';
import type { Mention } from '../highlight/mentions';

const MAX_SNIPPETS = 3;
const SNIPPET_CONTEXT = 40;

/**
 * One row per entity not muted; `mentions` in scan order (snippet n is the entity's n-th mention in that order). Every
 * mention counts, painted or not: under "first mention only" a count still says how much the page is about an entity
 * (and stepping reaches each one); "article only" leaves the rest of the page out of `mentions` already.
 */
export function summarize(
  url: string,
  active: boolean,
  marking: Marking,
  mentions: Iterable<Mention>,
  muted: ReadonlySet<string>,
): PageMentions {
  const rows = new Map<string, PageMentions['entities'][number]>();
  for (const mention of mentions) {
    if (muted.has(mention.entityId)) continue;
    let row = rows.get(mention.entityId);
    if (!row) {
      row = { entityId: mention.entityId, kind: mention.kind, count: 0, snippets: [] };
      rows.set(mention.entityId, row);
    }
    row.count++;
    if (row.snippets.length < MAX_SNIPPETS) row.snippets.push(snippet(mention.range));
  }
  return { url, active, marking, entities: [...rows.values()] };
}

/** Distinct entities not muted (for the badge), from the per-entity counts: no walk over the mentions. */
export function countDistinct(
  counts: ReadonlyMap<string, number>,
  muted: ReadonlySet<string>,
): number {
  let count = 0;
  for (const id of counts.keys()) if (!muted.has(id)) count++;
  return count;
}

/** The mention with up to SNIPPET_CONTEXT characters of its text node on each side, spaces squeezed. */
export function snippet(range: AbstractRange): string {
  const text = range.startContainer.textContent ?? '';
  const length =
    range.endContainer === range.startContainer ? range.endOffset - range.startOffset : 0;
  const start = Math.max(0, range.startOffset - SNIPPET_CONTEXT);
  const end = Math.min(text.length, range.startOffset + length + SNIPPET_CONTEXT);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
