// Groups what a tab found by kind, with counts, for the "On this page" list and the popup.

import { ENTITY_KINDS, groupLabel } from '../shared/kinds';
import type { PageMentions } from '../shared/messaging';
import type { PageStatus } from './followed-page';
import type { EntityRef, PageEntity, PageGroup } from './models';

/** "1 mention", "3 mentions". */
export function mentionCount(count: number): string {
  return `${count} ${count === 1 ? 'mention' : 'mentions'}`;
}

/**
 * Joins the tab's rows with the knowledge base's names and groups them by kind. Within a group the
 * most mentioned come first; ties keep the page's order. An entity the panel's knowledge base does
 * not know (a dataset changed since the page was scanned) keeps the text found on the page.
 */
export function groupPageEntities(
  rows: PageMentions['entities'],
  lookup: (id: string) => EntityRef | undefined,
): PageGroup[] {
  const byKind = new Map<string, PageEntity[]>();
  for (const row of rows) {
    const known = lookup(row.entityId);
    const entity: PageEntity = {
      id: row.entityId,
      name: known?.name ?? row.snippets[0] ?? row.entityId,
      kind: row.kind,
      count: row.count,
      snippets: row.snippets,
    };
    const list = byKind.get(row.kind) ?? [];
    list.push(entity);
    byKind.set(row.kind, list);
  }
  const kinds = [...byKind.keys()].sort((a, b) => kindRank(a) - kindRank(b) || a.localeCompare(b));
  return kinds.map((kind) => {
    const entities = (byKind.get(kind) ?? [])
      .map((entity, order) => ({ entity, order }))
      .sort((a, b) => b.entity.count - a.entity.count || a.order - b.order)
      .map(({ entity }) => entity);
    return {
      kind,
      label: groupLabel(kind),
      entities,
      count: entities.reduce((sum, entity) => sum + entity.count, 0),
    };
  });
}

/** The followed page's status as a view shows it: a ready page's entities grouped (see groupPageEntities). */
export function groupStatus(
  status: PageStatus,
  lookup: (id: string) => EntityRef | undefined,
): PageStatus<PageGroup[]> {
  if (status.status !== 'ready') return status;
  return { ...status, found: groupPageEntities(status.found, lookup) };
}

function kindRank(kind: string): number {
  const rank = (ENTITY_KINDS as readonly string[]).indexOf(kind);
  return rank === -1 ? ENTITY_KINDS.length : rank;
}
