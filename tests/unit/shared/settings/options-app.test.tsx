import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import seed from '../../../../assets/kb/seed.json';
import { App } from '../../../../entrypoints/options/App';
import {
  getDatasetIndex,
  readDataset,
  saveDataset,
} from '../../../../lib/shared/settings/datasets';
import { readQuarantine } from '../../../../lib/shared/settings/quarantine';
import { DEFAULT_SETTINGS } from '../../../../lib/shared/settings/schema';
import { addSite, getSettings, mute } from '../../../../lib/shared/settings/store';
import { largeDataset, smallDataset } from './dataset-fixture';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function file(name: string, content: string, size?: number): File {
  const made = new File([content], name, { type: 'application/json' });
  if (size !== undefined) Object.defineProperty(made, 'size', { value: size });
  return made;
}

async function chooseFile(inputLabel: RegExp, chosen: File) {
  const input = screen.getByLabelText(inputLabel) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [chosen], configurable: true });
  fireEvent.change(input);
}

const importDataset = (chosen: File) => chooseFile(/^Import a dataset/, chosen);

async function openApp() {
  render(<App />);
  await screen.findByRole('heading', { name: 'Where to highlight' });
}

/** Captures what the page offers for download (the JSON text of the next file). */
function captureDownloads(): { files: { name: string; text: Promise<string> }[] } {
  const captured: { files: { name: string; text: Promise<string> }[] } = { files: [] };
  let lastBlob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    lastBlob = blob as Blob;
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (lastBlob) captured.files.push({ name: this.download, text: lastBlob.text() });
  });
  return captured;
}

