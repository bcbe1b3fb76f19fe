// The store opened over one an earlier build left (versions 1 and 2, before merges and the library): every row is
// upgraded the one way, whatever shape it was kept in. Version 2 is also what the first builds of "Save this
// article" wrote, with the saved article's line ({ title, publisher, published, url }) on its dataset row.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openKnowledgeDb } from '../../../../lib/shared/store/db';

const NAME = 'backstory-knowledge-upgrade-test';

const V1 = {
  datasets: 'id, origin',
  sources: 'id, dataset',
  entities: 'id, dataset, *names',
  facts: 'id, dataset, entity, evidence.source',
  quotes: 'id, dataset, speaker, evidence.source',
  events: 'id, dataset, *where, *participants, *sources',
  relations: 'id, dataset, subject, object',
  meta: 'key',
};

const counts = { entities: 1, quotes: 0, events: 0 };

/** Writes an older store: a saved article (with the line `savedLine` on its row), an imported dataset of two sources. */
async function writeOld(version: 1 | 2, savedLine?: object): Promise<void> {
  const old = new Dexie(NAME);
  old.version(1).stores(V1);
  if (version === 2)
    old.version(2).stores({ mentions: '[source+entity], source, entity, dataset' });
  await old.open();
  await old.table('datasets').bulkPut([
    {
      id: 'saved-one',
      name: 'Article one',
      origin: 'saved',
      enabled: true,
      addedAt: '2026-11-01T10:00:00.000Z',
      counts,
      bytes: 100,
      ...(savedLine ? { article: savedLine } : {}),
    },
    {
      id: 'imported-two',
      name: 'Two sources',
      origin: 'imported',
      enabled: true,
      addedAt: '2026-11-01T10:00:00.000Z',
      counts,
      bytes: 100,
    },
  ]);
  await old.table('sources').bulkPut([
    {
      id: 'one-article',
      dataset: 'saved-one',
      order: 0,
      title: 'Article one',
      publisher: 'The Example',
      published: '2017-01-13',
      url: 'https://www.news.example/one',
    },
    { id: 'two-a', dataset: 'imported-two', order: 0, title: 'A', url: 'https://a.example/' },
    { id: 'two-b', dataset: 'imported-two', order: 1, title: 'B' },
  ]);
  await old.table('entities').put({
    id: 'mark-warner',
    dataset: 'saved-one',
    order: 0,
    kind: 'person',
    name: 'Mark Warner',
    aliases: [{ text: 'Senator Warner' }],
    names: ['mark warner', 'senator warner'],
  });
  old.close();
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('opening a store an earlier build left', () => {
  for (const [from, line] of [
    [1, undefined],
    [2, undefined],
    [
      2,
      {
        title: 'Article one',
        publisher: 'The Example',
        published: '2017-01-13',
        url: 'https://www.news.example/one',
      },
    ],
  ] as const) {
    it(`upgrades version ${from}${line ? ' with a saved article’s line' : ''}: one summary, name words, new tables`, async () => {
      await writeOld(from, line);
      const db = openKnowledgeDb(NAME);
      try {
        const saved = await db.datasets.get('saved-one');
        expect(saved?.article).toEqual({
          sourceId: 'one-article',
          title: 'Article one',
          publisher: 'The Example',
          site: 'The Example',
          published: '2017-01-13',
          url: 'https://www.news.example/one',
        });
        // Two sources: no one article to list.
        expect((await db.datasets.get('imported-two'))?.article).toBeUndefined();
        expect((await db.entities.get('mark-warner'))?.words).toEqual(
          expect.arrayContaining(['mark', 'warner']),
        );
        expect(await db.entities.where('words').equals('warner').primaryKeys()).toEqual([
          'mark-warner',
        ]);
        expect([
          await db.mentions.count(),
          await db.merges.count(),
          await db.trash.count(),
        ]).toEqual([0, 0, 0]);
      } finally {
        db.close();
      }
    });
  }
});
