// Importing in options: ids checked against every stored dataset (disabled ones too) in the background's
// transaction, and the "Export all imported datasets" file read back in.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/options/App';
import { backupFile, datasetFileText } from '../../../../lib/pages/datasets';
import { ITEM_TABLES } from '../../../../lib/shared/store/db';
import { largeDataset, smallDataset } from '../../support/dataset-fixture';
import { freshKnowledge, type TestKnowledge } from '../../support/knowledge';
import { captureDownloads, chooseFile, datasetRow, jsonFile } from './helpers';

let knowledge: TestKnowledge;

beforeEach(async () => {
  fakeBrowser.reset();
  knowledge = await freshKnowledge();
});

/** Every row of the store, to show a refused import changed nothing. */
async function stored(): Promise<unknown[]> {
  const { db } = knowledge.owner;
  return Promise.all([db.datasets, ...ITEM_TABLES.map((t) => db[t])].map((t) => t.toArray()));
}

const importedIds = async () =>
  (await knowledge.access.reader.datasets())
    .filter((row) => row.origin === 'imported')
    .map((row) => row.id);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const IMPORT = /^Import a dataset/;

async function openApp() {
  render(<App knowledge={knowledge.access} />);
  await screen.findByRole('heading', { name: 'Where to highlight' });
}

/** A dataset of its own id and name whose items reuse the small fixture's ids (so it clashes with it). */
function clashing(id: string, name: string) {
  return { ...smallDataset(id), name };
}

async function importOk(dataset: { id: string; name: string }) {
  chooseFile(IMPORT, jsonFile(`${dataset.id}.json`, JSON.stringify(dataset)));
  await screen.findByText(new RegExp(`^Imported ${dataset.name}:`));
  await datasetRow(dataset.name);
}

describe('id clashes', () => {
  it('are found with a disabled dataset too, and nothing is stored', async () => {
    await openApp();
    await importOk(clashing('first-set', 'First set'));
    const toggle = await screen.findByRole('switch', { name: 'Use First set' });
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    const before = await stored();

    chooseFile(
      IMPORT,
      jsonFile('second.json', JSON.stringify(clashing('second-set', 'Second set'))),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('second.json was not imported');
    expect(alert.textContent).toContain(
      'entities[0].id: id "maria-testova" is already used in entities of dataset "first-set" ("First set")',
    );
    expect(await stored()).toEqual(before);
  });

  it('between two options pages importing at the same moment: one is imported, the other told why not', async () => {
    {
      const pages = [
        render(<App knowledge={knowledge.access} />).container,
        render(<App knowledge={knowledge.access} />).container,
      ];
      await waitFor(() => expect(document.querySelectorAll('#dataset-file')).toHaveLength(2));
      pages.forEach((page, i) => {
        const dataset = clashing(`set-${i}`, `Set ${i}`);
        chooseFile(
          page.querySelector('#dataset-file') as HTMLInputElement,
          jsonFile(`set-${i}.json`, JSON.stringify(dataset)),
        );
      });
      await waitFor(() =>
        expect(
          pages.map((page) => page.querySelector('.notice-success, .notice-error')),
        ).not.toContain(null),
      );
      const outcomes = pages.map((page) =>
        page.querySelector('.notice-success') ? 'imported' : 'refused',
      );
      expect(outcomes.sort()).toEqual(['imported', 'refused']);
      const refused = pages.find((page) => page.querySelector('.notice-error')) as HTMLElement;
      expect(refused.querySelector('.notice-error')?.textContent).toMatch(
        /is already used in entities/,
      );
      expect(await importedIds()).toHaveLength(1);
    }
  });
});

describe('the "Export all imported datasets" file', () => {
  async function exportAll(): Promise<string> {
    const downloads = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Export all imported datasets' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    return (downloads[0] as { text: Promise<string> }).text;
  }

  async function removeDataset({ id, name }: { id: string; name: string }) {
    fireEvent.click(screen.getByRole('button', { name: `Remove ${name}…` }));
    fireEvent.click(screen.getByRole('button', { name: `Remove ${name}` }));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Datasets' }).textContent).not.toContain(name),
    );
    await waitFor(async () => expect(await importedIds()).not.toContain(id));
  }

  it('imports back through "Import a dataset": every dataset in it, listed again', async () => {
    const sets = [largeDataset('set-a', 0.01), largeDataset('set-b', 0.01)];
    await openApp();
    for (const dataset of sets) await importOk(dataset);
    const file = await exportAll();
    for (const dataset of sets) await removeDataset(dataset);

    chooseFile(IMPORT, jsonFile('backstory-datasets.json', file));
    await screen.findByText(
      `Imported 2 datasets: ${sets[0]?.name} (${sets[0]?.entities.length} entities, 1 quotes, 1 events); ${sets[1]?.name} (${sets[1]?.entities.length} entities, 1 quotes, 1 events).`,
    );
    for (const dataset of sets) {
      const row = await datasetRow(dataset.name);
      expect(within(row).getByRole('switch').getAttribute('aria-checked')).toBe('true');
      expect(JSON.parse((await datasetFileText(knowledge.access, dataset.id)) ?? '')).toEqual(
        dataset,
      );
    }
  });

  it('is all-or-nothing: one dataset in it that clashes with a stored one, and none is imported', async () => {
    const sets = [largeDataset('set-a', 0.01), largeDataset('set-b', 0.01)];
    await openApp();
    for (const dataset of sets) await importOk(dataset);
    const file = await exportAll();
    await removeDataset(sets[0] as { id: string; name: string });
    const before = await stored();

    chooseFile(IMPORT, jsonFile('backstory-datasets.json', file));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('backstory-datasets.json was not imported');
    expect(alert.textContent).toContain(
      'datasets[1].data.id: a dataset with the id "set-b" is already imported (Large set set-b); remove it first, or give this one another id',
    );
    expect(await stored()).toEqual(before);
  });

  it('a full backup chosen in "Import a dataset" is sent to Restore, and nothing changes', async () => {
    await openApp();
    await importOk(smallDataset());
    const backup = JSON.stringify(await backupFile(knowledge.access));
    const before = [await stored(), await fakeBrowser.storage.local.get(null)];
    chooseFile(IMPORT, jsonFile('backup.json', backup));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'backup.json is a backup of all settings, not a dataset file. To bring it back, use “Restore from a backup file” below. Nothing was changed.',
    );
    expect([await stored(), await fakeBrowser.storage.local.get(null)]).toEqual(before);
  });
});
