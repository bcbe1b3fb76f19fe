import { describe, expect, test } from 'vitest';
import seed from '../../../assets/kb/seed.json';
import { bestEntityFor } from '../../../lib/pages/search';
import { buildPanelKnowledge } from '../../../lib/pages/view-models';
import { KnowledgeBase } from '../../../lib/shared/kb/knowledge-base';
import { parseDataset } from '../../../lib/shared/kb/parse';

const parsed = parseDataset(seed);
if (!parsed.ok) throw new Error('bundled dataset invalid');
const knowledge = buildPanelKnowledge(new KnowledgeBase([parsed.value]));

describe('the panel over the bundled dataset', () => {
  test.each([
    ['zelensky', 'volodymyr-zelenskyy'],
    ['kyv', 'kyiv'],
    ['starmr', 'keir-starmer'],
    ['Kiev', 'kyiv'],
    ['leavit', 'karoline-leavitt'],
    ['press secretary', 'karoline-leavitt'],
  ])('search %s → %s first', (query, id) => {
    expect(knowledge.search.search(query).entities[0]?.entity.id).toBe(id);
  });

  test.each([
    ['Friedrich Mertz', 'friedrich-merz'],
    ['Zelensky', 'volodymyr-zelenskyy'],
    ['Putin’s', 'vladimir-putin'],
    ['the president', undefined],
  ])('a looked-up selection %s lands on %s', (text, id) => {
    expect(bestEntityFor(knowledge.search, text)?.id).toBe(id);
  });

  test.each([
    ['Starmer and Macron met', ['keir-starmer']],
    ['peace talks in Kyiv', ['kyiv']],
    ['Merz, Starmer and Kallas', ['friedrich-merz', 'keir-starmer', 'kaja-kallas']],
  ])('the names in a sentence (%s) are its first results, but no landing', (text, ids) => {
    const found = knowledge.search.search(text).entities.map((hit) => hit.entity.id);
    expect(found.slice(0, ids.length)).toEqual(ids);
    expect(bestEntityFor(knowledge.search, text)).toBeUndefined();
  });

  test('every entity, event and the source build without gaps', () => {
    for (const hit of knowledge.corpus.entities) {
      const entity = knowledge.entity(hit.id);
      expect(entity?.name).toBe(hit.name);
      for (const fact of entity?.facts ?? []) expect(fact.sentence).toContain(fact.text);
    }
    for (const event of knowledge.corpus.events) {
      expect(knowledge.event(event.id)?.sentences.length).toBeGreaterThan(0);
    }
    const source = knowledge.source(knowledge.defaultSourceId ?? '');
    expect(source?.paragraphs.length).toBeGreaterThan(20);
  });
});
