// The dictionary's entries as a frame needs them, in one string it reads lazily.
//
// A frame matches with the matcher's tables, which hold every alias; of an entry it only needs what a match stands
// for (the entity and its kind), what a shared name may stand for (`among`, `lang`) and what it points at
// (`supports`). With a library of 1,000 saved articles the entries as JSON were 2.0 MB (16,016 entries, 1.0 MB without
// their aliases), parsed into objects in every frame of every page before the first match: as one line per entry,
// a frame splits the string once and reads an entry only when a match on its page needs it.
import type { DictionaryEntry, PageEntry } from '../messaging';

/** What an entry is, as its line's first field says. */
const ENTITY = 'e';
const OTHER = 'o';
const SHARED = 's';

const numbers = (list: readonly number[] | undefined): string => (list ?? []).join(',');
const parseNumbers = (text: string | undefined): number[] =>
  text ? text.split(',').map(Number) : [];

/** Ids and kinds are `[a-z0-9-]` (lib/shared/kb/schema.ts); a separator in one would shift every later field. */
function field(text: string): string {
  if (/[\t\n]/.test(text))
    throw new Error(`a dictionary field holds a separator: ${JSON.stringify(text)}`);
  return text;
}

/** One line per entry, in order: `e<TAB>id<TAB>kind<TAB>supports`, `o<TAB>supports`, `s<TAB>among<TAB>lang`. */
export function encodePageEntries(entries: readonly DictionaryEntry[]): string {
  return entries
    .map((entry) => {
      if ('entityId' in entry)
        return `${ENTITY}\t${field(entry.entityId)}\t${field(entry.kind)}\t${numbers(entry.supports)}`;
      if ('among' in entry) return `${SHARED}\t${numbers(entry.among)}\t${field(entry.lang ?? '')}`;
      return `${OTHER}\t${numbers(entry.supports)}`;
    })
    .join('\n');
}

/** The entries a frame looks up by a match's entry number. */
export interface EntryList {
  at(index: number): PageEntry | undefined;
}

/** Entry `index` of `entries`, if any (an array's `at` counts a negative index from its end: no entry has one). */
export function entryAt(entries: EntryList, index: number): PageEntry | undefined {
  return index >= 0 ? entries.at(index) : undefined;
}

/** Reads `encodePageEntries`'s string: each entry decoded the first time it is asked for. */
export class PageEntries implements EntryList {
  readonly #lines: string[];
  readonly #decoded: (PageEntry | undefined)[] = [];

  constructor(encoded: string) {
    this.#lines = encoded === '' ? [] : encoded.split('\n');
  }

  get length(): number {
    return this.#lines.length;
  }

  at(index: number): PageEntry | undefined {
    const line = index >= 0 ? this.#lines[index] : undefined;
    if (line === undefined) return undefined;
    let entry = this.#decoded[index];
    if (!entry) {
      entry = decodeLine(line);
      this.#decoded[index] = entry;
    }
    return entry;
  }
}

function decodeLine(line: string): PageEntry {
  const [type, a = '', b = '', c = ''] = line.split('\t');
  if (type === ENTITY) {
    const supports = parseNumbers(c);
    return supports.length > 0 ? { entityId: a, kind: b, supports } : { entityId: a, kind: b };
  }
  if (type === SHARED) return b ? { among: parseNumbers(a), lang: b } : { among: parseNumbers(a) };
  const supports = parseNumbers(a);
  return supports.length > 0 ? { other: '', supports } : { other: '' };
}
