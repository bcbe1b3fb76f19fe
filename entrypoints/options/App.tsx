// The options page: loads and watches every stored setting and wires the option sections to lib/settings.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { OptionsAppearance } from '../../components/OptionsAppearance';
import { OptionsBackup, type RestoreOffer } from '../../components/OptionsBackup';
import { type ImportOutcome, OptionsDatasets } from '../../components/OptionsDatasets';
import { OptionsMuted } from '../../components/OptionsMuted';
import { OptionsQuarantine } from '../../components/OptionsQuarantine';
import { OptionsSites } from '../../components/OptionsSites';
import { ok, type Result } from '../../lib/shared/result';
import { checkBackupFileSize, exportBackup } from '../../lib/shared/settings/backup';
import { importDatasetFile as importFile } from '../../lib/shared/settings/dataset-import';
import {
  datasetKey,
  getDatasetIndex,
  type ImportIssue,
  readDatasets,
  readEnabledDatasets,
  removeDataset,
  setAsideUnlistedDatasets,
  setDatasetAside,
  setDatasetEnabled,
  watchDatasetIndex,
} from '../../lib/shared/settings/datasets';
import {
  clearQuarantine,
  readQuarantine,
  watchQuarantine,
} from '../../lib/shared/settings/quarantine';
import { applyRestore, prepareRestore, resetAll } from '../../lib/shared/settings/restore';
import type {
  DatasetEntry,
  DatasetIndex,
  QuarantineEntry,
  Settings,
  Styles,
} from '../../lib/shared/settings/schema';
import {
  addSite,
  getMuted,
  getSettings,
  getStyles,
  removeSite,
  setEnabled,
  setKindStyle,
  setMode,
  unmute,
  watchMuted,
  watchSettings,
  watchStyles,
} from '../../lib/shared/settings/store';
import { downloadJson, today } from './download';
import { bundledDataset, entityNames, storedDatasetProblem, validateDataset } from './kb-bridge';

/** "Imported Fixture set: 3 entities, …" for one dataset; each with its counts for several. */
function importedMessage(entries: DatasetEntry[]): string {
  const counts = ({ counts: c }: DatasetEntry) =>
    `${c.entities} entities, ${c.quotes} quotes, ${c.events} events`;
  const [only] = entries;
  if (entries.length === 1 && only) return `Imported ${only.name}: ${counts(only)}.`;
  const each = entries.map((entry) => `${entry.name} (${counts(entry)})`).join('; ');
  return `Imported ${entries.length} datasets: ${each}.`;
}

interface Loaded {
  settings: Settings;
  styles: Styles;
  muted: string[];
  datasets: DatasetIndex;
  quarantine: QuarantineEntry[];
}

