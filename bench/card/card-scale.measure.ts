// How long the hover card's data takes, and how much it reads, with a library of saved articles in the store.
//
// The store is fake-indexeddb (JavaScript, slower than a browser's IndexedDB), so compare runs of this file with
// each other (before and after a change), not with the budget; the rows and text it counts are what a browser reads
// too. Articles are saved with the writer call Save uses (merging recurring names into one family), over the
// bundled dataset. Run it with
//   npx vitest run --config bench/card/vitest.config.ts
// ARTICLES (default 300) sets the library's size; CARDS_OUT=<file> writes the cards built, to compare contents.
import { writeFileSync } from 'node:fs';
import { test } from 'vitest';
import seed from '../../assets/kb/seed.json';
import { buildCard } from '../../lib/background/build-card';
import { KnowledgeWriter } from '../../lib/background/store/writer';
import { parseDataset } from '../../lib/shared/kb/parse';
import { openKnowledgeDb } from '../../lib/shared/store/db';
import { KnowledgeReader } from '../../lib/shared/store/read';
import { generateLibrary } from '../lib/library.mjs';

const ARTICLES = Number(process.env.ARTICLES ?? 300);
const RUNS = 5;

/**
 * Rows each table returned (gets, queries, cursors; "keys" where only keys were asked for), the characters of source
 * text among them, and the requests made (a get, a query or a cursor's every step: what a browser answers with a
 * round trip each).
 */
interface Reads {
  rows: Map<string, number>;
  textChars: number;
  requests: number;
}

function countReads(db: ReturnType<typeof openKnowledgeDb>): Reads {
  const reads: Reads = { rows: new Map(), textChars: 0, requests: 0 };
  const note = (table: string, values: readonly unknown[], keysOnly = false) => {
    reads.requests++;
    const found = values.filter((value) => value !== undefined);
    const what = keysOnly ? `${table} keys` : table;
    reads.rows.set(what, (reads.rows.get(what) ?? 0) + found.length);
    if (table === 'sources' && !keysOnly)
      for (const value of found) {
        const text = (value as { text?: unknown }).text;
        if (typeof text === 'string') reads.textChars += text.length;
      }
  };
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          get: async (req) => {
            const value = await table.get(req);
            note(name, [value]);
            return value;
          },
          getMany: async (req) => {
            const values = await table.getMany(req);
            note(name, values);
            return values;
          },
          query: async (req) => {
            const answer = await table.query(req);
            note(name, answer.result, !req.values);
            return answer;
          },
          count: async (req) => {
            const n = await table.count(req);
            reads.requests++;
            reads.rows.set(`${name} counted`, (reads.rows.get(`${name} counted`) ?? 0) + 1);
            return n;
          },
          // Dexie walks a cursor for anyOf() and other multi-range reads: each step is a row (or key) read.
          openCursor: async (req) => {
            const cursor = await table.openCursor(req);
            if (!cursor) return cursor;
            return Object.create(cursor, {
              start: {
                value: (onNext: () => void) =>
                  cursor.start(() => {
                    note(name, [req.values ? cursor.value : cursor.key], !req.values);
                    onNext();
                  }),
              },
            });
          },
        };
      },
    }),
  });
  return reads;
}

/** The `count` two-word person names the most articles carry, with the id of their first copy. */
function recurring(articles: ReturnType<typeof generateLibrary>['articles'], count: number) {
  const byName = new Map<string, { id: string; articles: number }>();
  for (const { dataset } of articles)
    for (const entity of dataset.entities) {
      if (entity.kind !== 'person' || !entity.name.includes(' ')) continue;
      const seen = byName.get(entity.name) ?? { id: entity.id, articles: 0 };
      seen.articles++;
      byName.set(entity.name, seen);
    }
  return [...byName.values()].sort((a, b) => b.articles - a.articles).slice(0, count);
}

test(`card data with ${ARTICLES} saved articles`, async () => {
  const db = openKnowledgeDb(`card-scale-${Date.now()}`);
  const reads = countReads(db);
  const writer = new KnowledgeWriter(db, () => undefined);
  const parsed = parseDataset(seed);
  if (!parsed.ok) throw new Error('the bundled dataset is invalid');
  await writer.installBundled(parsed.value, 'seed');
  const { articles } = generateLibrary({ articles: ARTICLES });
  const saving = performance.now();
  for (const { dataset, mentions } of articles) {
    const saved = await writer.saveArticle(dataset, mentions);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  }
  console.log(
    `saved ${ARTICLES} articles in ${((performance.now() - saving) / 1000).toFixed(0)} s`,
  );

  const reader = new KnowledgeReader(db);
  const ids = [
    'volodymyr-zelenskyy',
    'kyiv',
    'karoline-leavitt',
    ...recurring(articles, 3).map((r) => r.id),
    // A name of one article only.
    articles[0]?.dataset.entities.at(-1)?.id as string,
  ];
  const cards: Record<string, unknown> = {};
  const lines: string[] = [];
  for (const id of ids) {
    const family = (await reader.family(id)).length;
    await buildCard(reader, id); // warm: the reader's per-version caches
    const times: number[] = [];
    let rows = '';
    let text = 0;
    let requests = 0;
    for (let run = 0; run < RUNS; run++) {
      reads.rows.clear();
      reads.textChars = 0;
      reads.requests = 0;
      const started = performance.now();
      cards[id] = await buildCard(reader, id);
      times.push(performance.now() - started);
      rows = [...reads.rows]
        .filter(([, n]) => n > 0)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ');
      text = reads.textChars;
      requests = reads.requests;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] as number;
    lines.push(
      `${id.padEnd(40)} family ${String(family).padStart(4)}  ${median.toFixed(1).padStart(8)} ms  ${requests} requests; rows: ${rows}; source text ${(text / 1000).toFixed(0)} K chars`,
    );
  }
  console.log(lines.join('\n'));
  if (process.env.CARDS_OUT) writeFileSync(process.env.CARDS_OUT, JSON.stringify(cards, null, 2));
  db.close();
});
