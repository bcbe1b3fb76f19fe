import { describe, expect, test } from 'vitest';
import { panelKnowledge } from '../../../lib/pages/view-models';
import { parseDataset } from '../../../lib/shared/kb/parse';
import { freshKnowledge } from '../support/knowledge';
import { seedDataset } from './seed-dataset';

// The test dataset as the bundled one, read through the store and the background's answers, as the panel does.
const knowledge = panelKnowledge((await freshKnowledge(seedDataset)).access);

describe('panel models from the knowledge base', () => {
  test('the test dataset is itself valid', async () => {
    const parsed = parseDataset(seedDataset);
    expect(parsed.ok ? [] : parsed.error).toEqual([]);
  });

  test('entity: facts with their sentences, quotes with context, related with how', async () => {
    const starmer = await knowledge.entity('keir-starmer');
    expect(starmer?.description).toBe('British Prime Minister');
    expect(starmer?.facts[0]?.sentence).toBe(
      'British Prime Minister Keir Starmer called the strikes “senseless” and accused Russian President Vladimir Putin of sabotaging peace efforts.',
    );
    expect(starmer?.facts.map((fact) => fact.sourceLine)).toEqual(
      starmer?.facts.map(() => seedDataset.sources[0]?.title),
    );
    expect(starmer?.related).toEqual([
      {
        id: 'vladimir-putin',
        name: 'Vladimir Putin',
        kind: 'person',
        relation: 'Keir Starmer accused Vladimir Putin',
      },
    ]);
    const zelenskyy = await knowledge.entity('volodymyr-zelenskyy');
    expect(zelenskyy?.quotes[0]).toMatchObject({
      text: 'Russia chooses ballistics instead of the negotiating table',
      context: 'said in a statement',
      speaker: { id: 'volodymyr-zelenskyy' },
    });
  });

  test('events come in the article’s order and words, not the dataset’s order', async () => {
    const putin = await knowledge.entity('vladimir-putin');
    expect(putin?.events.map((event) => [event.title, event.when])).toEqual([
      ['Trump meets Putin in Alaska', 'Just weeks ago'],
    ]);
    const all = (
      await Promise.all(['kyiv', 'washington', 'alaska'].map((id) => knowledge.entity(id)))
    )
      .flatMap((entity) => entity?.events ?? [])
      .map((event) => event.id);
    expect(all).toEqual(['kyiv-attack', 'arms-sale', 'alaska-meeting']);
  });

  test('event figures read as figures', async () => {
    const attack = await knowledge.event('kyiv-attack');
    expect(attack?.figures).toEqual([
      { label: 'people killed', value: '21', qualifier: 'at least' },
      { label: 'drones and decoys', value: '598', qualifier: undefined },
    ]);
    expect(attack?.where).toBe('Kyiv');
    expect(attack?.participants.map((p) => p.id)).toEqual(['russia', 'kyiv']);
    expect((await knowledge.event('arms-sale'))?.figures[0]).toMatchObject({
      label: 'amount',
      value: '$825 million',
    });
  });

  test('source: mentions marked, the chosen sentence emphasised, text unchanged', async () => {
    const fact = (await knowledge.entity('keir-starmer'))?.facts[0];
    if (!fact) throw new Error('no fact');
    const source = await knowledge.source('seed', fact.span);
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

  test('source: a saved article says where and when it was published, and that the reader saved it', async () => {
    const { access } = await freshKnowledge(seedDataset);
    const text = 'Kyiv woke up to sirens on Monday. The city counted the damage.';
    const saved = await access.requests.saveArticle({
      dataset: {
        schemaVersion: 1,
        id: 'saved-kyiv',
        name: 'Sirens in Kyiv',
        sources: [
          {
            id: 'sirens-in-kyiv',
            title: 'Sirens in Kyiv',
            text,
            publisher: 'Example News',
            published: '2025-08-28T06:00:00+03:00',
          },
        ],
        entities: [],
        facts: [],
        quotes: [],
        events: [],
        relations: [],
      },
      mentions: [],
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const panel = panelKnowledge(access);
    expect(await panel.source('sirens-in-kyiv')).toMatchObject({
      title: 'Sirens in Kyiv',
      published: 'Example News · 28 Aug 2025',
      saved: { datasetId: 'saved-kyiv', savedAt: saved.value.row.addedAt },
    });
    // The bundled article is no saved one: nothing to remove there.
    expect((await panel.source('seed'))?.saved).toBeUndefined();
  });

  test('search documents include names, aliases, roles, quotes and events', async () => {
    const hits = await knowledge.search('starmr');
    expect(hits.entities[0]?.entity.id).toBe('keir-starmer');
    expect((await knowledge.search('zelensky')).entities[0]?.entity.id).toBe('volodymyr-zelenskyy');
    expect((await knowledge.search('kyv')).entities[0]?.entity.id).toBe('kyiv');
    expect((await knowledge.search('ballistics')).quotes[0]?.quote.speaker?.id).toBe(
      'volodymyr-zelenskyy',
    );
    expect((await knowledge.search('alaska')).events[0]?.event.id).toBe('alaska-meeting');
    expect((await knowledge.library()).map((entry) => [entry.origin, entry.sourceId])).toEqual([
      ['bundled', 'seed'],
    ]);
  });
});