export function App() {
  const [state, setState] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const bundled = useMemo(() => bundledDataset(), []);

  useEffect(() => {
    let live = true;
    const patch = (part: Partial<Loaded>) => setState((old) => (old ? { ...old, ...part } : old));
    (async () => {
      // Reading first repairs anything unreadable, so the quarantine read after it is complete.
      const [settings, styles, muted, datasets] = await Promise.all([
        getSettings(),
        getStyles(),
        getMuted(),
        getDatasetIndex(),
      ]);
      // Data the (repaired) list no longer names is moved where the notice shows it and a reset keeps it.
      await setAsideUnlistedDatasets();
      const quarantine = await readQuarantine();
      if (live) setState({ settings, styles, muted, datasets, quarantine });
    })().catch((error: unknown) => setLoadError(String(error)));
    const stops = [
      watchSettings((settings) => patch({ settings })),
      watchStyles((styles) => patch({ styles })),
      watchMuted((muted) => patch({ muted })),
      watchDatasetIndex((datasets) => patch({ datasets })),
      watchQuarantine((quarantine) => patch({ quarantine })),
    ];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, []);

  // Names for the muted list come from every enabled dataset; recomputed when the list changes.
  const datasetsKey = JSON.stringify(
    state?.datasets.map((entry) => [entry.id, entry.enabled]) ?? [],
  );
  useEffect(() => {
    let live = true;
    void (async () => {
      const imported = await readEnabledDatasets();
      // This page checks what it reads as the background does, so damage shows even before a page asks.
      const usable: unknown[] = [];
      for (const item of imported) {
        const problem = storedDatasetProblem(item.data);
        if (problem === null) usable.push(item.data);
        else await setDatasetAside(item.entry, problem);
      }
      if (live) setNames(entityNames([bundled.data, ...usable]));
    })();
    return () => {
      live = false;
    };
  }, [datasetsKey, bundled]);

  async function importDatasetFile(file: File): Promise<ImportOutcome> {
    const imported = await importFile(file, validateDataset, [bundled.data]);
    if (!imported.ok) {
      return imported.error.kind === 'invalid'
        ? { ok: false, file: file.name, issues: imported.error.issues }
        : { ok: false, file: file.name, message: imported.error.message };
    }
    return { ok: true, message: importedMessage(imported.value) };
  }

  /** Checks a backup file and says what restoring it would replace; restoring waits for the user's yes. */
  async function checkRestoreFile(file: File): Promise<Result<RestoreOffer, ImportIssue[]>> {
    const size = checkBackupFileSize(file.name, file.size);
    if (!size.ok) return size;
    // A backup's datasets replace the stored ones, so they are checked against the bundled one and each other.
    const prepared = await prepareRestore(file.name, await file.text(), (text, accepted) =>
      validateDataset(text, [bundled.data, ...accepted]),
    );
    if (!prepared.ok) return prepared;
    const { plan, checked } = prepared.value;
    return ok({ plan, apply: () => applyRestore(checked) });
  }

  /** A dataset's file as stored; a damaged one's from the set-aside data its data was moved to. */
  async function exportDataset(id: string): Promise<void> {
    const entry = state?.datasets.find((item) => item.id === id);
    if (!state || !entry) return;
    if (entry.damaged) {
      const kept = state.quarantine.find((item) => item.key === datasetKey(id));
      if (kept) downloadJson(`${id}.json`, kept.raw);
      return;
    }
    // Data found missing now is set aside (the row then says so) rather than exported as an empty file.
    const [found] = await readDatasets([entry]);
    if (found) downloadJson(`${id}.json`, found.data);
  }

  if (loadError) {
    return (
      <main>
        <h1>Backstory options</h1>
        <Notice tone="error" title="The settings could not be loaded.">
          <p>{loadError}</p>
          <p>
            Reload this page. If it keeps happening, reinstalling the extension resets its storage.
          </p>
        </Notice>
      </main>
    );
  }
  if (!state) {
    return (
      <main aria-busy="true">
        <h1>Backstory options</h1>
        <p>Loading…</p>
      </main>
    );
  }

  return (
    <main>
      <h1>Backstory options</h1>
      <OptionsQuarantine
        entries={state.quarantine}
        onExport={() => downloadJson(`backstory-set-aside-${today()}.json`, state.quarantine)}
        onDiscard={() => void clearQuarantine()}
      />
      <OptionsSites
        settings={state.settings}
        onEnabled={(on) => void setEnabled(on)}
        onMode={(mode) => void setMode(mode)}
        onAdd={addSite}
        onRemove={(key) => void removeSite(key)}
      />
      <OptionsAppearance
        styles={state.styles}
        onStyle={(kind, patch) => void setKindStyle(kind, patch)}
      />
      <OptionsMuted
        muted={state.muted}
        nameOf={(id) => names.get(id)}
        onUnmute={(id) => void unmute(id)}
      />
      <OptionsDatasets
        bundled={bundled}
        entries={state.datasets}
        onImport={importDatasetFile}
        onToggle={(id, enabled) => void setDatasetEnabled(id, enabled)}
        onRemove={removeDataset}
        onExport={exportDataset}
        onExportAll={async () =>
          downloadJson(`backstory-datasets-${today()}.json`, await exportBackup('datasets'))
        }
        onReset={resetAll}
      />
      <OptionsBackup
        onExport={async () =>
          downloadJson(`backstory-backup-${today()}.json`, await exportBackup())
        }
        onCheck={checkRestoreFile}
      />
    </main>
  );
}
