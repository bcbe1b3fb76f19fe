import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import seed from '../../../../assets/kb/seed.json';
import { App } from '../../../../entrypoints/options/App';
import { datasetFileText } from '../../../../lib/pages/datasets';
import { readQuarantine } from '../../../../lib/shared/settings/quarantine';
import { DEFAULT_SETTINGS } from '../../../../lib/shared/settings/schema';
import { addSite, getSettings, mute } from '../../../../lib/shared/settings/store';
import { ITEM_TABLES } from '../../../../lib/shared/store/db';
import { bulkyDataset, largeDataset, smallDataset } from '../../support/dataset-fixture';
import { freshKnowledge, type TestKnowledge } from '../../support/knowledge';

let knowledge: TestKnowledge;

beforeEach(async () => {
  fakeBrowser.reset();
  knowledge = await freshKnowledge();
});

/** Every row of the store and everything in storage.local: to show a refused change changed nothing. */
async function everything(): Promise<unknown[]> {
  const { db } = knowledge.owner;
  const rows = await Promise.all(
    [db.datasets, ...ITEM_TABLES.map((t) => db[t])].map((t) => t.toArray()),
  );
  return [rows, await fakeBrowser.storage.local.get(null)];
}

const importedIds = async () =>
  (await knowledge.access.reader.datasets())
    .filter((row) => row.origin === 'imported')
    .map((row) => row.id);

