// The dictionary every frame matches with: an entry per entity of the knowledge base, and the data that lets a page
// decide the names several things share. lib/shared/match/resolve.ts has the rules; this module gives them their
// data, once per knowledge version in the background, so a frame only counts and looks up.
//
// - A name (folded as the matcher folds it) that more than one entry has becomes one shared-name entry, `among`
//   them: "Kallas" for Kaja and Siim Kallas. The entities keep the names only they have ("Kaja Kallas").
// - A place of the knowledge base under a namesake's name (namesakes.ts: "Washington") gets that place's own longer
//   names ("Washington, D.C."), and the other place becomes an OtherEntry with its own ("Washington state"): the
//   bare name is then shared between them, and the places around each ("Seattle") point to it.
// - Entities that share a name get `supports` from the entities the knowledge base links them to (relations, shared
//   events): a page naming Estonia points "Kallas" to the Kallas whose facts are about Estonia.
// - An entity's case-sensitive names in Latin script are written for English pages (the language of the bundled
//   dataset and of extraction; a dataset file names none): each entity's go into a shared-name entry of its own
//   with `lang`, so a page in another language decides them (rule 5 of resolve.ts).
// Entity i is entry i, in the knowledge base's order; other places, shared names and language-bound names follow.
import { dictionaryItem } from '../shared/kb/dictionary';
import type { Entity } from '../shared/kb/schema';
import type {
  DictionaryAlias,
  DictionaryEntry,
  EntityEntry,
  OtherEntry,
  SharedNameEntry,
} from '../shared/messaging';
import { foldKey } from '../shared/store/fold-key';
import { NAMESAKES, type Namesake } from './namesakes';

/** The language the knowledge base's names are written in. */
export const KNOWLEDGE_LANGUAGE = 'en';

/** Latin letters only (and whatever is not a letter): "U.S.", "Trump", not "Путина". */
const LATIN_ONLY = /^(?:\p{Script=Latin}|\P{L})*$/u;

type Owner = EntityEntry | OtherEntry;

const anyCase = (text: string): DictionaryAlias => ({ text, caseSensitive: false });

/** The dictionary of `entities` (in use, in the knowledge base's order); `withSupports` adds what links them. */
export function buildPageDictionary(entities: readonly Entity[]): DictionaryEntry[] {
  const owners: Owner[] = entities.map((entity) => {
    const { entityId, kind, aliases, excludes } = dictionaryItem(entity);
    return excludes ? { entityId, kind, aliases, excludes } : { entityId, kind, aliases };
  });
  addNamesakes(entities, owners);
  const shared = shareNames(owners);
  const bound = bindLanguage(owners);
  return [...owners, ...shared, ...bound];
}

/** The ids of the entities a page may have to choose between: whose links `withSupports` needs. */
export function sharingEntityIds(entries: readonly DictionaryEntry[]): string[] {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (!('among' in entry) || entry.among.length < 2) continue;
    for (const index of entry.among) {
      const candidate = entries[index];
      if (candidate && 'entityId' in candidate) ids.add(candidate.entityId);
    }
  }
  return [...ids];
}

/**
 * Points every entity linked to one a page may have to choose (`linked`: its id → the ids the knowledge base links it
 * to) at that one. Changes `entries` in place and returns them.
 */
export function withSupports(
  entries: DictionaryEntry[],
  linked: ReadonlyMap<string, readonly string[]>,
): DictionaryEntry[] {
  const indexOf = new Map<string, number>();
  entries.forEach((entry, index) => {
    if ('entityId' in entry) indexOf.set(entry.entityId, index);
  });
  for (const id of sharingEntityIds(entries)) {
    const candidate = indexOf.get(id);
    if (candidate === undefined) continue;
    for (const other of linked.get(id) ?? []) {
      const index = indexOf.get(other);
      const entry = index === undefined ? undefined : entries[index];
      if (entry && index !== candidate && 'entityId' in entry) support(entry, candidate);
    }
  }
  return entries;
}

function support(entry: Owner, target: number): void {
  const supports = entry.supports ?? [];
  if (!supports.includes(target)) supports.push(target);
  entry.supports = supports;
}

/** The entries that have each folded name, in dictionary order. */
function namesOf(owners: readonly Owner[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  owners.forEach((owner, index) => {
    for (const alias of owner.aliases) {
      const key = foldKey(alias.text);
      if (!key) continue;
      const list = byKey.get(key);
      if (!list) byKey.set(key, [index]);
      else if (!list.includes(index)) list.push(index);
    }
  });
  return byKey;
}

/**
 * For each namesake the knowledge base has exactly one place under (none: nothing to tell apart; several: it holds
 * namesakes of its own, and their own names decide), the places it is not become other entries.
 */
function addNamesakes(entities: readonly Entity[], owners: Owner[]): void {
  const byKey = namesOf(owners);
  for (const namesake of NAMESAKES) {
    const places = (byKey.get(foldKey(namesake.name)) ?? []).filter(
      (index) => entities[index]?.kind === 'place',
    );
    const [index] = places;
    const owner = index === undefined ? undefined : owners[index];
    if (places.length !== 1 || index === undefined || !owner) continue;
    const meant = senseOf(namesake, entities[index]?.description);
    namesake.senses.forEach((place, sense) => {
      let target = index;
      if (sense === meant) {
        for (const name of place.names) {
          if (!owner.aliases.some((alias) => alias.text === name))
            owner.aliases.push(anyCase(name));
        }
      } else {
        target =
          owners.push({
            other: `${namesake.name} (${place.label})`,
            aliases: [anyCase(namesake.name), ...place.names.map(anyCase)],
          }) - 1;
      }
      for (const name of place.around) {
        const known = byKey.get(foldKey(name));
        if (known) for (const other of known) support(owners[other] as Owner, target);
        else owners.push({ other: name, aliases: [anyCase(name)], supports: [target] });
      }
    });
  }
}

/** Which of the namesake's places an entity is: the one its description names, else the usual one, else none (-1). */
function senseOf(namesake: Namesake, description: string | undefined): number {
  const described = namesake.senses.flatMap((place, index) =>
    description && place.described.test(description) ? [index] : [],
  );
  return described.length === 1 ? (described[0] as number) : (namesake.usual ?? -1);
}

/** Moves every name more than one owner has into a shared-name entry (indexes follow the owners). */
function shareNames(owners: Owner[]): SharedNameEntry[] {
  const shared: SharedNameEntry[] = [];
  for (const [key, among] of namesOf(owners)) {
    if (among.length < 2) continue;
    const aliases: DictionaryAlias[] = [];
    for (const index of among) {
      const owner = owners[index] as Owner;
      owner.aliases = owner.aliases.filter((alias) => {
        if (foldKey(alias.text) !== key) return true;
        if (!aliases.some((a) => a.text === alias.text && a.caseSensitive === alias.caseSensitive))
          aliases.push(alias);
        return false;
      });
    }
    shared.push({ among, aliases });
  }
  return shared;
}

/** Moves each entity's case-sensitive Latin names into an entry bound to the knowledge base's language. */
function bindLanguage(owners: Owner[]): SharedNameEntry[] {
  const bound: SharedNameEntry[] = [];
  owners.forEach((owner, index) => {
    if (!('entityId' in owner)) return;
    const written = owner.aliases.filter(
      (alias) => alias.caseSensitive && LATIN_ONLY.test(alias.text),
    );
    if (written.length === 0) return;
    owner.aliases = owner.aliases.filter((alias) => !written.includes(alias));
    bound.push({ among: [index], lang: KNOWLEDGE_LANGUAGE, aliases: written });
  });
  return bound;
}
