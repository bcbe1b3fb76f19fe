// The options page: loads and watches every stored setting and the datasets, and wires the option sections to lib/.
import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { OptionsAppearance } from '../../components/OptionsAppearance';
import { OptionsBackup, type RestoreOffer } from '../../components/OptionsBackup';
import { type ImportOutcome, OptionsDatasets } from '../../components/OptionsDatasets';
import { OptionsMarking } from '../../components/OptionsMarking';
import { OptionsMuted } from '../../components/OptionsMuted';
import { OptionsQuarantine } from '../../components/OptionsQuarantine';
import { OptionsSites } from '../../components/OptionsSites';
import {
  backupFile,
  datasetFileText,
  importChosenFile,
  importedMessage,
  listDatasets,
  prepareRestore,
  resetEverything,
} from '../../lib/pages/datasets';
import { downloadJson, downloadText, today } from '../../lib/pages/download';
import { type KnowledgeAccess, pageKnowledge } from '../../lib/pages/knowledge-access';
import type { DatasetIssue } from '../../lib/shared/kb/schema';
import { ok, type Result } from '../../lib/shared/result';
import {
  clearQuarantine,
  readQuarantine,
  watchQuarantine,
} from '../../lib/shared/settings/quarantine';
import type { QuarantineEntry, Settings, Styles } from '../../lib/shared/settings/schema';
import {
  addSite,
  clearSiteMarking,
  getMuted,
  getSettings,
  getStyles,
  removeSite,
  setDefaultMarking,
  setEnabled,
  setKindStyle,
  setMode,
  unmute,
  watchMuted,
  watchSettings,
  watchStyles,
} from '../../lib/shared/settings/store';
import type { DatasetRow } from '../../lib/shared/store/rows';

interface Loaded {
  settings: Settings;
  styles: Styles;
  muted: string[];
  bundled: DatasetRow | undefined;
  datasets: DatasetRow[];
  quarantine: QuarantineEntry[];
}

/** `knowledge`: the store this page reads and the background it asks (tests hand it the background's own code). */
export function App({ knowledge = defaultKnowledge() }: { knowledge?: KnowledgeAccess }) {
  const [state, setState] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    let live = true;
    const patch = (part: Partial<Loaded>) => setState((old) => (old ? { ...old, ...part } : old));
    const readDatasets = async () => {
      const { bundled, others } = await listDatasets(knowledge);
      return { bundled, datasets: others };
    };
    (async () => {
      // Reading first repairs anything unreadable, so the quarantine read after it is complete.
      const [settings, styles, muted, datasets] = await Promise.all([
        getSettings(),
        getStyles(),
        getMuted(),
        readDatasets(),
      ]);
      const quarantine = await readQuarantine();
      if (live) setState({ settings, styles, muted, ...datasets, quarantine });
    })().catch((error: unknown) => setLoadError(String(error)));
    const stops = [
      watchSettings((settings) => patch({ settings })),
      watchStyles((styles) => patch({ styles })),
      watchMuted((muted) => patch({ muted })),
      knowledge.watch(() => void readDatasets().then((datasets) => live && patch(datasets))),
      watchQuarantine((quarantine) => patch({ quarantine })),
    ];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, [knowledge]);

  // Names for the muted list, from the datasets in use; read again when the muted list or the datasets change.
  const namesKey = JSON.stringify([
    state?.muted ?? [],
    state?.datasets.map((row) => [row.id, row.enabled]) ?? [],
  ]);
  useEffect(() => {
    let live = true;
    void knowledge.reader.entities(state?.muted ?? []).then((found) => {
      if (live) setNames(new Map([...found.values()].map((entity) => [entity.id, entity.name])));
    });
    return () => {
      live = false;
    };
  }, [namesKey, knowledge]);

  async function importDatasetFile(file: File): Promise<ImportOutcome> {
    let imported: Awaited<ReturnType<typeof importChosenFile>>;
    try {
      imported = await importChosenFile(knowledge, file);
    } catch (error) {
      // The background failed in a way it could not name (its write is one transaction: nothing was kept).
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        file: file.name,
        message: `The import could not finish (${reason}). Nothing was changed; try again, and if it keeps failing, restart the browser.`,
      };
    }
    if (!imported.ok) {
      return imported.error.kind === 'invalid'
        ? { ok: false, file: file.name, issues: imported.error.issues }
        : { ok: false, file: file.name, message: imported.error.message };
    }
    return { ok: true, message: importedMessage(imported.value) };
  }

  /** Checks a backup file and says what restoring it would replace; restoring waits for the user's yes. */
  async function checkRestoreFile(file: File): Promise<Result<RestoreOffer, DatasetIssue[]>> {
    const prepared = await prepareRestore(knowledge, file.name, await file.text());
    if (!prepared.ok) return prepared;
    return ok(prepared.value);
  }

  /** A dataset's file as stored; a damaged one's from the set-aside data its data was moved to. */
  async function exportDataset(id: string): Promise<void> {
    const row = state?.datasets.find((item) => item.id === id);
    if (!state || !row) return;
    if (row.damaged) {
      const kept = state.quarantine.find((item) => item.key === `local:dataset:${id}`);
      if (kept) downloadJson(`${id}.json`, kept.raw);
      return;
    }
    const text = await datasetFileText(knowledge, id);
    if (text !== null) downloadText(`${id}.json`, text);
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
      <OptionsMarking
        settings={state.settings}
        onDefault={(patch) => void setDefaultMarking(patch)}
        onClearSite={(key) => void clearSiteMarking(key)}
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
        bundled={state.bundled ?? null}
        entries={state.datasets}
        onImport={importDatasetFile}
        onToggle={(id, enabled) => void knowledge.requests.setDatasetEnabled(id, enabled)}
        onRemove={(id) => knowledge.requests.removeDataset(id)}
        onExport={exportDataset}
        onExportAll={async () =>
          downloadJson(
            `backstory-datasets-${today()}.json`,
            await backupFile(knowledge, 'datasets'),
          )
        }
        onReset={() => resetEverything(knowledge)}
      />
      <OptionsBackup
        onExport={async () =>
          downloadJson(`backstory-backup-${today()}.json`, await backupFile(knowledge))
        }
        onCheck={checkRestoreFile}
      />
    </main>
  );
}

let shared: KnowledgeAccess | undefined;
/** One access object for the page's life (a default parameter would make a new one on every render). */
function defaultKnowledge(): KnowledgeAccess {
  shared ??= pageKnowledge();
  return shared;
}
