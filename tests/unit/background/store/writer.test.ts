// Writes to the knowledge store: each one whole or not at all, no id ever taken twice, quota failures said plainly.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KnowledgeWriter } from '../../../../lib/background/store/writer';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import { ITEM_TABLES, type KnowledgeDb, openKnowledgeDb } from '../../../../lib/shared/store/db';
import { KnowledgeReader } from '../../../../lib/shared/store/read';
import { fromRows } from '../../../../lib/shared/store/rows';
import { readRepoFile } from '../../shared/kb/fixtures';
import { largeDataset, smallDataset } from '../../support/dataset-fixture';

let count = 0;
let db: KnowledgeDb;
let writer: KnowledgeWriter;
let reader: KnowledgeReader;
let announced: number[];

function seed(): Dataset {
  const parsed = parseDataset(JSON.parse(readRepoFile('assets/kb/seed.json')));
  if (!parsed.ok) throw new Error('bundled dataset invalid');
  return parsed.value;
}

const valid = (value: unknown): Dataset => {
  const parsed = parseDataset(value);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
};

/** Every row of every table, to compare before and after a write that must change nothing. */
async function everything(): Promise<unknown[]> {
  return Promise.all(
    [db.datasets, ...ITEM_TABLES.map((table) => db[table])].map((t) => t.toArray()),
  );
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = openKnowledgeDb(`writer-test-${++count}`);
  announced = [];
  writer = new KnowledgeWriter(db, (version) => void announced.push(version));
  reader = new KnowledgeReader(db);
  await writer.installBundled(seed(), 'hash');
});

describe('adding datasets', () => {
  it('stores every item, lists the dataset enabled, and gives back the same file on export', async () => {
    const added = await writer.add([{ dataset: valid(smallDataset()), origin: 'imported' }]);
    expect(added.ok && added.value.map((row) => [row.id, row.enabled, row.counts])).toEqual([
      ['fixture-set', true, { entities: 3, quotes: 1, events: 1 }],
    ]);
    expect((await reader.entity('maria-testova'))?.name).toBe('Maria Testova');
    const rows = await reader.datasetRows('fixture-set');
    expect(rows && fromRows(rows)).toEqual(valid(smallDataset()));
    // The bundled dataset too comes back as the file it was.
    const bundled = await reader.datasetRows('seed-kyiv-attack');
    expect(bundled && `${JSON.stringify(fromRows(bundled), null, 2)}\n`).toBe(
      readRepoFile('assets/kb/seed.json'),
    );
  });

  it('refuses every id already in use — by the bundled dataset or a disabled one — naming each, and writes nothing', async () => {
    await writer.add([{ dataset: valid(smallDataset()), origin: 'imported' }]);
    await writer.setEnabled('fixture-set', false);
    const incoming = valid(smallDataset());
    incoming.name = 'Second copy';
    (incoming.entities[2] as Dataset['entities'][number]).id = 'kyiv';
    (incoming.events[0] as Dataset['events'][number]).where = ['kyiv'];
    const before = await everything();
    const result = await writer.add([{ dataset: incoming, origin: 'imported' }]);
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === 'invalid') {
      expect(result.error.issues.map((issue) => issue.path)).toEqual([
        'id',
        'sources[0].id',
        'entities[0].id',
        // entities[1] (Example Council, no evidence of its own) is a copy of the stored one: named, no clash.
        'entities[2].id',
        'facts[0].id',
        'quotes[0].id',
        'events[0].id',
      ]);
      expect(result.error.issues[0]?.message).toMatch(/already imported \(Fixture set\)/);
      expect(result.error.issues[3]?.message).toBe(
        'id "kyiv" is already used in entities of dataset "seed-kyiv-attack" ("Russian missile and drone attack on Kyiv (bundled)")',
      );
    }
    expect(await everything()).toEqual(before);
  });

  it('is all-or-nothing for several datasets: one that clashes with another of the same file keeps them all out', async () => {
    const a = valid(largeDataset('set-a', 0.01));
    const b = valid(largeDataset('set-b', 0.01));
    const clash = valid(largeDataset('set-c', 0.01));
    (clash.entities[0] as Dataset['entities'][number]).id = a.entities[0]?.id as string;
    const before = await everything();
    const result = await writer.add([
      { dataset: a, origin: 'imported', path: 'datasets[0].data' },
      { dataset: b, origin: 'imported', path: 'datasets[1].data' },
      { dataset: clash, origin: 'imported', path: 'datasets[2].data' },
    ]);
    expect(result.ok || result.error).toMatchObject({
      kind: 'invalid',
      issues: [
        { path: 'datasets[2].data.entities[0].id', message: expect.stringMatching(/"set-a"/) },
      ],
    });
    expect(await everything()).toEqual(before);
    expect(announced).toEqual([1]); // only the bundled install
  });

  it('two imports at the same moment cannot both take an id: one is stored, the other told why', async () => {
    const [first, second] = await Promise.all([
      writer.add([{ dataset: valid(smallDataset('same-one')), origin: 'imported' }]),
      writer.add([{ dataset: valid(smallDataset('same-two')), origin: 'imported' }]),
    ]);
    // Both name the same items (maria-testova, …): exactly one gets them.
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const winner = first.ok ? 'same-one' : 'same-two';
    expect((await reader.datasets()).map((row) => row.id)).toEqual(['seed-kyiv-attack', winner]);
    expect((await db.entities.get('maria-testova'))?.dataset).toBe(winner);
  });

  it('turns the browser’s quota error into a message saying what did not fit, with nothing half-written', async () => {
    const before = await everything();
    // The browser refuses the third table's write, as IndexedDB does when the disk or quota is full.
    vi.spyOn(db.facts, 'bulkAdd').mockRejectedValueOnce(
      Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }),
    );
    const result = await writer.add([{ dataset: valid(smallDataset()), origin: 'imported' }]);
    expect(result.ok || result.error).toMatchObject({
      kind: 'quota',
      message: expect.stringMatching(
        /^Fixture set \(\d+\.\d KB\) did not fit in the browser’s storage\..*Remove a dataset you no longer need, or free disk space, and try again\. Nothing was changed\.$/,
      ),
    });
    expect(await everything()).toEqual(before);
    expect(await reader.entity('maria-testova')).toBeUndefined();
  });
});

