// A dataset an earlier release kept whose data is missing or unreadable: carried over as damaged, its data set
// aside; options shows the row as damaged (export or remove), the popup shows the set-aside notice.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as OptionsApp } from '../../../../entrypoints/options/App';
import { App as PopupApp } from '../../../../entrypoints/popup/App';
import { readQuarantine } from '../../../../lib/shared/settings/quarantine';
import { smallDataset } from '../../support/dataset-fixture';
import { entityIds } from '../../support/dictionary';
import { freshKnowledge, type TestKnowledge } from '../../support/knowledge';
import { captureDownloads, datasetRow } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A profile of the release before the store: one listed, enabled dataset whose data is `body` (undefined: missing). */
async function updatedProfile(body: unknown): Promise<TestKnowledge> {
  await fakeBrowser.storage.local.set({
    datasets: [
      {
        id: 'broken-set',
        name: 'Broken set',
        enabled: true,
        importedAt: '2026-11-01T10:00:00.000Z',
        bytes: 1000,
        counts: { entities: 3, quotes: 1, events: 1 },
      },
    ],
    ...(body === undefined ? {} : { 'dataset:broken-set': body }),
  });
  // The new release starts: it carries the datasets into the store.
  return freshKnowledge();
}

const unreadable = { ...smallDataset('broken-set'), schemaVersion: 7, name: 'Broken set' };

describe('missing data', () => {
  it('is listed as damaged, not silently left out; options says so and offers only removal', async () => {
    const knowledge = await updatedProfile(undefined);
    const [row] = (await knowledge.access.reader.datasets()).filter((r) => r.origin === 'imported');
    expect(row?.damaged).toEqual({ reason: 'its data is missing from storage', kept: false });
    const [kept] = await readQuarantine();
    expect(kept).toMatchObject({ key: 'local:dataset:broken-set', raw: { id: 'broken-set' } });
    expect(kept?.reason).toMatch(/^its data is missing from storage, so it is left out/);

    render(<OptionsApp knowledge={knowledge.access} />);
    const shown = await datasetRow('Broken set');
    await waitFor(() =>
      expect(shown.textContent).toContain(
        'Damaged — remove it, then import its file again: its data is missing from storage.',
      ),
    );
    expect(shown.textContent).not.toContain('3 entities');
    expect(within(shown).queryByRole('switch')).toBeNull();
    expect(within(shown).queryByRole('button', { name: 'Export Broken set' })).toBeNull();
    expect(
      screen.getByText('Some imported data could not be read, so it is left out.'),
    ).toBeTruthy();
  });
});

describe('unreadable data', () => {
  it('is left out of pages and set aside, whole, for export: moved, not copied', async () => {
    const knowledge = await updatedProfile(unreadable);
    const rows = await knowledge.access.reader.datasets();
    expect(rows.find((row) => row.id === 'broken-set')?.damaged).toEqual({
      reason: 'its data is not a valid dataset (schemaVersion: must be 1)',
      kept: true,
    });
    expect(entityIds((await knowledge.owner.dictionary()).entries)).not.toContain('maria-testova');
    expect((await readQuarantine())[0]?.raw).toEqual(unreadable);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).not.toContain(
      'dataset:broken-set',
    );
  });

  it('the popup shows the set-aside notice', async () => {
    await updatedProfile(unreadable);
    render(<PopupApp />);
    await screen.findByText('Some saved data could not be read');
  });

  it('options marks the row "damaged — export or remove", exports it and removes it', async () => {
    const knowledge = await updatedProfile(unreadable);
    const downloads = captureDownloads();
    render(<OptionsApp knowledge={knowledge.access} />);
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
    expect(
      (await knowledge.access.reader.datasets()).filter((row) => row.origin === 'imported'),
    ).toEqual([]);
    await waitFor(async () => expect(await readQuarantine()).toEqual([]));
    await waitFor(() => expect(screen.queryByText(/could not be read/)).toBeNull());
  });
});
