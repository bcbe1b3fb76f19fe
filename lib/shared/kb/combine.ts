// Several datasets as one file: what the library's "Export selected" writes (schema 1 resolves references inside one file).
import { type Dataset, SCHEMA_VERSION } from './schema';

/**
 * One dataset holding every item of `files`, each once. An entity two files carry (a saved article names entities of
 * others, and its file carries copies of them) is kept once: the copy that owns its role's evidence, else the first.
 */
export function combineDatasets(
  files: readonly Dataset[],
  about: { id: string; name: string },
): Dataset {
  const once = <T extends { id: string }>(
    lists: readonly (readonly T[])[],
    better?: (a: T, b: T) => boolean,
  ) => {
    const kept = new Map<string, T>();
    for (const list of lists)
      for (const item of list) {
        const earlier = kept.get(item.id);
        if (!earlier || better?.(item, earlier)) kept.set(item.id, item);
      }
    return [...kept.values()];
  };
  const ignored = [...new Set(files.flatMap((file) => file.ignoredNames ?? []))];
  return {
    schemaVersion: SCHEMA_VERSION,
    id: about.id,
    name: about.name,
    sources: once(files.map((file) => file.sources)),
    entities: once(
      files.map((file) => file.entities),
      (entity, earlier) => Boolean(entity.descriptionEvidence) && !earlier.descriptionEvidence,
    ),
    facts: once(files.map((file) => file.facts)),
    quotes: once(files.map((file) => file.quotes)),
    events: once(files.map((file) => file.events)),
    relations: once(files.map((file) => file.relations)),
    ...(ignored.length > 0 ? { ignoredNames: ignored } : {}),
  };
}