/** A stored dataset's file, parsed (null if it is gone). */
async function storedFile(id: string): Promise<unknown> {
  const text = await datasetFileText(knowledge.access, id);
  return text === null ? null : JSON.parse(text);
}
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
  render(<App knowledge={knowledge.access} />);
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
    await waitFor(() => expect(list.textContent).toContain(seed.name));
    expect(list.textContent).toContain(
      `${seed.entities.length} entities, ${seed.quotes.length} quotes, ${seed.events.length} events`,
    );
  });

  it('imports a valid file and lists it with its counts', async () => {
    await openApp();
    await importDataset(file('fixture.json', JSON.stringify(smallDataset())));
    await screen.findByText('Imported Fixture set: 3 entities, 1 quotes, 1 events.');
    const row = (await screen.findByText('Fixture set')).closest('li') as HTMLElement;
    expect(row.textContent).toContain('3 entities, 1 quote, 1 event');
    expect(
      within(row).getByRole('switch', { name: 'Use Fixture set' }).getAttribute('aria-checked'),
    ).toBe('true');
    expect(await importedIds()).toEqual(['fixture-set']);
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
      /is already imported \(Russian missile and drone attack on Kyiv \(bundled\)\)/,
    ],
  ])(
    'refuses %s, naming the JSON path, and changes nothing',
    async (_label, content, path, message) => {
      await addSite('bbc.com');
      await openApp();
      const before = await everything();
      await importDataset(file('bad.json', content));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('bad.json was not imported');
      expect(alert.textContent).toContain('Nothing was changed');
      const item = [...alert.querySelectorAll('li')].find((li) =>
        li.querySelector('code')?.textContent?.startsWith(path),
      );
      expect(item?.textContent, `no issue at ${path} in: ${alert.textContent}`).toMatch(message);
      expect(await everything()).toEqual(before);
    },
  );

  it('refuses a 60 MB file before reading it (too large even for a file of several datasets)', async () => {
    await openApp();
    const huge = file('huge.json', '{}', 60 * 1024 * 1024);
    const read = vi.spyOn(huge, 'text');
    await importDataset(huge);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'huge.json is 60.0 MB; a file of datasets can be at most 50.0 MB. Nothing was changed.',
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses a single dataset over 5 MB, read but not stored', async () => {
    await openApp();
    const before = await everything();
    await importDataset(file('big.json', JSON.stringify(largeDataset('big-set', 5.5))));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /big\.json is 5\.\d MB; a dataset file can be at most 5\.0 MB\. Nothing was changed\./,
    );
    expect(await everything()).toEqual(before);
  }, 30_000);

  it('disables, then removes an imported dataset after confirmation', async () => {
    await openApp();
    await importDataset(file('fixture.json', JSON.stringify(smallDataset())));
    const toggle = await screen.findByRole('switch', { name: 'Use Fixture set' });
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect((await knowledge.access.reader.datasets())[1]?.enabled).toBe(false);
    // Off: its names are gone from pages and views, its data kept.
    expect(await knowledge.access.reader.entity('maria-testova')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Fixture set…' }));
    expect(await storedFile('fixture-set')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Fixture set' }));
    await waitFor(() => expect(screen.queryByText('Fixture set')).toBeNull());
    await waitFor(async () => expect(await storedFile('fixture-set')).toBeNull());
  });

  it('lists a saved article as saved, with its site and date, and removes it after confirmation', async () => {
    const text = 'Kyiv woke up to sirens on Monday. The city counted the damage.';
    const saved = await knowledge.access.requests.saveArticle({
      dataset: {
        schemaVersion: 1,
        id: 'saved-sirens',
        name: 'Sirens in Kyiv',
        sources: [
          {
            id: 'sirens-in-kyiv',
            title: 'Sirens in Kyiv',
            text,
            published: '2025-08-28T06:00:00+03:00',
            url: 'https://www.news.example/sirens',
          },
        ],
        entities: [{ id: 'kyiv', kind: 'place', name: 'Kyiv', aliases: [] }],
        facts: [],
        quotes: [],
        events: [],
        relations: [],
      },
      mentions: [{ entity: 'kyiv', count: 2 }],
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    await openApp();
    const row = (await screen.findByText('Sirens in Kyiv')).closest('li') as HTMLElement;
    expect(within(row).getByText('saved article')).toBeTruthy();
    expect(row.textContent).toContain(
      `1 entity, 0 quotes, 0 events · news.example · 28 Aug 2025 · saved ${new Date(saved.value.row.addedAt).toLocaleDateString()}`,
    );
    expect(row.textContent).not.toContain('imported');
    fireEvent.click(within(row).getByRole('button', { name: 'Remove Sirens in Kyiv…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Sirens in Kyiv' }));
    await waitFor(() => expect(screen.queryByText('Sirens in Kyiv')).toBeNull());
    expect((await knowledge.access.reader.datasets()).map((r) => r.id)).toEqual([seed.id]);
    expect((await knowledge.access.reader.entity('kyiv'))?.dataset).toBe(seed.id);
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
    const dataset = bulkyDataset('large-a', 4);
    await openApp();
    await importDataset(file('large.json', JSON.stringify(dataset)));
    await screen.findByText(/^Imported Bulky set large-a:/, {}, { timeout: 30_000 });
    fireEvent.click(await screen.findByRole('button', { name: 'Export Bulky set large-a' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1), { timeout: 30_000 });
    const exported = await (downloads.files[0]?.text as Promise<string>);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Bulky set large-a…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Bulky set large-a' }));
    await waitFor(() => expect(screen.queryByText('Bulky set large-a')).toBeNull(), {
      timeout: 30_000,
    });

    await importDataset(file('large-a.json', exported));
    await screen.findByText(/^Imported Bulky set large-a:/, {}, { timeout: 30_000 });
    expect(await storedFile('large-a')).toEqual(dataset);
  }, 120_000);
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
    expect(await storedFile('fixture-set')).toEqual(smallDataset());
  });

  it('round-trips more than 5 MB of datasets (each file under the 5 MB limit) through export, reset and restore', async () => {
    const downloads = captureDownloads();
    await openApp();
    const big = [bulkyDataset('large-a', 3.2), bulkyDataset('large-b', 3.2)];
    for (const dataset of big) {
      await importDataset(file(`${dataset.id}.json`, JSON.stringify(dataset)));
      await screen.findByText(new RegExp(`^Imported ${dataset.name}:`), {}, { timeout: 30_000 });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Export all settings' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1), { timeout: 30_000 });
    const backup = await (downloads.files[0]?.text as Promise<string>);
    expect(backup.length).toBeGreaterThan(6 * 1024 * 1024);

    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset everything' }));
    await screen.findByText('Everything is back to the defaults.');
    await waitFor(() => expect(screen.queryByText(big[0]?.name as string)).toBeNull(), {
      timeout: 30_000,
    });

    await chooseFile(/^Restore from a backup file/, file('backup.json', backup));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Restore this backup' }, { timeout: 30_000 }),
    );
    await screen.findByText(
      'Restored settings, styles, muted entities, 2 datasets.',
      {},
      { timeout: 60_000 },
    );
    for (const dataset of big) {
      await screen.findByText(dataset.name);
      expect(await storedFile(dataset.id)).toEqual(dataset);
    }
  }, 180_000);

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
    const before = await everything();

    await chooseFile(/^Restore from a backup file/, file('older.json', older));
    await screen.findByText(
      'It removes 1 imported dataset the backup does not have: Large set second-set. Export it first to keep it.',
    );
    expect(
      screen.getByText('It replaces Large set first-set with the backup’s copy.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('older.json was not restored. Nothing was changed.');
    expect(await everything()).toEqual(before);

    await chooseFile(/^Restore from a backup file/, file('older.json', older));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore this backup' }));
    await screen.findByText('Restored settings, styles, muted entities, 1 dataset.');
    expect(
      screen.getByText('Removed 1 dataset the backup did not have: Large set second-set.'),
    ).toBeTruthy();
    expect(screen.getByText('Replaced Large set first-set with the backup’s copy.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Large set second-set')).toBeNull());
    expect(await storedFile('second-set')).toBeNull();
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

describe('options page: a damaged list of datasets from an earlier release', () => {
  it('one bad field leaves the other datasets listed; the data of the bad entry is set aside with a notice', async () => {
    const first = { ...smallDataset('set-a'), name: 'Set A' };
    const second = { ...largeDataset('set-b', 0.01), name: 'Set B' };
    const entry = (id: string, name: string, importedAt: unknown) => ({
      id,
      name,
      enabled: true,
      importedAt,
      bytes: 1000,
      counts: { entities: 3, quotes: 1, events: 1 },
    });
    const damaged = [
      entry('set-a', 'Set A', { broken: true }),
      entry('set-b', 'Set B', '2026-11-01T10:00:00.000Z'),
    ];
    await fakeBrowser.storage.local.set({
      datasets: damaged,
      'dataset:set-a': first,
      'dataset:set-b': second,
    });
    // The new release starts and carries the datasets into its store.
    knowledge = await freshKnowledge();
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
    expect(exported.map((item: { raw: unknown }) => item.raw)).toEqual([damaged, first]);
    expect(await storedFile('set-a')).toBeNull();
    expect(await storedFile('set-b')).toEqual(second);
  });
});

describe('options page: live', () => {
  it('shows a site added from elsewhere (another page, the popup) without reloading', async () => {
    await openApp();
    await addSite('reuters.com');
    await screen.findByText('reuters.com');
  });
});
