// A listed dataset whose stored data is missing or unreadable: set aside, shown as damaged in options, noticed in the popup.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as OptionsApp } from '../../../../entrypoints/options/App';
import { App as PopupApp } from '../../../../entrypoints/popup/App';
import { loadKnowledge } from '../../../../lib/background/knowledge';
import {
  getDatasetIndex,
  readDataset,
  readEnabledDatasets,
  saveDataset,
} from '../../../../lib/shared/settings/datasets';
import { readQuarantine } from '../../../../lib/shared/settings/quarantine';
import { smallDataset } from './dataset-fixture';
import { captureDownloads, datasetRow } from './options-helpers';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A stored dataset, listed and enabled, whose data was then replaced by `body` (undefined: deleted). */
async function storeThenDamage(body: unknown) {
  const data = { ...smallDataset('broken-set'), name: 'Broken set' };
  await saveDataset({
    id: 'broken-set',
    name: 'Broken set',
    data,
    counts: { entities: 3, quotes: 1, events: 1 },
  });
  if (body === undefined) await fakeBrowser.storage.local.remove('dataset:broken-set');
  else await fakeBrowser.storage.local.set({ 'dataset:broken-set': body });
}

const unreadable = { ...smallDataset('broken-set'), schemaVersion: 7, name: 'Broken set' };

describe('missing data', () => {
  it('is set aside when read, and the entry marked damaged, not silently left out', async () => {
    await storeThenDamage(undefined);
    expect(await readEnabledDatasets()).toEqual([]);
    const [entry] = await getDatasetIndex();
    expect(entry?.damaged).toEqual({ reason: 'its data is missing from storage', kept: false });
    const [kept] = await readQuarantine();
    expect(kept).toMatchObject({ key: 'local:dataset:broken-set', raw: { id: 'broken-set' } });
    expect(kept?.reason).toMatch(/^its data is missing from storage, so it is left out/);
  });

  it('options says so in the row and offers only removal', async () => {
    await storeThenDamage(undefined);
    render(<OptionsApp />);
    const row = await datasetRow('Broken set');
    await waitFor(() =>
      expect(row.textContent).toContain(
        'Damaged — remove it, then import its file again: its data is missing from storage.',
      ),
    );
    expect(row.textContent).not.toContain('3 entities');
    expect(within(row).queryByRole('switch')).toBeNull();
    expect(within(row).queryByRole('button', { name: 'Export Broken set' })).toBeNull();
    expect(
      screen.getByText('Some imported data could not be read, so it is left out.'),
    ).toBeTruthy();
  });
  it('of a disabled dataset is found on export: the row turns damaged and no empty file is offered', async () => {
    await storeThenDamage(undefined);
    const [entry] = await getDatasetIndex();
    await fakeBrowser.storage.local.set({ datasets: [{ ...entry, enabled: false }] });
    const downloads = captureDownloads();
    render(<OptionsApp />);
    const row = await datasetRow('Broken set');
    expect(row.textContent).toContain('3 entities, 1 quote, 1 event');
    fireEvent.click(within(row).getByRole('button', { name: 'Export Broken set' }));
    await waitFor(() =>
      expect(row.textContent).toContain(
        'Damaged — remove it, then import its file again: its data is missing from storage.',
      ),
    );
    expect(downloads).toEqual([]);
  });
});

describe('unreadable data', () => {
  it('the knowledge base leaves it out and sets it aside, whole, for export', async () => {
    await storeThenDamage(unreadable);
    const loaded = await loadKnowledge();
    expect(loaded.skipped.map((item) => item.id)).toEqual(['broken-set']);
    const [entry] = await getDatasetIndex();
    expect(entry?.damaged).toEqual({
      reason: 'its data is not a valid dataset (schemaVersion: must be 1)',
      kept: true,
    });
    expect((await readQuarantine())[0]?.raw).toEqual(unreadable);
    // Moved, not copied: storage holds it once.
    expect(await readDataset('broken-set')).toBeNull();
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).not.toContain(
      'dataset:broken-set',
    );
  });

  it('the popup shows the set-aside notice when opening it finds the damage', async () => {
    await storeThenDamage(unreadable);
    render(<PopupApp />);
    await screen.findByText('Some saved data could not be read');
    expect((await getDatasetIndex())[0]?.damaged?.kept).toBe(true);
  });

  it('options finds it on its own, marks the row "damaged — export or remove", exports it and removes it', async () => {
    await storeThenDamage(unreadable);
    const downloads = captureDownloads();
    render(<OptionsApp />);
    const row = await datasetRow('Broken set');
    await waitFor(() =>
      expect(row.textContent).toContain(
        'Damaged — export or remove: its data is not a valid dataset (schemaVersion: must be 1).',
      ),
    );
    expect(within(row).queryByRole('switch')).toBeNull();
    const notice = screen.getByText('Some imported data could not be read, so it is left out.');
    expect(notice.closest('.notice')?.textContent).toContain('Imported dataset “broken-set”');

    fireEvent.click(within(row).getByRole('button', { name: 'Export Broken set' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.name).toBe('broken-set.json');
    expect(JSON.parse(await (downloads[0]?.text as Promise<string>))).toEqual(unreadable);

    fireEvent.click(within(row).getByRole('button', { name: 'Remove Broken set…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Broken set' }));
    await waitFor(() => expect(screen.queryByText('Broken set')).toBeNull());
    expect(await getDatasetIndex()).toEqual([]);
    await waitFor(async () => expect(await readQuarantine()).toEqual([]));
    await waitFor(() => expect(screen.queryByText(/could not be read/)).toBeNull());
  });
});
