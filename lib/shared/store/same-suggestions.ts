// Which stored entities may be the same as a given one, for the reader to confirm: the suggestions beside an entity
// (its view) and beside a new name (the review of a saved article). The rules are lib/shared/kb/same-entity.ts.
import { type Named, nameWords, sameEntity } from '../kb/same-entity';
import type { KnowledgeDb } from './db';
import type { EntityRow } from './rows';
import { pairKey } from './rows';

export interface SameSuggestion {
  entity: EntityRow;
  why: string;
  score: number;
}

const MAX_SUGGESTIONS = 5;

/**
 * Stored entities that may be `entity` (possible, not certain: certain ones are merged when stored), best first.
 * Compared: entities sharing a name word or its spelling key with it (an index look-up), of its kind, in datasets in
 * use, not already one with it, not said to be distinct.
 */
export async function sameSuggestions(
  db: KnowledgeDb,
  entity: Named & { dataset?: string },
  inUse: ReadonlySet<string>,
): Promise<SameSuggestion[]> {
  const words = nameWords(entity);
  if (words.length === 0) return [];
  const [candidates, merges] = await Promise.all([
    db.entities.where('words').anyOf(words).distinct().toArray(),
    db.merges.toArray(),
  ]);
  const into = new Map(merges.map((merge) => [merge.from, merge.into]));
  const head = into.get(entity.id) ?? entity.id;
  const pairs = candidates.map((other) => pairKey(entity.id, other.id));
  const distinct = new Set(
    (await db.distinct.bulkGet(pairs)).flatMap((row) => (row ? [row.pair] : [])),
  );
  const out: SameSuggestion[] = [];
  for (const other of candidates) {
    if (other.kind !== entity.kind || !inUse.has(other.dataset)) continue;
    if ((into.get(other.id) ?? other.id) === head) continue;
    if (distinct.has(pairKey(entity.id, other.id))) continue;
    const verdict = sameEntity(entity, other);
    if (verdict.same === 'possible')
      out.push({ entity: other, why: verdict.why, score: verdict.score });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, MAX_SUGGESTIONS);
}
