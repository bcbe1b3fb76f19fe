// The library: every source listed with title, site, date and counts; searched and sorted as a reader would; the
// selected ones exported as one file that imports again elsewhere.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type LibraryEntry,
  libraryEntries,
  searchLibrary,
  sortLibrary,
} from '../../../lib/pages/library';
import {
  deleteFromLibrary,
  exportSelected,
  importIntoLibrary,
  undoDelete,
} from '../../../lib/pages/library-actions';
import { readDatasetFile } from '../../../lib/shared/kb/transfer';
import { savedArticle } from '../support/articles';
import { freshKnowledge, type TestKnowledge } from '../support/knowledge';

let knowledge: TestKnowledge;

beforeEach(async () => {
  fakeBrowser.reset();
  knowledge = await freshKnowledge();
});

async function save(key: string, text: string, extra: { published?: string; publisher?: string }) {
  const saved = await knowledge.access.requests.saveArticle({
    dataset: savedArticle(key, text, extra),
    mentions: [
      { entity: 'maria-testova', count: 1 },
      { entity: 'kyiv', count: 1 },
    ],
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
}

async function entries(): Promise<LibraryEntry[]> {
  return libraryEntries(await knowledge.access.reader.datasets());
}

describe('the library', () => {
  beforeEach(async () => {
    await save('one', 'Maria Testova visited Kyiv on Monday. Kyiv welcomed the delegation.', {
      publisher: 'Folha de São Paulo',
      published: '2025-08-28T10:00:00Z',
    });
    await save('two', 'Maria Testova returned home on Friday. Kyiv said goodbye to her team.', {
      publisher: 'BBC News',
      published: '2025-09-02',
    });
    await save('three', 'Maria Testova gave a speech. Kyiv listened closely to it.', {});
  });

  it('lists every source with its title, site, date and counts, the bundled article too', async () => {
    const listed = await entries();
    expect(listed.map((entry) => [entry.title, entry.site, entry.day, entry.origin])).toEqual([
      ['Attack on Kyiv', undefined, undefined, 'bundled'].map((v, i) =>
        i === 0 ? expect.any(String) : v,
      ),
      ['Article one', 'Folha de São Paulo', '2025-08-28', 'saved'],
      ['Article two', 'BBC News', '2025-09-02', 'saved'],
      ['Article three', 'news.example', undefined, 'saved'],
    ]);
    expect(listed[1]?.counts).toEqual({ entities: 2, quotes: 0, events: 0 });
    expect(listed[1]?.sourceId).toBe('one-article');
  });

  it('finds sources by any words of title, site or date, accents and case aside', async () => {
    const listed = await entries();
    expect(searchLibrary(listed, 'sao paulo').map((e) => e.title)).toEqual(['Article one']);
    expect(searchLibrary(listed, 'ARTICLE bbc').map((e) => e.title)).toEqual(['Article two']);
    expect(searchLibrary(listed, '2025-09').map((e) => e.title)).toEqual(['Article two']);
    expect(searchLibrary(listed, 'nothing like it')).toEqual([]);
    expect(searchLibrary(listed, '   ')).toHaveLength(4);
  });

  it('sorts by publication date (undated last), title and site', async () => {
    const listed = (await entries()).filter((entry) => entry.origin === 'saved');
    expect(sortLibrary(listed, 'published').map((e) => e.title)).toEqual([
      'Article two',
      'Article one',
      'Article three',
    ]);
    expect(sortLibrary(listed, 'title').map((e) => e.title)).toEqual([
      'Article one',
      'Article three',
      'Article two',
    ]);
    expect(sortLibrary(listed, 'site').map((e) => e.site)).toEqual([
      'BBC News',
      'Folha de São Paulo',
      'news.example',
    ]);
    // Saved last comes first.
    expect(sortLibrary(listed, 'added').map((e) => e.title)[0]).toBe('Article three');
  });

  it('exports the selected sources as one valid dataset file that imports into another profile', async () => {
    const exported = await exportSelected(
      knowledge.access,
      ['saved-one', 'saved-two'],
      new Date('2026-12-03T12:00:00Z'),
    );
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.fileName).toBe('library-2026-12-03-2.json');
    const file = readDatasetFile(exported.text);
    if (!file.ok) throw new Error(JSON.stringify(file.error));
    expect(file.value.sources.map((source) => source.id)).toEqual(['one-article', 'two-article']);
    // Maria Testova and Kyiv once each, though both articles name them.
    expect(file.value.entities.map((entity) => entity.id).sort()).toEqual([
      'kyiv',
      'maria-testova',
    ]);
    expect(file.value.facts).toHaveLength(4);

    // Into another profile: the bundled Kyiv is there already, so the file's copy of it is named, not a clash.
    const elsewhere = await freshKnowledge();
    const imported = await elsewhere.access.requests.importDatasetFile({
      name: exported.fileName,
      text: exported.text,
    });
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    const { reader, requests } = elsewhere.access;
    expect((await reader.entity('kyiv'))?.dataset).toBe('seed-kyiv-attack');
    expect((await reader.facts('kyiv')).map((fact) => fact.id)).toEqual(
      expect.arrayContaining(['one-fact-2', 'two-fact-2']),
    );
    expect((await reader.entity('maria-testova'))?.dataset).toBe('library-2026-12-03-2');
    // Removing the import takes its items and leaves the bundled Kyiv as it was.
    await requests.removeDataset('library-2026-12-03-2');
    expect(await reader.entity('maria-testova')).toBeUndefined();
    expect((await reader.entity('kyiv'))?.dataset).toBe('seed-kyiv-attack');
    expect((await reader.facts('kyiv')).map((fact) => fact.id)).not.toContain('one-fact-2');
  });

  it('says why nothing was exported', async () => {
    expect(await exportSelected(knowledge.access, [])).toEqual({
      ok: false,
      message: 'Select at least one source to export.',
    });
    expect(await exportSelected(knowledge.access, ['gone'])).toMatchObject({ ok: false });
  });

  it('deletes a saved article: what only it said goes, what another source also says stays; undo brings it back', async () => {
    const { reader } = knowledge.access;
    const one = (await entries()).find((entry) => entry.datasetId === 'saved-one') as LibraryEntry;
    expect(await deleteFromLibrary(knowledge.access, one)).toBeNull();
    expect((await entries()).map((entry) => entry.datasetId)).not.toContain('saved-one');
    expect((await reader.facts('kyiv')).map((fact) => fact.id)).not.toContain('one-fact-2');
    // Maria Testova came with it, but the other articles name her: she stays.
    expect(await reader.entity('maria-testova')).toBeDefined();
    expect((await reader.facts('maria-testova')).map((fact) => fact.id)).toEqual([
      'two-fact-1',
      'three-fact-1',
    ]);
    expect(await undoDelete(knowledge.access, one)).toBeNull();
    expect((await entries()).map((entry) => entry.datasetId)).toContain('saved-one');
    expect((await reader.facts('kyiv')).map((fact) => fact.id)).toContain('one-fact-2');
    expect(await undoDelete(knowledge.access, one)).toMatch(/could not be brought back/);
    // The bundled article is not deleted from here.
    const bundled = (await entries()).find((entry) => entry.origin === 'bundled') as LibraryEntry;
    expect(await deleteFromLibrary(knowledge.access, bundled)).toMatch(/options/);
  });

  it('imports a file, and says why one that clashes was not imported', async () => {
    const exported = await exportSelected(knowledge.access, ['saved-two']);
    if (!exported.ok) throw new Error(exported.message);
    const file = { name: 'two.json', size: exported.text.length, text: async () => exported.text };
    const clash = await importIntoLibrary(knowledge.access, file);
    expect(clash).toMatchObject({ tone: 'error', title: 'two.json was not imported' });
    expect(clash.text).toMatch(/^id: a dataset with the id "saved-two" is already imported/);
    await deleteFromLibrary(knowledge.access, { datasetId: 'saved-two', origin: 'saved' });
    expect(await importIntoLibrary(knowledge.access, file)).toEqual({
      tone: 'success',
      title: 'Imported Article two: 2 entities, 0 quotes, 0 events.',
    });
  });
});
