// Options: the bundled dataset, imported ones and saved articles (import by file picker or drag and drop, disable, remove, export), and reset.
import { useState } from 'preact/hooks';
import type { DatasetIssue } from '../lib/shared/kb/schema';
import { readableDate } from '../lib/shared/source-line';
import type { DatasetCounts, DatasetDamage, DatasetRow } from '../lib/shared/store/rows';
import { Notice } from './Notice';
import { OptionsConfirm } from './OptionsConfirm';
import { OptionsImportIssues } from './OptionsImportIssues';
import { Switch } from './Switch';

export type ImportOutcome =
  | { ok: true; message: string }
  | { ok: false; file: string; issues: DatasetIssue[] }
  | { ok: false; file: string; message: string };

export interface OptionsDatasetsProps {
  bundled: { name: string; counts: DatasetCounts } | null;
  entries: DatasetRow[];
  onImport: (file: File) => Promise<ImportOutcome>;
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => Promise<void>;
  onExport: (id: string) => void;
  onExportAll: () => void;
  onReset: () => Promise<void>;
}

function countsText(counts: DatasetCounts): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counts.entities, 'entity').replace('entitys', 'entities')}, ${plural(counts.quotes, 'quote')}, ${plural(counts.events, 'event')}`;
}

/** A saved article's line: what it holds, its site and publication date as the page gave them, when it was saved. */
function savedText(entry: DatasetRow): string {
  const article = entry.article;
  const published = article?.published ? readableDate(article.published) : undefined;
  return [
    countsText(entry.counts),
    article?.site,
    published,
    `saved ${new Date(entry.addedAt).toLocaleDateString()}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The row's line for a dataset set aside: what to do, then why (the reason starts lower case). */
function damageText(damage: DatasetDamage): string {
  const action = damage.kept ? 'export or remove' : 'remove it, then import its file again';
  return `Damaged — ${action}: ${damage.reason}.`;
}

export function OptionsDatasets(props: OptionsDatasetsProps) {
  const { bundled, entries } = props;
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [resetDone, setResetDone] = useState(false);

  async function importFile(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    setResetDone(false);
    try {
      setOutcome(await props.onImport(file));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="datasets-heading">
      <h2 id="datasets-heading">Datasets</h2>
      <ul class="dataset-list" aria-label="Datasets">
        <li class="dataset">
          <div>
            <strong>{bundled?.name ?? 'Bundled dataset'}</strong>{' '}
            <span class="badge">built in</span>
            <div class="hint">{bundled ? countsText(bundled.counts) : 'Loading…'}</div>
          </div>
        </li>
        {entries.map((entry) => (
          <li
            class={`dataset${entry.damaged ? ' damaged' : ''}`}
            key={entry.id}
            data-dataset-id={entry.id}
          >
            <div>
              <strong>{entry.name}</strong>
              {entry.damaged ? (
                <>
                  {' '}
                  <span class="badge badge-warning">damaged</span>
                  <div class="hint">{damageText(entry.damaged)}</div>
                </>
              ) : entry.origin === 'saved' ? (
                <>
                  {' '}
                  <span class="badge">saved article</span>
                  <div class="hint">{savedText(entry)}</div>
                </>
              ) : (
                <div class="hint">
                  {countsText(entry.counts)} · imported{' '}
                  {new Date(entry.addedAt).toLocaleDateString()}
                </div>
              )}
            </div>
            {/* A damaged dataset can't be used, so there is nothing to switch. */}
            {!entry.damaged && (
              <Switch
                id={`dataset-${entry.id}`}
                label={`Use ${entry.name}`}
                checked={entry.enabled}
                onChange={(enabled) => props.onToggle(entry.id, enabled)}
              />
            )}
            <div class="row-actions">
              {(!entry.damaged || entry.damaged.kept) && (
                <button
                  type="button"
                  onClick={() => props.onExport(entry.id)}
                  aria-label={`Export ${entry.name}`}
                >
                  Export
                </button>
              )}
              {confirming === entry.id ? (
                <OptionsConfirm
                  legend={`Confirm removing ${entry.name}`}
                  confirmLabel={`Remove ${entry.name}`}
                  cancelLabel="Keep"
                  onConfirm={async () => {
                    setConfirming(null);
                    await props.onRemove(entry.id);
                  }}
                  onCancel={() => setConfirming(null)}
                >
                  {entry.damaged?.kept && (
                    <span>Its set-aside data goes too; export it first to keep a copy.</span>
                  )}
                </OptionsConfirm>
              ) : (
                <button
                  type="button"
                  onClick={() => setConfirming(entry.id)}
                  aria-label={`Remove ${entry.name}…`}
                >
                  Remove…
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>

      {/* biome-ignore lint/a11y/noStaticElementInteractions: only a drop target; the file input inside is the keyboard path */}
      <div
        class={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="dataset-dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void importFile(event.dataTransfer?.files[0]);
        }}
      >
        <label for="dataset-file">Import a dataset (a .json file in the Backstory format)</label>
        <input
          id="dataset-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            void importFile(input.files?.[0]).then(() => {
              input.value = '';
            });
          }}
        />
        <p class="hint">or drop the file here.</p>
      </div>
      <div aria-live="polite">
        {busy && <p>Checking the file…</p>}
        {outcome?.ok === true && (
          <Notice tone="success">
            <p>{outcome.message}</p>
          </Notice>
        )}
        {outcome?.ok === false &&
          ('issues' in outcome ? (
            <OptionsImportIssues
              file={outcome.file}
              issues={outcome.issues}
              hint="Fix the file at the places listed and import it again."
            />
          ) : (
            <Notice tone="error" title={`${outcome.file} was not imported.`}>
              <p>{outcome.message}</p>
            </Notice>
          ))}
      </div>

      <div class="actions">
        <button type="button" onClick={props.onExportAll} disabled={entries.length === 0}>
          Export all imported datasets
        </button>
        {confirming === 'reset' ? (
          <OptionsConfirm
            legend="Confirm reset"
            confirmLabel="Reset everything"
            cancelLabel="Cancel"
            onConfirm={async () => {
              setConfirming(null);
              setOutcome(null);
              await props.onReset();
              setResetDone(true);
            }}
            onCancel={() => setConfirming(null)}
          >
            <span>
              Reset removes every imported dataset, your site list, styles and muted names.
            </span>
          </OptionsConfirm>
        ) : (
          <button type="button" onClick={() => setConfirming('reset')}>
            Reset to defaults…
          </button>
        )}
      </div>
      {resetDone && (
        <Notice tone="success">
          <p>Everything is back to the defaults.</p>
        </Notice>
      )}
    </section>
  );
}
