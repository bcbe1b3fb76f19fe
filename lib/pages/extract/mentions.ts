// Finds where entities are mentioned in the saved text, with the product's own matcher, so the draft counts what a reader will see highlighted.
import type { DictionaryItem } from '../../shared/kb/dictionary';
import { compileMatcher, type Matcher } from '../../shared/match/matcher';
import type { Alias, EntityRef } from './types';

export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly ref: EntityRef;
}

/** Mentions of the dictionary's entities; `matcher`, when given, must be compiled from `dictionary`. */
export function findKnownMentions(
  text: string,
  dictionary: readonly DictionaryItem[],
  matcher: Matcher = compileMatcher(dictionary),
): Mention[] {
  const out: Mention[] = [];
  for (const match of matcher.find(text)) {
    const item = dictionary[match.entity];
    if (item)
      out.push({ start: match.start, end: match.end, ref: { source: 'known', id: item.entityId } });
  }
  return out;
}

/** Mentions of new entities by any of their names. */
export function findNewMentions(
  text: string,
  entities: readonly { id: string; name: string; aliases: readonly Alias[] }[],
): Mention[] {
  const matcher = compileMatcher(
    entities.map((entity) => ({
      aliases: [{ text: entity.name, caseSensitive: false }, ...entity.aliases],
    })),
  );
  const out: Mention[] = [];
  for (const match of matcher.find(text)) {
    const entity = entities[match.entity];
    if (entity)
      out.push({ start: match.start, end: match.end, ref: { source: 'new', id: entity.id } });
  }
  return out;
}

/** One list, leftmost-longest without overlaps; on equal spans the dictionary's entity wins. */
export function mergeMentions(known: readonly Mention[], found: readonly Mention[]): Mention[] {
  const all = [...known, ...found].sort(
    (a, b) =>
      a.start - b.start ||
      b.end - a.end ||
      Number(a.ref.source === 'new') - Number(b.ref.source === 'new'),
  );
  const out: Mention[] = [];
  let end = -1;
  for (const mention of all) {
    if (mention.start < end) continue;
    out.push(mention);
    end = mention.end;
  }
  return out;
}
