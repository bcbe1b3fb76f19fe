// One entity as the matcher needs it: every way of writing its name (the canonical name first), and its exclusions.
import type { Alias, Entity } from './schema';

export interface DictionaryItem {
  entityId: string;
  kind: string;
  name: string;
  /** Starts with the canonical name; each spelling once. */
  aliases: Alias[];
  /** Phrases that contain an alias but name something else: matched, never highlighted. */
  excludes?: Alias[];
}

/** All-caps names this short ("US", "EU", "NATO") are case-sensitive unless an alias says otherwise. */
const SHORT_ACRONYM = /^\p{Lu}{1,5}$/u;

/** The entity's dictionary item: its canonical name (with its listed case rule, else the acronym rule), then its aliases. */
export function dictionaryItem(entity: Entity): DictionaryItem {
  const aliases: Alias[] = [];
  const seen = new Set<string>();
  const add = (alias: Alias) => {
    const key = `${alias.caseSensitive ? 1 : 0}${alias.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    aliases.push({ text: alias.text, caseSensitive: alias.caseSensitive });
  };
  const listedName = entity.aliases.find((alias) => alias.text === entity.name);
  add(listedName ?? { text: entity.name, caseSensitive: SHORT_ACRONYM.test(entity.name) });
  for (const alias of entity.aliases) add(alias);
  const item: DictionaryItem = {
    entityId: entity.id,
    kind: entity.kind,
    name: entity.name,
    aliases,
  };
  if (entity.excludes?.length) item.excludes = entity.excludes;
  return item;
}
