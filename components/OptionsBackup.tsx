// Options: every setting and dataset as one file, to keep or to move to another browser, and back.
import { useState } from 'preact/hooks';
import type { ImportIssue } from '../lib/settings/datasets';
import type { Result } from '../lib/settings/result';
import { Notice } from './Notice';
import { OptionsImportIssues } from './OptionsImportIssues';

export interface OptionsBackupProps {
  onExport: () => void;
  onRestore: (file: File) => Promise<Result<string, ImportIssue[]>>;
}

export function OptionsBackup({ onExport, onRestore }: OptionsBackupProps) {
  const [result, setResult] = useState<{
    file: string;
    result: Result<string, ImportIssue[]>;
  } | null>(null);
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Back up and restore</h2>
      <p class="hint">
        One file with your settings, styles, muted names and imported datasets. Restoring replaces
        what the file contains and leaves the rest.
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
          onChange={async (event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            setResult({ file: file.name, result: await onRestore(file) });
            input.value = '';
          }}
        />
      </div>
      <div aria-live="polite">
        {result?.result.ok === true && (
          <Notice tone="success">
            <p>{result.result.value}</p>
          </Notice>
        )}
        {result && !result.result.ok && (
          <OptionsImportIssues
            file={result.file}
            issues={result.result.error}
            hint="Your current settings are unchanged. Fix the file at the places listed, or choose another backup."
          />
        )}
      </div>
    </section>
  );
}
