import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { type DatasetValidator, exportBackup } from '../../../../lib/shared/settings/backup';
import {
  checkFileSize,
  getDatasetIndex,
  readDataset,
  readEnabledDatasets,
  removeDataset,
  STORAGE_BUDGET_BYTES,
  saveDataset,
  setAsideUnlistedDatasets,
  setDatasetEnabled,
} from '../../../../lib/shared/settings/datasets';
import { readQuarantine } from '../../../../lib/shared/settings/quarantine';
import { resetAll, restoreBackup } from '../../../../lib/shared/settings/restore';
import { DEFAULT_SETTINGS, DEFAULT_STYLES } from '../../../../lib/shared/settings/schema';
import {
  addSite,
  getMuted,
  getSettings,
  getStyles,
  mute,
  setKindStyle,
} from '../../../../lib/shared/settings/store';

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// Stands in for lib/kb's validation: a dataset is { name, entities: string[] } with unique names.
const validate: DatasetValidator = (text, existing): ReturnType<DatasetValidator> => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: [{ path: '(root)', message: 'not JSON' }] };
  }
  const value = data as { name?: unknown; entities?: unknown };
  if (typeof value.name !== 'string')
    return { ok: false, error: [{ path: 'name', message: 'missing' }] };
  if (!Array.isArray(value.entities))
    return { ok: false, error: [{ path: 'entities', message: 'not a list' }] };
  const taken = new Set(existing.flatMap((other) => (other as { entities: string[] }).entities));
  const clash = value.entities.findIndex((id) => taken.has(id));
  if (clash >= 0)
    return { ok: false, error: [{ path: `entities[${clash}]`, message: 'duplicate id' }] };
  return {
    ok: true,
    value: {
      id: slug(value.name),
      data,
      name: value.name,
      counts: { entities: value.entities.length, quotes: 0, events: 0 },
    },
  };
};

