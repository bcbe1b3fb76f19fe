// Saved articles in the store: known entities named, not copied; saving again replaces; removing one article
// keeps what another still names; its file exports with the entities it refers to.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import { savedArticle as article } from '../../support/articles';
import { entityIds } from '../../support/dictionary';
import { freshKnowledge, type TestKnowledge } from '../../support/knowledge';

let knowledge: TestKnowledge;

beforeEach(async () => {
  fakeBrowser.reset();
  knowledge = await freshKnowledge();
});

const first = article(
  'one',
  'Maria Testova visited Kyiv on Monday. Kyiv welcomed the delegation warmly.',
);
const second = article(
  'two',
  'Maria Testova returned home on Friday. Kyiv said goodbye to her team.',
);
const names = [
  { entity: 'maria-testova', count: 1 },
  { entity: 'kyiv', count: 2 },
];

async function save(dataset: Dataset) {
  const saved = await knowledge.access.requests.saveArticle({ dataset, mentions: names });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  return saved.value;
}

describe('saving an article', () => {
  it('stores its items, names the bundled Kyiv without copying it, and adds Maria Testova once', async () => {
    const { reader } = knowledge.access;
    await save(first);
    expect((await reader.entity('kyiv'))?.dataset).toBe('seed-kyiv-attack');
    expect((await reader.entity('maria-testova'))?.dataset).toBe('saved-one');
    expect((await reader.facts('kyiv')).map((fact) => fact.id)).toContain('one-fact-2');
    expect(await reader.sourcesNaming('kyiv')).toBe(1);
    // Listed with its source's line, so options reads no article text to name it.
    expect((await reader.datasets()).find((row) => row.id === 'saved-one')).toMatchObject({
      origin: 'saved',
      article: { title: 'Article one', url: 'https://news.example/one' },
    });
    // The second article names her too: she is known now, so it names her and stores no copy.
    await save(second);
    expect((await reader.entity('maria-testova'))?.dataset).toBe('saved-one');
    expect(await reader.sourcesNaming('maria-testova')).toBe(2);
    expect((await reader.facts('maria-testova')).map((fact) => fact.id)).toEqual([
      'one-fact-1',
      'two-fact-1',
    ]);
    // On pages: her name is in the dictionary the tabs get.
    const dictionary = await knowledge.owner.dictionary();
    expect(entityIds(dictionary.entries)).toContain('maria-testova');
  });

  it('saving the same article again replaces it and says what it had', async () => {
    await save(first);
    const changed = article(
      'one',
      'Maria Testova visited Kyiv on Monday. Kyiv welcomed her again.',
    );
    const again = await save(changed);
    expect(again.replaced).toEqual({ entities: 2, quotes: 0, events: 0 });
    const facts = await knowledge.access.reader.facts('kyiv');
    expect(facts.filter((fact) => fact.dataset === 'saved-one').map((fact) => fact.text)).toEqual([
      'Kyiv welcomed her again.',
    ]);
  });

  it('refuses a saved article whose id belongs to an imported dataset, and keeps that one', async () => {
    const clash = { ...first, id: 'seed-kyiv-attack' };
    const refused = await knowledge.access.requests.saveArticle({
      dataset: clash,
      mentions: names,
    });
    expect(refused.ok).toBe(false);
    expect((await knowledge.access.reader.datasets()).map((row) => row.id)).toEqual([
      'seed-kyiv-attack',
    ]);
  });
});

describe('removing a saved article', () => {
  it('takes its items away but keeps an entity another article still names', async () => {
    const { reader, requests } = knowledge.access;
    await save(first);
    await save(second);
    expect(await reader.entityIds()).toEqual(expect.arrayContaining(['kyiv', 'maria-testova']));
    await requests.removeDataset('saved-one');
    expect(await reader.facts('kyiv')).not.toContainEqual(
      expect.objectContaining({ id: 'one-fact-2' }),
    );
    // Maria Testova came with the first article, but the second names her: she stays, now the second's.
    expect((await reader.entity('maria-testova'))?.dataset).toBe('saved-two');
    expect(await reader.sourcesNaming('maria-testova')).toBe(1);
    await requests.removeDataset('saved-two');
    expect(await reader.entity('maria-testova')).toBeUndefined();
    expect(await reader.entityIds()).not.toContain('maria-testova');
    expect(await reader.sourcesNaming('kyiv')).toBe(0);
    // The bundled dataset is untouched.
    expect((await reader.entity('kyiv'))?.dataset).toBe('seed-kyiv-attack');
  });
});

describe('exporting a saved article', () => {
  it('gives a file that validates on its own: the entities it names come as copies', async () => {
    await save(first);
    await save(second);
    const file = await knowledge.access.reader.datasetFile('saved-two');
    expect(file?.entities.map((entity) => entity.id).sort()).toEqual(['kyiv', 'maria-testova']);
    expect(parseDataset(file).ok).toBe(true);
  });
});

describe('undoing a removal', () => {
  it('brings the article back as it was, with what it had handed to another article', async () => {
    const { reader, requests } = knowledge.access;
    await save(first);
    await save(second);
    const before = {
      facts: await reader.facts('maria-testova'),
      owner: (await reader.entity('maria-testova'))?.dataset,
      naming: await reader.sourcesNaming('kyiv'),
      datasets: await reader.datasets(),
    };
    await requests.removeDataset('saved-one');
    expect((await reader.entity('maria-testova'))?.dataset).toBe('saved-two');
    expect(await requests.restoreRemoved('saved-one')).toMatchObject({ ok: true });
    expect(await reader.facts('maria-testova')).toEqual(before.facts);
    expect((await reader.entity('maria-testova'))?.dataset).toBe(before.owner);
    expect(await reader.sourcesNaming('kyiv')).toBe(before.naming);
    expect(await reader.datasets()).toEqual(before.datasets);
    // Once only: the trash gave it back.
    expect(await requests.restoreRemoved('saved-one')).toEqual({
      ok: false,
      error: 'there is nothing to undo for it any more',
    });
  });

  it('keeps only the latest few removals', async () => {
    const { requests } = knowledge.access;
    for (let i = 0; i < 7; i++) {
      await save(
        article(`n${i}`, `Maria Testova visited Kyiv ${i} times. Kyiv was ready ${i} times.`),
      );
      await requests.removeDataset(`saved-n${i}`);
    }
    expect(await knowledge.owner.db.trash.count()).toBe(5);
    expect((await requests.restoreRemoved('saved-n0')).ok).toBe(false);
    expect((await requests.restoreRemoved('saved-n6')).ok).toBe(true);
  });
});

describe('the library', () => {
  it('lists each article with its title, site, date and counts, without reading its text', async () => {
    await save(first);
    const row = (await knowledge.access.reader.datasets()).find((r) => r.id === 'saved-one');
    expect(row).toMatchObject({
      origin: 'saved',
      counts: { entities: 2, quotes: 0, events: 0 },
      article: {
        sourceId: 'one-article',
        title: 'Article one',
        site: 'news.example',
        url: 'https://news.example/one',
      },
    });
  });
});