describe('options page: datasets', () => {
  it('lists the bundled dataset with its counts', async () => {
    await openApp();
    const list = screen.getByRole('list', { name: 'Datasets' });
    expect(list.textContent).toContain(seed.name);
    expect(list.textContent).toContain(
      `${seed.entities.length} entities, ${seed.quotes.length} quotes, ${seed.events.length} events`,
    );
  });

  it('imports a valid file and lists it with its counts', async () => {
    await openApp();
    await importDataset(file('fixture.json', JSON.stringify(smallDataset())));
    await screen.findByText('Imported Fixture set: 3 entities, 1 quotes, 1 events.');
    const row = screen.getByText('Fixture set').closest('li') as HTMLElement;
    expect(row.textContent).toContain('3 entities, 1 quote, 1 event');
    expect(
      within(row).getByRole('switch', { name: 'Use Fixture set' }).getAttribute('aria-checked'),
    ).toBe('true');
    expect((await getDatasetIndex()).map((entry) => entry.id)).toEqual(['fixture-set']);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1,', '(file)', /not a JSON file/],
    [
      'wrong schema version',
      JSON.stringify({ ...smallDataset(), schemaVersion: 2 }),
      'schemaVersion',
      /must be 1/,
    ],
    [
      'a span that is not a sentence',
      JSON.stringify({
        ...smallDataset(),
        quotes: [
          {
            ...smallDataset().quotes[0],
            evidence: { source: 'fixture-article', start: 2, end: 9 },
          },
        ],
      }),
      'quotes[0].evidence',
      /sentence/,
    ],
    [
      'markup and script in a string',
      JSON.stringify({
        ...smallDataset(),
        entities: [
          { ...smallDataset().entities[0], name: '<script>alert(1)</script>' },
          ...smallDataset().entities.slice(1),
        ],
      }),
      'entities[0].name',
      /<script>/,
    ],
    [
      'duplicate ids',
      JSON.stringify({
        ...smallDataset(),
        entities: [...smallDataset().entities, smallDataset().entities[0]],
      }),
      'entities[3].id',
      /duplicate id "maria-testova"/,
    ],
    [
      'an id the bundled dataset already has',
      JSON.stringify(smallDataset(seed.id)),
      'id',
      /already exists/,
    ],
  ])(
    'refuses %s, naming the JSON path, and changes nothing',
    async (_label, content, path, message) => {
      await addSite('bbc.com');
      await openApp();
      const before = await fakeBrowser.storage.local.get(null);
      await importDataset(file('bad.json', content));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('bad.json was not imported');
      expect(alert.textContent).toContain('Nothing was changed');
      const item = [...alert.querySelectorAll('li')].find((li) =>
        li.querySelector('code')?.textContent?.startsWith(path),
      );
      expect(item?.textContent, `no issue at ${path} in: ${alert.textContent}`).toMatch(message);
      expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    },
  );

  it('refuses a 50 MB file before reading it', async () => {
    await openApp();
    const huge = file('huge.json', '{}', 50 * 1024 * 1024);
    const read = vi.spyOn(huge, 'text');
    await importDataset(huge);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'huge.json is 50.0 MB; a dataset file can be at most 5.0 MB. Nothing was changed.',
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('disables, then removes an imported dataset after confirmation', async () => {
    await openApp();
    await importDataset(file('fixture.json', JSON.stringify(smallDataset())));
    const toggle = await screen.findByRole('switch', { name: 'Use Fixture set' });
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect((await getDatasetIndex())[0]?.enabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Fixture set…' }));
    expect(await readDataset('fixture-set')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Fixture set' }));
    await waitFor(() => expect(screen.queryByText('Fixture set')).toBeNull());
    await waitFor(async () => expect(await readDataset('fixture-set')).toBeNull());
  });

  it('exports an imported dataset as the same JSON it was imported from', async () => {
    const downloads = captureDownloads();
    await openApp();
    await importDataset(file('fixture.json', JSON.stringify(smallDataset())));
    fireEvent.click(await screen.findByRole('button', { name: 'Export Fixture set' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    expect(downloads.files[0]?.name).toBe('fixture-set.json');
    expect(JSON.parse(await (downloads.files[0]?.text as Promise<string>))).toEqual(smallDataset());
  });
  it('an exported dataset of 4 MB (7 MB if indented) can be imported again', async () => {
    const downloads = captureDownloads();
    const dataset = largeDataset('large-a', 4);
    await openApp();
    await importDataset(file('large.json', JSON.stringify(dataset)));
    await screen.findByText(/^Imported Large set large-a:/);
    fireEvent.click(screen.getByRole('button', { name: 'Export Large set large-a' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const exported = await (downloads.files[0]?.text as Promise<string>);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Large set large-a…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Large set large-a' }));
    await waitFor(() => expect(screen.queryByText('Large set large-a')).toBeNull());

    await importDataset(file('large-a.json', exported));
    await screen.findByText(/^Imported Large set large-a:/, {}, { timeout: 5_000 });
    expect(await readDataset('large-a')).toEqual(dataset);
  }, 60_000);
});

describe('options page: backup, reset, restore', () => {
  it('round-trips everything through export, reset and restore', async () => {
    const downloads = captureDownloads();
    await addSite('kyivindependent.com');
    await mute('maria-testova');
    await openApp();
    await importDataset(file('fixture.json', JSON.stringify(smallDataset())));
    await screen.findByText(/^Imported Fixture set/);
    // The muted id gets its name once the imported dataset is loaded.
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Muted names' }).textContent).toMatch(
        /^Maria TestovaUnmute/,
      ),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Export all settings' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const backup = await (downloads.files[0]?.text as Promise<string>);

    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset everything' }));
    await screen.findByText('Everything is back to the defaults.');
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await waitFor(() => expect(screen.queryByText('Fixture set')).toBeNull());

    await chooseFile(/^Restore from a backup file/, file('backup.json', backup));
    await screen.findByText(
      'Restoring backup.json replaces your site settings (0 sites listed now, 1 in the backup), your highlight styles and your muted names (0 now, 1 in the backup).',
    );
    expect(screen.getByText('It adds Fixture set.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    await screen.findByText('Restored settings, styles, muted entities, 1 dataset.');
    expect(
      screen.getByText(
        'Replaced your site settings (0 sites listed before, 1 now), your highlight styles and your muted names (0 before, 1 now).',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Added Fixture set.')).toBeTruthy();
    expect((await getSettings()).sites).toEqual(['kyivindependent.com']);
    await screen.findByText('Fixture set');
    expect(await readDataset('fixture-set')).toEqual(smallDataset());
  });

  it('round-trips more than 5 MB of datasets (each file under the 5 MB limit) through export, reset and restore', async () => {
    const downloads = captureDownloads();
    await openApp();
    const big = [largeDataset('large-a', 3.2), largeDataset('large-b', 3.2)];
    for (const dataset of big) {
      await importDataset(file(`${dataset.id}.json`, JSON.stringify(dataset)));
      await screen.findByText(new RegExp(`^Imported ${dataset.name}:`));
    }
    fireEvent.click(screen.getByRole('button', { name: 'Export all settings' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const backup = await (downloads.files[0]?.text as Promise<string>);
    expect(backup.length).toBeGreaterThan(6 * 1024 * 1024);

    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset everything' }));
    await screen.findByText('Everything is back to the defaults.');
    await waitFor(() => expect(screen.queryByText(big[0]?.name as string)).toBeNull());

    await chooseFile(/^Restore from a backup file/, file('backup.json', backup));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Restore this backup' }, { timeout: 5_000 }),
    );
    await screen.findByText(
      'Restored settings, styles, muted entities, 2 datasets.',
      {},
      { timeout: 5_000 },
    );
    for (const dataset of big) {
      await screen.findByText(dataset.name);
      expect(await readDataset(dataset.id)).toEqual(dataset);
    }
  }, 60_000);

  it('restoring an older backup asks first, naming the datasets it would delete, and says what it replaced', async () => {
    const downloads = captureDownloads();
    await openApp();
    await importDataset(file('first.json', JSON.stringify(largeDataset('first-set', 0.01))));
    await screen.findByText(/^Imported Large set first-set/);
    fireEvent.click(screen.getByRole('button', { name: 'Export all settings' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const older = await (downloads.files[0]?.text as Promise<string>);
    await importDataset(file('second.json', JSON.stringify(largeDataset('second-set', 0.01))));
    await screen.findByText(/^Imported Large set second-set/);
    const before = await fakeBrowser.storage.local.get(null);

    await chooseFile(/^Restore from a backup file/, file('older.json', older));
    await screen.findByText(
      'It removes 1 imported dataset the backup does not have: Large set second-set. Export it first to keep it.',
    );
    expect(
      screen.getByText('It replaces Large set first-set with the backup’s copy.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('older.json was not restored. Nothing was changed.');
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);

    await chooseFile(/^Restore from a backup file/, file('older.json', older));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore this backup' }));
    await screen.findByText('Restored settings, styles, muted entities, 1 dataset.');
    expect(
      screen.getByText('Removed 1 dataset the backup did not have: Large set second-set.'),
    ).toBeTruthy();
    expect(screen.getByText('Replaced Large set first-set with the backup’s copy.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Large set second-set')).toBeNull());
    expect(await readDataset('second-set')).toBeNull();
  });

  it('refuses a damaged backup, naming the path, and keeps the current settings', async () => {
    await addSite('bbc.com');
    await openApp();
    const damaged = {
      format: 'backstory-backup',
      version: 1,
      settings: { enabled: true, mode: 'sometimes', sites: [] },
    };
    await chooseFile(/^Restore from a backup file/, file('damaged.json', JSON.stringify(damaged)));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('settings.mode');
    expect(alert.textContent).toContain('Your current settings are unchanged');
    expect((await getSettings()).sites).toEqual(['bbc.com']);
  });
});

describe('options page: stored data that cannot be read', () => {
  it('shows a notice, uses defaults, and exports the set-aside value', async () => {
    await fakeBrowser.storage.local.set({
      settings: { enabled: 'maybe', sites: 'bbc.com' },
      styles: 42,
    });
    const downloads = captureDownloads();
    await openApp();
    const notice = await screen.findByText(
      'Some stored data could not be read, so defaults are used in its place.',
    );
    const box = notice.closest('.notice') as HTMLElement;
    expect(box.textContent).toContain('Site settings: not valid');
    expect(box.textContent).toContain(
      'Highlight styles: not readable as an object (found a number)',
    );
    expect(
      (screen.getByLabelText('Everywhere except the sites listed') as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(within(box).getByRole('button', { name: 'Export the set-aside data' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const exported = JSON.parse(await (downloads.files[0]?.text as Promise<string>));
    expect(exported.map((entry: { raw: unknown }) => entry.raw)).toEqual([
      { enabled: 'maybe', sites: 'bbc.com' },
      42,
    ]);
    expect(await readQuarantine()).toHaveLength(2);
  });
});

describe('options page: a damaged list of datasets', () => {
  async function storeDataset(id: string, name: string) {
    const data = { ...smallDataset(id), name };
    await saveDataset({ id, name, data, counts: { entities: 3, quotes: 1, events: 1 } });
    return data;
  }

  it('one bad field leaves the other datasets listed; the data of the bad entry is set aside with a notice', async () => {
    const first = await storeDataset('set-a', 'Set A');
    await storeDataset('set-b', 'Set B');
    const { datasets } = await fakeBrowser.storage.local.get('datasets');
    const damaged = structuredClone(datasets) as Record<string, unknown>[];
    (damaged[0] as Record<string, unknown>).importedAt = { broken: true };
    await fakeBrowser.storage.local.set({ datasets: damaged });
    const downloads = captureDownloads();

    await openApp();
    const list = screen.getByRole('list', { name: 'Datasets' });
    await waitFor(() => expect(list.textContent).toContain('Set B'));
    expect(list.textContent).not.toContain('Set A');
    const box = (
      await screen.findByText(
        'Some stored data could not be read, so defaults are used in its place.',
      )
    ).closest('.notice') as HTMLElement;
    await waitFor(() =>
      expect(box.textContent).toContain('Imported dataset “set-a”: its data is listed nowhere'),
    );
    expect(box.textContent).toContain('The list of imported datasets: not valid at 0.importedAt');

    fireEvent.click(within(box).getByRole('button', { name: 'Export the set-aside data' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const exported = JSON.parse(await (downloads.files[0]?.text as Promise<string>));
    expect(exported.map((entry: { raw: unknown }) => entry.raw)).toEqual([damaged, first]);
    expect(await readDataset('set-a')).toBeNull();
  });
});

describe('options page: live', () => {
  it('shows a site added from elsewhere (another page, the popup) without reloading', async () => {
    await openApp();
    await addSite('reuters.com');
    await screen.findByText('reuters.com');
  });
});
