// Options: the notice that some stored data could not be read and was set aside, with a way to export it.
import { useState } from 'preact/hooks';
import type { QuarantineEntry } from '../lib/shared/settings/schema';
import { Notice } from './Notice';
import { OptionsConfirm } from './OptionsConfirm';

const LABELS: Record<string, string> = {
  'local:settings': 'Site settings',
  'local:styles': 'Highlight styles',
  'local:muted': 'Muted names',
  'local:datasets': 'The list of imported datasets',
  'local:quarantine': 'Earlier set-aside data',
};

const DATA_PREFIX = 'local:dataset:';

function labelOf(key: string): string {
  if (key.startsWith(DATA_PREFIX)) return `Imported dataset “${key.slice(DATA_PREFIX.length)}”`;
  return LABELS[key] ?? key;
}

export interface OptionsQuarantineProps {
  entries: QuarantineEntry[];
  onExport: () => void;
  onDiscard: () => void;
}

export function OptionsQuarantine({ entries, onExport, onDiscard }: OptionsQuarantineProps) {
  const [exported, setExported] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (entries.length === 0) return null;
  // A dataset set aside is left out rather than replaced by defaults; say so when that is all there is.
  const onlyDatasets = entries.every((entry) => entry.key.startsWith(DATA_PREFIX));
  return (
    <Notice
      tone="warning"
      id="quarantine-notice"
      title={
        onlyDatasets
          ? 'Some imported data could not be read, so it is left out.'
          : 'Some stored data could not be read, so defaults are used in its place.'
      }
      actions={
        <>
          <button
            type="button"
            onClick={() => {
              onExport();
              setExported(true);
            }}
          >
            Export the set-aside data
          </button>
          {confirming ? (
            <OptionsConfirm
              legend="Confirm discarding the set-aside data"
              confirmLabel={`Discard it${exported ? '' : ' without exporting'}`}
              cancelLabel="Keep it"
              onConfirm={onDiscard}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Discard…
            </button>
          )}
        </>
      }
    >
      <p>
        It is kept, unchanged, until you discard it. Export it to keep a copy or to report a
        problem.
      </p>
      <ul>
        {entries.map((entry, i) => (
          <li key={i}>
            {labelOf(entry.key)}: {entry.reason}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
