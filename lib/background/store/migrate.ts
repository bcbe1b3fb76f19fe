// Carries the datasets earlier releases kept in storage.local into the knowledge store, losing none.
//
// Every listed dataset arrives with its switch and date: a readable one with all its items (one transaction for
// all of them), one listed as damaged or whose data turns out missing or invalid as a damaged row (its data, if
// any, moved into the set-aside data, where options offers it for export), and data listed nowhere into the
// set-aside data. The storage.local keys go only after the store has committed, so a browser closed halfway
// migrates again at the next start: a dataset already in the store is not added twice.
import { storage } from 'wxt/utils/storage';
import { parseDataset } from '../../shared/kb/parse';
import type { DatasetEntry } from '../../shared/settings/schema';
import type { KnowledgeDb } from '../../shared/store/db';
import type { DatasetRow } from '../../shared/store/rows';
import { describeProblems, setAsideUnlistedDatasets, setDatasetAside } from './legacy-damage';
import { datasetIndexItem, datasetKey } from './legacy-index';
import type { KnowledgeWriter } from './writer';

export interface MigrationReport {
  /** Datasets now in the store with their items. */
  carried: string[];
  /** Datasets listed as damaged (their data, if any, is in the set-aside data). */
  damaged: string[];
  /** Why carrying failed (the legacy keys were kept, to try again at the next start), if it did. */
  failed?: string;
}

/** Whether storage.local still holds datasets of an earlier release. */
async function hasLegacyData(): Promise<boolean> {
  const all = await storage.snapshot('local');
  return Object.keys(all).some((key) => key === 'datasets' || key.startsWith('dataset:'));
}

function damagedRow(entry: DatasetEntry): DatasetRow {
  return {
    id: entry.id,
    name: entry.name,
    origin: 'imported',
    enabled: entry.enabled,
    addedAt: entry.importedAt,
    counts: entry.counts,
    bytes: entry.bytes,
    damaged: entry.damaged ?? { reason: 'its data could not be read', kept: false },
  };
}

export async function migrateLegacyDatasets(
  db: KnowledgeDb,
  writer: KnowledgeWriter,
): Promise<MigrationReport> {
  const report: MigrationReport = { carried: [], damaged: [] };
  if (!(await hasLegacyData())) return report;
  // Data no entry lists goes where options shows it; then every entry is read once.
  await setAsideUnlistedDatasets();
  const index = await datasetIndexItem.get();
  const stored = new Set(await db.datasets.toCollection().primaryKeys());
  const done: DatasetEntry[] = [];
  const damaged: DatasetEntry[] = [];
  for (const entry of index) {
    if (stored.has(entry.id)) {
      done.push(entry); // carried by a start that stopped before removing the keys
      continue;
    }
    if (entry.damaged) {
      damaged.push(entry);
      continue;
    }
    const data = await storage.getItem<unknown>(datasetKey(entry.id));
    const parsed = data == null ? null : parseDataset(data);
    let problem = parsed && !parsed.ok ? describeProblems(parsed.error) : undefined;
    if (parsed?.ok) {
      // One transaction each: a dataset that can't come in does not keep the others out.
      const added = await writer.add([
        {
          dataset: parsed.value,
          origin: 'imported',
          enabled: entry.enabled,
          addedAt: entry.importedAt,
        },
      ]);
      if (added.ok) {
        report.carried.push(entry.id);
        done.push(entry);
        continue;
      }
      if (added.error.kind === 'quota') {
        // Kept where it is, whole, to try again at the next start.
        report.failed = added.error.message;
        continue;
      }
      problem = describeProblems(added.error.issues);
    }
    // Never silently: its data is moved into the set-aside data and it stays listed, damaged.
    await setDatasetAside(entry, problem);
    const after = (await datasetIndexItem.get()).find((other) => other.id === entry.id);
    damaged.push(after ?? entry);
  }
  await writer.addDamaged(damaged.map(damagedRow));
  report.damaged = damaged.map((entry) => entry.id);
  // Committed: the old copies go (a damaged one's data already moved into the set-aside data). The list goes once
  // nothing is left to try again.
  const gone = [...done, ...damaged];
  await storage.removeItems(gone.map((entry) => datasetKey(entry.id)));
  if (gone.length === index.length) {
    await storage.removeItems([datasetIndexItem.key, `${datasetIndexItem.key}$`]);
  } else {
    const left = new Set(gone.map((entry) => entry.id));
    await datasetIndexItem.update((current) => current.filter((entry) => !left.has(entry.id)));
  }
  return report;
}
