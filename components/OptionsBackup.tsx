// Options: every setting and dataset as one file, to keep or to move to another browser, and back (after a confirmation).
import { useState } from 'preact/hooks';
import type { DatasetIssue } from '../lib/shared/kb/schema';
import type { Result } from '../lib/shared/result';
import { Notice } from './Notice';
import { OptionsConfirm } from './OptionsConfirm';
import { OptionsImportIssues } from './OptionsImportIssues';

/** A backup file that passed its checks: what restoring it would replace, and the restore itself. */
export interface RestoreOffer {
  plan: string[];
  /** Resolves to the success message (paragraphs), or the problems that stopped it. */
  apply(): Promise<Result<string[], DatasetIssue[]>>;
}

export interface OptionsBackupProps {
  onExport: () => void;
  onCheck: (file: File) => Promise<Result<RestoreOffer, DatasetIssue[]>>;
}

type Shown =
  | { kind: 'checking' }
  | { kind: 'confirm'; file: string; offer: RestoreOffer }
  | { kind: 'restoring' }
  | { kind: 'cancelled'; file: string }
  | { kind: 'result'; file: string; result: Result<string[], DatasetIssue[]> };

export function OptionsBackup({ onExport, onCheck }: OptionsBackupProps) {
  const [shown, setShown] = useState<Shown | null>(null);
  const busy = shown?.kind === 'checking' || shown?.kind === 'restoring';
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Back up and restore</h2>
      <p class="hint">
        One file with your settings, styles, muted names and imported datasets. Restoring replaces
        what the file contains and leaves the rest; you see what it replaces before it does.
      </p>
      <div class="actions">
        <button type="button" onClick={onExport}>
          Export all settings
        </button>
        <label for="backup-file">Restore from a backup file</label>
        <input
          id="backup-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={async (event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            setShown({ kind: 'checking' });
            const checked = await onCheck(file);
            input.value = '';
            setShown(
              checked.ok
                ? { kind: 'confirm', file: file.name, offer: checked.value }
                : { kind: 'result', file: file.name, result: checked },
            );
          }}
        />
      </div>
      {shown?.kind === 'confirm' && (
        <OptionsConfirm
          legend={`Confirm restoring ${shown.file}`}
          confirmLabel="Restore this backup"
          cancelLabel="Cancel"
          onConfirm={async () => {
            const { file, offer } = shown;
            setShown({ kind: 'restoring' });
            setShown({ kind: 'result', file, result: await offer.apply() });
          }}
          onCancel={() => setShown({ kind: 'cancelled', file: shown.file })}
        >
          <div class="restore-plan">
            {shown.offer.plan.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        </OptionsConfirm>
      )}
      <div aria-live="polite">
        {shown?.kind === 'checking' && <p>Checking the file…</p>}
        {shown?.kind === 'restoring' && <p>Restoring…</p>}
        {shown?.kind === 'cancelled' && (
          <Notice tone="info">
            <p>{shown.file} was not restored. Nothing was changed.</p>
          </Notice>
        )}
        {shown?.kind === 'result' && shown.result.ok && (
          <Notice tone="success">
            {shown.result.value.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </Notice>
        )}
        {shown?.kind === 'result' && !shown.result.ok && (
          <OptionsImportIssues
            file={shown.file}
            issues={shown.result.error}
            hint="Your current settings are unchanged. Fix the file at the places listed, or choose another backup."
          />
        )}
      </div>
    </section>
  );
}
