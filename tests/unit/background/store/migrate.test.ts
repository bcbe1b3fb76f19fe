// A profile of an earlier release (datasets in storage.local) updated to this one: every dataset carried into the
// store with its switch and date, damaged ones listed as damaged with their data set aside, nothing lost.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KnowledgeOwner } from '../../../../lib/background/knowledge';
import { readQuarantine } from '../../../../lib/shared/settings/quarantine';
import { type KnowledgeDb, openKnowledgeDb } from '../../../../lib/shared/store/db';
import { largeDataset, smallDataset } from '../../support/dataset-fixture';
import { entityIds } from '../../support/dictionary';

let count = 0;
let db: KnowledgeDb;

beforeEach(() => {
  fakeBrowser.reset();
  db = openKnowledgeDb(`migrate-test-${++count}`);
});

/** An index entry as the release before the store wrote it. */
function entry(id: string, name: string, enabled: boolean, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    enabled,
    importedAt: `2026-11-0${enabled ? 1 : 2}T10:00:00.000Z`,
    bytes: 1234,
    counts: { entities: 3, quotes: 1, events: 1 },
    ...extra,
  };
}

/** What that release left in storage.local for these datasets (index, its version key, each dataset's data). */
async function legacyProfile(entries: ReturnType<typeof entry>[], data: Record<string, unknown>) {
  await fakeBrowser.storage.local.set({
    datasets: entries,
    datasets$: { v: 1 },
    ...Object.fromEntries(Object.entries(data).map(([id, value]) => [`dataset:${id}`, value])),
  });
}

async function start(): Promise<KnowledgeOwner> {
  const owner = new KnowledgeOwner(db);
  await owner.ready;
  return owner;
}

describe('carrying datasets of an earlier release into the store', () => {
  it('keeps every dataset with its switch and date, items and all, and then clears the old keys', async () => {
    const big = largeDataset('big-set', 0.05);
    await legacyProfile(
      [entry('fixture-set', 'Fixture set', true), entry('big-set', 'Large set big-set', false)],
      { 'fixture-set': smallDataset(), 'big-set': big },
    );
    const owner = await start();
    expect(await owner.ready).toEqual({ carried: ['fixture-set', 'big-set'], damaged: [] });
    const rows = await owner.reader.datasets();
    expect(rows.map((row) => [row.id, row.origin, row.enabled, row.addedAt])).toEqual([
      ['seed-kyiv-attack', 'bundled', true, expect.any(String)],
      ['fixture-set', 'imported', true, '2026-11-01T10:00:00.000Z'],
      ['big-set', 'imported', false, '2026-11-02T10:00:00.000Z'],
    ]);
    expect((await owner.reader.entity('maria-testova'))?.name).toBe('Maria Testova');
    expect(await db.entities.where('dataset').equals('big-set').count()).toBe(big.entities.length);
    // On pages: the enabled one's names, not the disabled one's.
    const names = entityIds((await owner.dictionary()).entries);
    expect(names).toContain('maria-testova');
    expect(names).not.toContain('big-set-person-0');
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['knowledge']);
  });

  it('a dataset listed as damaged stays listed as damaged, its set-aside data kept for export', async () => {
    const quarantine = [
      {
        key: 'local:dataset:broken-set',
        reason: 'its data is not a valid dataset (id: …), so it is left out.',
        at: '2026-11-03T00:00:00.000Z',
        version: null,
        raw: { not: 'a dataset' },
      },
    ];
    await legacyProfile(
      [
        entry('broken-set', 'Broken set', true, {
          damaged: { reason: 'its data is not a valid dataset (id: Required)', kept: true },
        }),
      ],
      {},
    );
    await fakeBrowser.storage.local.set({ quarantine });
    const owner = await start();
    expect(await owner.reader.datasets()).toContainEqual(
      expect.objectContaining({
        id: 'broken-set',
        enabled: true,
        damaged: { reason: 'its data is not a valid dataset (id: Required)', kept: true },
      }),
    );
    expect(await readQuarantine()).toEqual(quarantine);
  });

  it('data that is no valid dataset, or is missing, is set aside and its row marked damaged, never dropped', async () => {
    await legacyProfile(
      [entry('garbled-set', 'Garbled', true), entry('missing-set', 'Missing', false)],
      { 'garbled-set': { schemaVersion: 1, id: 'garbled-set', name: 'Garbled' } },
    );
    const owner = await start();
    const rows = await owner.reader.datasets();
    expect(rows.find((row) => row.id === 'garbled-set')).toMatchObject({
      damaged: {
        kept: true,
        reason: expect.stringMatching(/^its data is not a valid dataset \(sources: /),
      },
    });
    expect(rows.find((row) => row.id === 'missing-set')).toMatchObject({
      enabled: false,
      damaged: { kept: false, reason: 'its data is missing from storage' },
    });
    const kept = await readQuarantine();
    expect(kept.find((item) => item.key === 'local:dataset:garbled-set')?.raw).toEqual({
      schemaVersion: 1,
      id: 'garbled-set',
      name: 'Garbled',
    });
    // Damaged datasets bring no names to pages.
    expect(entityIds((await owner.dictionary()).entries)).not.toContain('garbled-set');
  });

  it('data no entry lists is set aside for export', async () => {
    await legacyProfile([entry('fixture-set', 'Fixture set', true)], {
      'fixture-set': smallDataset(),
      'orphan-set': { name: 'An orphan' },
    });
    await start();
    const orphan = (await readQuarantine()).find((item) => item.key === 'local:dataset:orphan-set');
    expect(orphan?.raw).toEqual({ name: 'An orphan' });
    expect(orphan?.reason).toMatch(/listed nowhere/);
  });

  it('a start that stopped after storing but before clearing does not store twice', async () => {
    await legacyProfile([entry('fixture-set', 'Fixture set', true)], {
      'fixture-set': smallDataset(),
    });
    await start();
    // The old keys come back, as if the clearing had never happened.
    await legacyProfile([entry('fixture-set', 'Fixture set', true)], {
      'fixture-set': smallDataset(),
    });
    const owner = await start();
    expect((await owner.reader.datasets()).filter((row) => row.id === 'fixture-set')).toHaveLength(
      1,
    );
    expect(await fakeBrowser.storage.local.get('datasets')).toEqual({});
  });

  it('when the store is full, the old copy stays whole to try again at the next start', async () => {
    await legacyProfile([entry('fixture-set', 'Fixture set', true)], {
      'fixture-set': smallDataset(),
    });
    // The first write (the migration's) finds the store full.
    const bulkAdd = vi
      .spyOn(db.entities, 'bulkAdd')
      .mockRejectedValueOnce(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    const report = await (await start()).ready;
    expect(report.failed).toMatch(/did not fit/);
    expect(await fakeBrowser.storage.local.get('dataset:fixture-set')).toEqual({
      'dataset:fixture-set': smallDataset(),
    });
    bulkAdd.mockRestore();
    const owner = await start();
    expect((await owner.ready).carried).toEqual(['fixture-set']);
    expect((await owner.reader.entity('maria-testova'))?.name).toBe('Maria Testova');
  });
});