const dataset = (name: string, entities: string[], padding = '') => ({
  id: slug(name),
  data: { name, entities, padding },
  name,
  counts: { entities: entities.length, quotes: 0, events: 0 },
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('importing datasets', () => {
  it('stores the data and lists it, enabled', async () => {
    const saved = await saveDataset(dataset('Kyiv strike, follow-up', ['a', 'b']));
    expect(saved.ok && saved.value.id).toBe('kyiv-strike-follow-up');
    expect(
      (await getDatasetIndex()).map((entry) => [entry.name, entry.enabled, entry.counts.entities]),
    ).toEqual([['Kyiv strike, follow-up', true, 2]]);
    expect(await readDataset('kyiv-strike-follow-up')).toEqual({
      name: 'Kyiv strike, follow-up',
      entities: ['a', 'b'],
      padding: '',
    });
  });

  it('refuses a second dataset with the same id, naming the field, and keeps the first', async () => {
    await saveDataset(dataset('Same', ['a']));
    const second = await saveDataset(dataset('Same', ['b']));
    expect(second.ok).toBe(false);
    if (!second.ok)
      expect(second.error).toEqual({
        kind: 'invalid',
        issues: [{ path: 'id', message: expect.stringMatching(/already imported \(Same\)/) }],
      });
    expect((await getDatasetIndex()).map((entry) => entry.id)).toEqual(['same']);
    expect(await readDataset('same')).toEqual({ name: 'Same', entities: ['a'], padding: '' });
  });

  it('disabled datasets are not loaded for pages; removed ones are gone entirely', async () => {
    await saveDataset(dataset('One', ['a']));
    await saveDataset(dataset('Two', ['b']));
    await setDatasetEnabled('one', false);
    expect((await readEnabledDatasets()).map((item) => item.entry.id)).toEqual(['two']);
    await removeDataset('two');
    expect(await readDataset('two')).toBeNull();
    expect((await getDatasetIndex()).map((entry) => entry.id)).toEqual(['one']);
  });

  it('refuses a file larger than the limit before reading it', () => {
    const result = checkFileSize('huge.json', 50 * 1024 * 1024);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        'huge.json is 50.0 MB; a dataset file can be at most 5.0 MB. Nothing was changed.',
      );
  });

  it('refuses a dataset that would not fit in storage, and writes nothing', async () => {
    await saveDataset(dataset('First', ['a'], 'x'.repeat(6 * 1024 * 1024)));
    const before = await fakeBrowser.storage.local.get(null);
    const result = await saveDataset(dataset('Second', ['b'], 'y'.repeat(5 * 1024 * 1024)));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({
        kind: 'quota',
        message: expect.stringMatching(/needs 5\.0 MB .* only 4\.0 MB of 10\.0 MB is free/),
      });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(STORAGE_BUDGET_BYTES).toBe(10 * 1024 * 1024);
  });

  it('turns a quota failure from the browser into the same clear error, with nothing half-written', async () => {
    const set = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const result = await saveDataset(dataset('Big', ['a']));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('quota');
    set.mockRestore();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('sets a corrupted dataset list aside and keeps the data it pointed to', async () => {
    await saveDataset(dataset('Kept', ['a']));
    await fakeBrowser.storage.local.set({ datasets: [{ id: 'kept', name: 3 }] });
    expect(await getDatasetIndex()).toEqual([]);
    expect((await readQuarantine())[0]).toMatchObject({
      key: 'local:datasets',
      raw: [{ id: 'kept', name: 3 }],
    });
    expect(await readDataset('kept')).toEqual({ name: 'Kept', entities: ['a'], padding: '' });
  });
});

describe('a damaged dataset list', () => {
  async function threeDatasetsWithOneBadEntry() {
    for (const name of ['One', 'Two', 'Three'])
      await saveDataset(dataset(name, [name.toLowerCase()]));
    const { datasets } = await fakeBrowser.storage.local.get('datasets');
    const damaged = structuredClone(datasets) as Record<string, unknown>[];
    (damaged[1] as Record<string, unknown>).importedAt = 42;
    await fakeBrowser.storage.local.set({ datasets: damaged });
    return damaged;
  }

  it('keeps the readable entries usable and sets the whole list aside with the reason', async () => {
    const damaged = await threeDatasetsWithOneBadEntry();
    expect((await getDatasetIndex()).map((entry) => entry.id)).toEqual(['one', 'three']);
    expect((await readEnabledDatasets()).map((item) => item.entry.id)).toEqual(['one', 'three']);
    const [kept] = await readQuarantine();
    expect(kept).toMatchObject({ key: 'local:datasets', raw: damaged });
    expect(kept?.reason).toMatch(/^not valid at 1\.importedAt/);
  });

  it('moves the data its bad entry pointed to into the set-aside data, so a reset cannot lose it', async () => {
    await threeDatasetsWithOneBadEntry();
    await getDatasetIndex();
    expect(await setAsideUnlistedDatasets()).toBe(1);
    const kept = (await readQuarantine()).find((entry) => entry.key === 'local:dataset:two');
    expect(kept?.raw).toEqual({ name: 'Two', entities: ['two'], padding: '' });
    expect(kept?.reason).toMatch(/listed nowhere/);
    expect(await readDataset('two')).toBeNull();
    expect(await setAsideUnlistedDatasets()).toBe(0);
    await resetAll();
    expect((await readQuarantine()).map((entry) => entry.key)).toEqual([
      'local:datasets',
      'local:dataset:two',
    ]);
  });
});

describe('backup, reset and restore', () => {
  async function fillEverything() {
    await addSite('bbc.com');
    await mute('person:putin');
    await setKindStyle('place', { color: '#000000', mode: 'underline' });
    await saveDataset(dataset('Extra', ['x', 'y']));
  }

  it('round-trips: export, reset, restore gives back the same state', async () => {
    await fillEverything();
    const file = JSON.stringify(await exportBackup());
    await resetAll();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await getDatasetIndex()).toEqual([]);
    expect(await readDataset('extra')).toBeNull();
    const restored = await restoreBackup(file, validate);
    expect(restored).toEqual({
      ok: true,
      value: [
        'Restored settings, styles, muted entities, 1 dataset.',
        'Replaced your site settings (0 sites listed before, 1 now), your highlight styles and your muted names (0 before, 1 now).',
        'Added Extra.',
      ],
    });
    expect((await getSettings()).sites).toEqual(['bbc.com']);
    expect(await getMuted()).toEqual(['person:putin']);
    expect((await getStyles()).place).toEqual({ color: '#000000', mode: 'underline' });
    expect(await readDataset('extra')).toEqual({
      name: 'Extra',
      entities: ['x', 'y'],
      padding: '',
    });
  });

  it('reset removes the data of every dataset, listed or not, and the list itself', async () => {
    await fillEverything();
    await fakeBrowser.storage.local.set({ 'dataset:ghost': { name: 'Ghost', entities: [] } });
    await resetAll();
    const left = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(left.filter((key) => key.startsWith('dataset'))).toEqual([]);
  });

  it('reset keeps set-aside data', async () => {
    await fakeBrowser.storage.local.set({ muted: 'broken' });
    await getMuted();
    await resetAll();
    expect(await readQuarantine()).toHaveLength(1);
    expect(await getStyles()).toEqual(DEFAULT_STYLES);
  });

  it('refuses a file that is not JSON, and changes nothing', async () => {
    await fillEverything();
    const before = await fakeBrowser.storage.local.get(null);
    const result = await restoreBackup('{"format": "backstory-backup", ', validate);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error[0]).toMatchObject({
        path: '(root)',
        message: expect.stringMatching(/^not valid JSON/),
      });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('says when a file is a dataset rather than a backup', async () => {
    const result = await restoreBackup(JSON.stringify({ name: 'x', entities: [] }), validate);
    expect(!result.ok && result.error[0]?.path).toBe('format');
    expect(!result.ok && result.error[0]?.message).toMatch(/not a Backstory backup/);
  });

  it('names the JSON path of every problem, in settings and inside datasets, and applies none of the file', async () => {
    await fillEverything();
    const before = await fakeBrowser.storage.local.get(null);
    const backup = await exportBackup();
    const bad = {
      ...backup,
      settings: { ...backup.settings, mode: 'sometimes' },
      styles: { ...backup.styles, person: { color: 'red', mode: 'underline' } },
      datasets: [
        ...(backup.datasets ?? []),
        {
          entry: { ...backup.datasets?.[0]?.entry, id: 'other' },
          data: { name: 'Y', entities: 'nope' },
        },
      ],
    };
    const result = await restoreBackup(JSON.stringify(bad), validate);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.map((issue) => issue.path)).toEqual([
        'settings.mode',
        'styles.person.color',
      ]);
    const onlyDatasetBad = { ...backup, datasets: bad.datasets };
    const second = await restoreBackup(JSON.stringify(onlyDatasetBad), validate);
    if (!second.ok)
      expect(second.error).toEqual([{ path: 'datasets[1].data.entities', message: 'not a list' }]);
    else expect.fail('a bad dataset inside a backup must be refused');
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('restoring a backup with a duplicate dataset id is refused', async () => {
    await fillEverything();
    const backup = await exportBackup();
    const twice = { ...backup, datasets: [...(backup.datasets ?? []), ...(backup.datasets ?? [])] };
    const result = await restoreBackup(JSON.stringify(twice), validate);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.map((issue) => issue.path)).toContain('datasets[1].data.entities[0]');
  });
});

describe('restore and reset take the locks', () => {
  /** Every dataset:* key in storage is listed, and every listed dataset has its data: nothing orphaned. */
  async function expectConsistent() {
    const all = await fakeBrowser.storage.local.get(null);
    const bodies = Object.keys(all)
      .filter((key) => key.startsWith('dataset:') && all[key] != null)
      .map((key) => key.slice('dataset:'.length))
      .sort();
    const listed = (await getDatasetIndex()).map((entry) => entry.id).sort();
    expect(bodies).toEqual(listed);
  }

  it('an import while a restore runs is either kept or replaced, never left unlisted', async () => {
    await saveDataset(dataset('Old', ['o']));
    const file = JSON.stringify(await exportBackup());
    // The import starts just as the restore is about to write, and gets 20 ms to finish if nothing holds it.
    const setItems = storage.setItems.bind(storage);
    let importing: ReturnType<typeof saveDataset> | undefined;
    vi.spyOn(storage, 'setItems').mockImplementation(async (items) => {
      const keys = items.map((item) => ('key' in item ? item.key : item.item.key));
      if (!importing && keys.includes('local:settings') && keys.includes('local:datasets')) {
        importing = saveDataset(dataset('New', ['n']));
        await new Promise((done) => setTimeout(done, 20));
      }
      return setItems(items);
    });
    const restored = await restoreBackup(file, validate);
    const saved = await importing;
    expect(restored.ok && saved?.ok).toBe(true);
    await expectConsistent();
  });

  it('an import while a reset runs is either kept or reset, never left unlisted', async () => {
    await saveDataset(dataset('Old', ['o']));
    await Promise.all([resetAll(), saveDataset(dataset('New', ['n']))]);
    await expectConsistent();
  });
});
