import { describe, expect, test } from 'vitest';
import { buildPanelKnowledge } from '../../../lib/pages/view-models';
import { KnowledgeBase } from '../../../lib/shared/kb/knowledge-base';
import { parseDataset } from '../../../lib/shared/kb/parse';
import { seedDataset } from './seed-dataset';

const knowledge = buildPanelKnowledge(new KnowledgeBase([seedDataset]));

describe('panel models from the knowledge base', () => {
  test('the test dataset is itself valid', () => {
    const parsed = parseDataset(seedDataset);
    expect(parsed.ok ? [] : parsed.error).toEqual([]);
  });

  test('entity: facts with their sentences, quotes with context, related with how', () => {
    const starmer = knowledge.entity('keir-starmer');
    expect(starmer?.description).toBe('British Prime Minister');
    expect(starmer?.facts[0]?.sentence).toBe(
      'British Prime Minister Keir Starmer called the strikes “senseless” and accused Russian President Vladimir Putin of sabotaging peace efforts.',
    );
    expect(starmer?.related).toEqual([
      {
        id: 'vladimir-putin',
        name: 'Vladimir Putin',
        kind: 'person',
        relation: 'Keir Starmer accused Vladimir Putin',
      },
    ]);
    const zelenskyy = knowledge.entity('volodymyr-zelenskyy');
    expect(zelenskyy?.quotes[0]).toMatchObject({
      text: 'Russia chooses ballistics instead of the negotiating table',
      context: 'said in a statement',
      speaker: { id: 'volodymyr-zelenskyy' },
    });
  });

  test('events come in the article’s order and words, not the dataset’s order', () => {
    const putin = knowledge.entity('vladimir-putin');
    expect(putin?.events.map((event) => [event.title, event.when])).toEqual([
      ['Trump meets Putin in Alaska', 'Just weeks ago'],
    ]);
    const all = ['kyiv', 'washington', 'alaska']
      .flatMap((id) => knowledge.entity(id)?.events ?? [])
      .map((event) => event.id);
    expect(all).toEqual(['kyiv-attack', 'arms-sale', 'alaska-meeting']);
  });

  test('event figures read as figures', () => {
    const attack = knowledge.event('kyiv-attack');
    expect(attack?.figures).toEqual([
      { label: 'people killed', value: '21', qualifier: 'at least' },
      { label: 'drones and decoys', value: '598', qualifier: undefined },
    ]);
    expect(attack?.where).toBe('Kyiv');
    expect(attack?.participants.map((p) => p.id)).toEqual(['russia', 'kyiv']);
    expect(knowledge.event('arms-sale')?.figures[0]).toMatchObject({
      label: 'amount',
      value: '$825 million',
    });
  });

  test('source: mentions marked, the chosen sentence emphasised, text unchanged', () => {
    const fact = knowledge.entity('keir-starmer')?.facts[0];
    if (!fact) throw new Error('no fact');
    const source = knowledge.source('seed', fact.span);
    if (!source) throw new Error('no source');
    const segments = source.paragraphs.flat();
    const emphasised = segments
      .filter((segment) => segment.emphasised)
      .map((s) => s.text)
      .join('');
    expect(emphasised).toBe(fact.sentence);
    const marked = segments.filter((segment) => segment.entity);
    expect(marked.filter((s) => s.entity?.id === 'kyiv').length).toBeGreaterThan(10);
    expect(marked.find((s) => s.text === 'Keir Starmer')?.entity?.id).toBe('keir-starmer');
    // Every character of every non-empty line is there, in order.
    const lines = seedDataset.sources[0]?.text.split('\n').filter((line) => line.trim() !== '');
    expect(source.paragraphs.map((p) => p.map((s) => s.text).join(''))).toEqual(lines);
  });

  test('search documents include names, aliases, roles, quotes and events', () => {
    const hits = knowledge.search.search('starmr');
    expect(hits.entities[0]?.entity.id).toBe('keir-starmer');
    expect(knowledge.search.search('zelensky').entities[0]?.entity.id).toBe('volodymyr-zelenskyy');
    expect(knowledge.search.search('kyv').entities[0]?.entity.id).toBe('kyiv');
    expect(knowledge.search.search('ballistics').quotes[0]?.quote.speaker?.id).toBe(
      'volodymyr-zelenskyy',
    );
    expect(knowledge.search.search('alaska').events[0]?.event.id).toBe('alaska-meeting');
    expect(knowledge.defaultSourceId).toBe('seed');
  });
});