describe('switching, removing, replacing', () => {
  it('a switched-off dataset keeps its items but no read returns them; removing takes every item away', async () => {
    await writer.add([{ dataset: valid(smallDataset()), origin: 'imported' }]);
    await writer.setEnabled('fixture-set', false);
    expect(await reader.entity('maria-testova')).toBeUndefined();
    expect(await reader.quotes('maria-testova')).toEqual([]);
    expect(await db.entities.get('maria-testova')).toBeDefined();
    await writer.setEnabled('fixture-set', true);
    expect((await reader.facts('maria-testova')).map((fact) => fact.id)).toEqual([
      'maria-leads-council',
    ]);
    await writer.remove('fixture-set');
    for (const table of ITEM_TABLES)
      expect(await db[table].where('dataset').equals('fixture-set').count(), table).toBe(0);
    expect(await db.datasets.get('fixture-set')).toBeUndefined();
  });

  it('replacing the imported datasets (a restore) keeps the bundled one and is one transaction', async () => {
    await writer.add([{ dataset: valid(smallDataset('old-set')), origin: 'imported' }]);
    const replaced = await writer.replaceImported([
      { dataset: valid(largeDataset('new-set', 0.01)), origin: 'imported', enabled: false },
    ]);
    expect(replaced.ok).toBe(true);
    expect((await reader.datasets()).map((row) => [row.id, row.enabled])).toEqual([
      ['seed-kyiv-attack', true],
      ['new-set', false],
    ]);
    // A restore whose datasets clash with what stays is refused, and the old ones stay.
    const clash = valid(smallDataset('clash-set'));
    (clash.entities[0] as Dataset['entities'][number]).id = 'kyiv';
    (clash.facts[0] as Dataset['facts'][number]).entity = 'kyiv';
    (clash.quotes[0] as Dataset['quotes'][number]).speaker = 'kyiv';
    (clash.events[0] as Dataset['events'][number]).participants = ['kyiv', 'example-council'];
    const refused = await writer.replaceImported([{ dataset: clash, origin: 'imported' }]);
    expect(refused.ok).toBe(false);
    expect((await reader.datasets()).map((row) => row.id)).toEqual(['seed-kyiv-attack', 'new-set']);
  });

  it('every committed write bumps the version once and announces it', async () => {
    const start = await reader.version();
    await writer.add([{ dataset: valid(smallDataset()), origin: 'imported' }]);
    await writer.setEnabled('fixture-set', false);
    await writer.remove('fixture-set');
    expect(await reader.version()).toBe(start + 3);
    expect(announced.slice(-3)).toEqual([start + 1, start + 2, start + 3]);
  });
});
