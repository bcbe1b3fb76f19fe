// The library as a reader uses it: find, sort, open, delete then undo, export the selected, import a file.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LibraryView, type LibraryViewProps } from '../../../components/LibraryView';
import type { LibraryEntry } from '../../../lib/pages/library';

afterEach(cleanup);

const entry = (over: Partial<LibraryEntry> & Pick<LibraryEntry, 'datasetId' | 'title'>) => ({
  origin: 'saved' as const,
  addedAt: '2026-12-01T10:00:00Z',
  enabled: true,
  counts: { entities: 3, quotes: 1, events: 0 },
  sourceId: `${over.datasetId}-source`,
  ...over,
});

const entries: LibraryEntry[] = [
  entry({ datasetId: 'seed', title: 'Attack on Kyiv', origin: 'bundled' }),
  entry({
    datasetId: 'saved-bbc',
    title: 'Gun laws in the US',
    site: 'BBC News',
    published: '2025-09-02T08:00:00Z',
    day: '2025-09-02',
  }),
  entry({
    datasetId: 'saved-folha',
    title: 'Copa América final',
    site: 'Folha de São Paulo',
    published: '2025-08-28',
    day: '2025-08-28',
    counts: { entities: 1, quotes: 0, events: 2 },
  }),
];

function library(props: Partial<LibraryViewProps> = {}) {
  const handlers = {
    onOpen: vi.fn(),
    onDelete: vi.fn(async () => null),
    onUndoDelete: vi.fn(async () => null),
    onExport: vi.fn(async () => null),
    onImport: vi.fn(async () => ({ tone: 'success' as const, title: 'Imported x.json' })),
  };
  render(<LibraryView entries={entries} {...handlers} {...props} />);
  return handlers;
}

const titles = () =>
  [...document.querySelectorAll('.library-title')].map((element) => element.textContent);

describe('the library', () => {
  test('lists every source, newest published first, with site, readable date and counts', () => {
    library();
    expect(titles()).toEqual(['Gun laws in the US', 'Copa América final', 'Attack on Kyiv']);
    expect(screen.getByText('3 sources · 2 saved by you')).toBeTruthy();
    expect(
      screen.getByText('Folha de São Paulo · 28 Aug 2025 · 1 entity, 0 quotes, 2 events'),
    ).toBeTruthy();
    expect(screen.getAllByText('Bundled with Backstory')).toHaveLength(1);
    // Only what the reader saved can be deleted here.
    expect(screen.queryByRole('button', { name: 'Delete Attack on Kyiv' })).toBeNull();
  });

  test('finds by site without accents and sorts by title', () => {
    library();
    fireEvent.input(screen.getByPlaceholderText('Find by title, site or date'), {
      target: { value: 'sao paulo' },
    });
    expect(titles()).toEqual(['Copa América final']);
    fireEvent.input(screen.getByPlaceholderText('Find by title, site or date'), {
      target: { value: 'nowhere' },
    });
    expect(screen.getByText('No source matches “nowhere”.')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('Find by title, site or date'), {
      target: { value: '' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: /Sort/ }), {
      target: { value: 'title' },
    });
    expect(titles()).toEqual(['Attack on Kyiv', 'Copa América final', 'Gun laws in the US']);
  });

  test('opens a source', () => {
    const { onOpen } = library();
    fireEvent.click(screen.getByRole('button', { name: 'Copa América final' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ datasetId: 'saved-folha' }));
  });

  test('deletes with undo, and says when undo could not bring it back', async () => {
    const { onDelete, onUndoDelete } = library();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Gun laws in the US' }));
    await screen.findByText('Deleted “Gun laws in the US”.');
    expect(onDelete).toHaveBeenCalledWith(expect.objectContaining({ datasetId: 'saved-bbc' }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('“Gun laws in the US” is back.');
    expect(onUndoDelete).toHaveBeenCalledWith(expect.objectContaining({ datasetId: 'saved-bbc' }));

    cleanup();
    library({ onDelete: vi.fn(async () => 'the store is busy; try again') });
    fireEvent.click(screen.getByRole('button', { name: 'Delete Copa América final' }));
    const alert = await screen.findByText('“Copa América final” was not deleted');
    expect(alert.closest('.notice')?.textContent).toContain('the store is busy; try again');
  });

  test('exports the selected sources only', async () => {
    const { onExport } = library();
    const exportButton = screen.getByRole('button', { name: 'Export selected' });
    expect((exportButton as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Gun laws in the US' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Attack on Kyiv' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export 2 sources' }));
    await screen.findByText('Exported 2 sources as one file.');
    expect(onExport).toHaveBeenCalledWith(['seed', 'saved-bbc']);
  });

  test('imports a chosen file and says what happened', async () => {
    const onImport = vi.fn(async () => ({
      tone: 'error' as const,
      title: 'x.json was not imported',
      text: 'entities[0].id: id "kyiv" is already used',
    }));
    library({ onImport });
    const input = screen.getByLabelText('Dataset file to import') as HTMLInputElement;
    const file = new File(['{}'], 'x.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(onImport).toHaveBeenCalledWith(file));
    const notice = (await screen.findByText('x.json was not imported')).closest('.notice');
    expect(within(notice as HTMLElement).getByText(/already used/)).toBeTruthy();
  });
});
