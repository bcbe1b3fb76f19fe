// The library: every source the reader has (saved articles, imported datasets, the bundled article) as the side panel
// lists it, searched and sorted (the actions on it: library-actions.ts).
import { newerFirst, publishedDay } from '../shared/source-line';
import type { DatasetOrigin, DatasetRow } from '../shared/store/rows';

/** One line of the library: a saved article, or a dataset (the bundled one, an imported file). */
export interface LibraryEntry {
  datasetId: string;
  /** The source to open; absent for a dataset of several sources (options lists those). */
  sourceId?: string;
  title: string;
  site?: string;
  /** As the source states it. */
  published?: string;
  /** The day it was published, "YYYY-MM-DD", when the source's date says so; sorts the library by date. */
  day?: string;
  origin: DatasetOrigin;
  /** When it was stored, ISO 8601. */
  addedAt: string;
  enabled: boolean;
  counts: DatasetRow['counts'];
}

export type LibrarySort = 'published' | 'added' | 'title' | 'site';

export const LIBRARY_SORTS: readonly { sort: LibrarySort; label: string }[] = [
  { sort: 'published', label: 'Published (newest first)' },
  { sort: 'added', label: 'Saved (newest first)' },
  { sort: 'title', label: 'Title (A–Z)' },
  { sort: 'site', label: 'Site (A–Z)' },
];

/** The library's entries, one per dataset that can be read (a damaged one has nothing to list). */
export function libraryEntries(rows: readonly DatasetRow[]): LibraryEntry[] {
  return rows
    .filter((row) => !row.damaged)
    .map((row) => {
      const article = row.article;
      const entry: LibraryEntry = {
        datasetId: row.id,
        title: article?.title ?? row.name,
        origin: row.origin,
        addedAt: row.addedAt,
        enabled: row.enabled,
        counts: row.counts,
      };
      if (article) {
        entry.sourceId = article.sourceId;
        if (article.site) entry.site = article.site;
        if (article.published) {
          entry.published = article.published;
          const day = publishedDay(article.published);
          if (day) entry.day = day;
        }
      }
      return entry;
    });
}

/** Lower case without accents, so "sao paulo" finds "São Paulo". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The entries whose title, site or date holds every word of `query`, in the order given. */
export function searchLibrary(entries: readonly LibraryEntry[], query: string): LibraryEntry[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = folded([entry.title, entry.site, entry.published].filter(Boolean).join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

const text = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The entries in `sort`'s order; ties (and entries without a date or site) fall back on the newest saved first. */
export function sortLibrary(entries: readonly LibraryEntry[], sort: LibrarySort): LibraryEntry[] {
  const newestAdded = (a: LibraryEntry, b: LibraryEntry) => b.addedAt.localeCompare(a.addedAt);
  const last = (a?: string, b?: string) => (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  const by: Record<LibrarySort, (a: LibraryEntry, b: LibraryEntry) => number> = {
    published: (a, b) => newerFirst(a.day, b.day),
    added: () => 0,
    title: (a, b) => text.compare(a.title, b.title),
    site: (a, b) => last(a.site, b.site) || text.compare(a.site ?? '', b.site ?? ''),
  };
  return [...entries].sort((a, b) => by[sort](a, b) || newestAdded(a, b));
}

/** What a library action came to, said above the list. */
export interface LibraryOutcome {
  tone: 'success' | 'error';
  title: string;
  text?: string;
}
