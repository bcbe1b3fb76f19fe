// The library: every source the reader has (saved articles, imported datasets, the bundled article) as the side panel
// lists it — searchable, sortable, exportable as one dataset file.
import { combineDatasets } from '../shared/kb/combine';
import type { Dataset } from '../shared/kb/schema';
import type { DatasetOrigin, DatasetRow } from '../shared/store/rows';
import { type ChosenFile, importChosenFile, importedMessage } from './datasets';
import type { KnowledgeAccess } from './knowledge-access';

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

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;

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
          const day = ISO_DAY.exec(article.published.trim())?.[1];
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
    published: (a, b) => last(a.day, b.day) || (b.day ?? '').localeCompare(a.day ?? ''),
    added: () => 0,
    title: (a, b) => text.compare(a.title, b.title),
    site: (a, b) => last(a.site, b.site) || text.compare(a.site ?? '', b.site ?? ''),
  };
  return [...entries].sort((a, b) => by[sort](a, b) || newestAdded(a, b));
}

/**
 * The selected datasets as one dataset file's text (compact JSON, as options exports), or why not. Importing it
 * elsewhere goes through the same checks and resolution as any import.
 */
export async function exportSelected(
  knowledge: KnowledgeAccess,
  datasetIds: readonly string[],
  now = new Date(),
): Promise<{ ok: true; fileName: string; text: string } | { ok: false; message: string }> {
  if (datasetIds.length === 0)
    return { ok: false, message: 'Select at least one source to export.' };
  const files: Dataset[] = [];
  for (const id of datasetIds) {
    const file = await knowledge.reader.datasetFile(id);
    if (!file)
      return { ok: false, message: 'A selected source was removed meanwhile: select again.' };
    files.push(file);
  }
  const day = now.toISOString().slice(0, 10);
  const only = files.length === 1 ? files[0] : undefined;
  const combined =
    only ??
    combineDatasets(files, {
      id: `library-${day}-${files.length}`,
      name: `Backstory library: ${files.length} sources (${day})`,
    });
  return {
    ok: true,
    fileName: `${combined.id}.json`,
    text: `${JSON.stringify(combined)}\n`,
  };
}

/** What a library action came to, said above the list. */
export interface LibraryOutcome {
  tone: 'success' | 'error';
  title: string;
  text?: string;
}

/** Imports a dataset file into the library (the same checks and resolution as options), saying what happened. */
export async function importIntoLibrary(
  knowledge: KnowledgeAccess,
  file: ChosenFile,
): Promise<LibraryOutcome> {
  const failed = (text: string): LibraryOutcome => ({
    tone: 'error',
    title: `${file.name} was not imported`,
    text,
  });
  let imported: Awaited<ReturnType<typeof importChosenFile>>;
  try {
    imported = await importChosenFile(knowledge, file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(`The import could not finish (${reason}). Nothing was changed; try again.`);
  }
  if (imported.ok) return { tone: 'success', title: importedMessage(imported.value) };
  if (imported.error.kind !== 'invalid') return failed(imported.error.message);
  const { issues } = imported.error;
  const listed = issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`);
  const more = issues.length > 3 ? ` …and ${issues.length - 3} more.` : '';
  return failed(`${listed.join('; ')}.${more} Nothing was changed.`);
}

/** Deletes a saved article (kept a while for undo); null when done, else why not. */
export async function deleteFromLibrary(
  knowledge: KnowledgeAccess,
  entry: Pick<LibraryEntry, 'datasetId' | 'origin'>,
): Promise<string | null> {
  if (entry.origin !== 'saved')
    return 'Only articles you saved are deleted here; options manages the rest.';
  try {
    await knowledge.requests.removeDataset(entry.datasetId);
    return null;
  } catch (error) {
    return `It could not be deleted (${error instanceof Error ? error.message : String(error)}); try again.`;
  }
}

/** Brings back a saved article deleted lately; null when done, else why not. */
export async function undoDelete(
  knowledge: KnowledgeAccess,
  entry: Pick<LibraryEntry, 'datasetId'>,
): Promise<string | null> {
  const restored = await knowledge.requests.restoreRemoved(entry.datasetId);
  return restored.ok ? null : `It could not be brought back: ${restored.error}.`;
}
