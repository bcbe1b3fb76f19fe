// The side panel's library: every source the reader has — found, sorted, opened, deleted (with undo), exported, imported.
import { useMemo, useRef, useState } from 'preact/hooks';
import {
  LIBRARY_SORTS,
  type LibraryEntry,
  type LibraryOutcome,
  type LibrarySort,
  searchLibrary,
  sortLibrary,
} from '../lib/pages/library';
import { readableDate } from '../lib/shared/source-line';
import { Notice } from './Notice';

export interface LibraryViewProps {
  entries: LibraryEntry[];
  onOpen(entry: LibraryEntry): void;
  /** Deletes a saved article (what no other source supports goes with it); null when done, else why not. */
  onDelete(entry: LibraryEntry): Promise<string | null>;
  /** Brings a deleted article back; null when done, else why not. */
  onUndoDelete(entry: LibraryEntry): Promise<string | null>;
  /** Offers the selected datasets as one dataset file; null when offered, else why not. */
  onExport(datasetIds: string[]): Promise<string | null>;
  onImport(file: File): Promise<LibraryOutcome>;
}

const ORIGIN: Record<LibraryEntry['origin'], string> = {
  saved: 'Saved by you',
  imported: 'Imported',
  bundled: 'Bundled with Backstory',
};

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "BBC News · 2 Sept 2025 · 12 entities, 3 quotes, 2 events". */
function entryLine(entry: LibraryEntry): string {
  const { entities, quotes, events } = entry.counts;
  const counts = [
    plural(entities, 'entity', 'entities'),
    plural(quotes, 'quote'),
    plural(events, 'event'),
  ].join(', ');
  return [entry.site, entry.published ? readableDate(entry.published) : undefined, counts]
    .filter(Boolean)
    .join(' · ');
}

export function LibraryView(props: LibraryViewProps) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<LibrarySort>('published');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<LibraryOutcome | null>(null);
  const [deleted, setDeleted] = useState<LibraryEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const shown = useMemo(
    () => sortLibrary(searchLibrary(props.entries, query), sort),
    [props.entries, query, sort],
  );
  // A deleted entry can't stay selected.
  const chosen = props.entries.filter((entry) => selected.has(entry.datasetId));
  const saved = props.entries.filter((entry) => entry.origin === 'saved').length;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const toggle = (entry: LibraryEntry, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(entry.datasetId);
    else next.delete(entry.datasetId);
    setSelected(next);
  };
  const remove = (entry: LibraryEntry) =>
    run(async () => {
      const why = await props.onDelete(entry);
      if (why) {
        setDeleted(null);
        setOutcome({ tone: 'error', title: `“${entry.title}” was not deleted`, text: why });
        return;
      }
      setOutcome(null);
      setDeleted(entry);
    });
  const undo = (entry: LibraryEntry) =>
    run(async () => {
      const why = await props.onUndoDelete(entry);
      setDeleted(null);
      setOutcome(
        why
          ? { tone: 'error', title: `“${entry.title}” could not be brought back`, text: why }
          : { tone: 'success', title: `“${entry.title}” is back.` },
      );
    });
  const exportChosen = () =>
    run(async () => {
      const why = await props.onExport(chosen.map((entry) => entry.datasetId));
      setOutcome(
        why
          ? { tone: 'error', title: 'Nothing was exported', text: why }
          : { tone: 'success', title: `Exported ${plural(chosen.length, 'source')} as one file.` },
      );
    });
  const importFile = (file: File) =>
    run(async () => {
      setDeleted(null);
      setOutcome(await props.onImport(file));
    });

  return (
    <section class="library" aria-labelledby="library-heading">
      <h1 id="library-heading" class="view-heading">
        Library
      </h1>
      <p class="muted library-summary">
        {plural(props.entries.length, 'source')}
        {saved > 0 ? ` · ${saved} saved by you` : ''}
      </p>
      <div class="library-tools">
        <label class="library-find">
          <span class="visually-hidden">Find in the library</span>
          <input
            type="search"
            placeholder="Find by title, site or date"
            spellcheck={false}
            autocomplete="off"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </label>
        <label class="library-sort">
          Sort{' '}
          <select
            value={sort}
            onChange={(event) => setSort(event.currentTarget.value as LibrarySort)}
          >
            {LIBRARY_SORTS.map((option) => (
              <option key={option.sort} value={option.sort}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {deleted ? (
        <Notice
          tone="success"
          title={`Deleted “${deleted.title}”.`}
          actions={
            <button type="button" disabled={busy} onClick={() => undo(deleted)}>
              Undo
            </button>
          }
        >
          <p>What only it said is gone from every page; what other sources also say stays.</p>
        </Notice>
      ) : null}
      {outcome ? (
        <Notice tone={outcome.tone} title={outcome.title}>
          {outcome.text ? <p>{outcome.text}</p> : null}
        </Notice>
      ) : null}

      {shown.length === 0 ? (
        <p class="muted">
          {props.entries.length === 0
            ? 'Nothing here yet: save an article you are reading to start your library.'
            : `No source matches “${query}”.`}
        </p>
      ) : (
        <ul class="library-list">
          {shown.map((entry) => (
            <li key={entry.datasetId} class="library-entry" data-dataset-id={entry.datasetId}>
              <input
                type="checkbox"
                aria-label={`Select ${entry.title}`}
                checked={selected.has(entry.datasetId)}
                onChange={(event) => toggle(entry, event.currentTarget.checked)}
              />
              <div class="library-entry-body">
                {entry.sourceId ? (
                  <button
                    type="button"
                    class="link library-title"
                    onClick={() => props.onOpen(entry)}
                  >
                    {entry.title}
                  </button>
                ) : (
                  <span class="library-title">{entry.title}</span>
                )}
                <p class="muted library-line">{entryLine(entry)}</p>
                <p class="muted library-origin">
                  {ORIGIN[entry.origin]}
                  {entry.enabled ? '' : ' · switched off in options'}
                </p>
              </div>
              {entry.origin === 'saved' ? (
                <button
                  type="button"
                  class="small"
                  aria-label={`Delete ${entry.title}`}
                  disabled={busy}
                  onClick={() => remove(entry)}
                >
                  Delete
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <div class="library-actions">
        <button
          type="button"
          class="primary"
          disabled={busy || chosen.length === 0}
          onClick={exportChosen}
        >
          {chosen.length > 0 ? `Export ${plural(chosen.length, 'source')}` : 'Export selected'}
        </button>
        <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
          Import a dataset file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          tabIndex={-1}
          aria-label="Dataset file to import"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
    </section>
  );
}
