// What the library's buttons do: export the selected sources as one file, import a file, delete with undo.
import { combineDatasets } from '../shared/kb/combine';
import type { Dataset } from '../shared/kb/schema';
import { type ChosenFile, importChosenFile, importedMessage } from './datasets';
import type { KnowledgeAccess } from './knowledge-access';
import type { LibraryEntry, LibraryOutcome } from './library';

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
