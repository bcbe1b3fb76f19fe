import { describe, expect, test } from 'vitest';
import seed from '../../../assets/kb/seed.json';
import { panelKnowledge } from '../../../lib/pages/view-models';
import { parseDataset } from '../../../lib/shared/kb/parse';
import { freshKnowledge } from '../support/knowledge';

const parsed = parseDataset(seed);
if (!parsed.ok) throw new Error('bundled dataset invalid');
// The bundled dataset installed in a store as the background installs it, read as the panel reads it.
const { access } = await freshKnowledge();
const knowledge = panelKnowledge(access);

describe('the panel over the bundled dataset', () => {
  test.each([
    ['zelensky', 'volodymyr-zelenskyy'],
    ['kyv', 'kyiv'],
    ['starmr', 'keir-starmer'],
    ['Kiev', 'kyiv'],
    ['leavit', 'karoline-leavitt'],
    ['press secretary', 'karoline-leavitt'],
  ])('search %s → %s first', async (query, id) => {
    expect((await knowledge.search(query)).entities[0]?.entity.id).toBe(id);
  });

  test.each([
    ['Friedrich Mertz', 'friedrich-merz'],
    ['Zelensky', 'volodymyr-zelenskyy'],
    ['Putin’s', 'vladimir-putin'],
    ['the president', undefined],
  ])('a looked-up selection %s lands on %s', async (text, id) => {
    expect((await knowledge.bestEntity(text))?.id).toBe(id);
  });

  test.each([
    ['Starmer and Macron met', ['keir-starmer']],
    ['peace talks in Kyiv', ['kyiv']],
    ['Merz, Starmer and Kallas', ['friedrich-merz', 'keir-starmer', 'kaja-kallas']],
  ])('the names in a sentence (%s) are its first results, but no landing', async (text, ids) => {
    const found = (await knowledge.search(text)).entities.map((hit) => hit.entity.id);
    expect(found.slice(0, ids.length)).toEqual(ids);
    expect(await knowledge.bestEntity(text)).toBeUndefined();
  });

  test('every entity, event and the source build without gaps', async () => {
    for (const hit of await access.reader.allEntities()) {
      const entity = await knowledge.entity(hit.id);
      expect(entity?.name).toBe(hit.name);
      for (const fact of entity?.facts ?? []) expect(fact.sentence).toContain(fact.text);
    }
    for (const event of await access.reader.allEvents()) {
      expect((await knowledge.event(event.id))?.sentences.length).toBeGreaterThan(0);
    }
    const [bundled] = await knowledge.library();
    const source = await knowledge.source(bundled?.sourceId ?? '');
    expect(source?.paragraphs.length).toBeGreaterThan(20);
  });
});
