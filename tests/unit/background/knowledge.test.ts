// The background's knowledge: the dictionary tabs get (from the store, built once per version), the bundled
// dataset installed once per build, and every write announced.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import seed from '../../../assets/kb/seed.json';
import { contentHash, KnowledgeOwner } from '../../../lib/background/knowledge';
import { compileMatcher, matcherFromTables } from '../../../lib/shared/match/matcher';
import { decodeTables } from '../../../lib/shared/match/tables-transfer';
import { openKnowledgeDb } from '../../../lib/shared/store/db';
import { announcedVersion } from '../../../lib/shared/store/signal';
import { largeDataset, smallDataset } from '../support/dataset-fixture';
import { entityEntry, entityIds, paintedId } from '../support/dictionary';
import { freshKnowledge, importDataset } from '../support/knowledge';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the dictionary', () => {
  it('sends exclusions along, so a tab marks America but not South America', async () => {
    const { owner } = await freshKnowledge();
    const { entries: dictionary } = await owner.dictionary();
    const us = entityEntry(dictionary, 'united-states');
    expect(us?.excludes).toContainEqual({ text: 'South America', caseSensitive: false });
    // Entities without exclusions carry no empty list to every tab.
    expect(entityEntry(dictionary, 'norway')).not.toHaveProperty('excludes');
    const text = 'America and South America';
    const matches = compileMatcher(dictionary).find(text);
    expect(
      matches.map((m) => [text.slice(m.start, m.end), paintedId(dictionary, m.entity)]),
    ).toEqual([['America', 'united-states']]);
  });

  it('sends the built matcher along, so a tab needs not compile one', async () => {
    const { owner } = await freshKnowledge();
    const { entries: dictionary, tables } = await owner.dictionary();
    // Small enough to copy into every frame (the seed's are tens of kilobytes).
    expect(JSON.stringify(tables).length).toBeLessThan(200_000);
    const text = 'Zelenskyy’s aide met Putin in Kyiv; South America, the US and us.';
    const carried = matcherFromTables(decodeTables(JSON.parse(JSON.stringify(tables))));
    expect(carried.find(text)).toEqual(compileMatcher(dictionary).find(text));
    expect(carried.find(text).map((m) => paintedId(dictionary, m.entity))).toEqual([
      'volodymyr-zelenskyy',
      'vladimir-putin',
      'kyiv',
      'united-states',
    ]);
  });

  it('gives the bundled Washington, the capital, the names of the capital and makes the state another place', async () => {
    const { owner } = await freshKnowledge();
    const { entries: dictionary } = await owner.dictionary();
    const text = 'Washington, D.C. and Washington state; Washington.';
    const found = compileMatcher(dictionary)
      .find(text)
      .map((m) => [text.slice(m.start, m.end), dictionary[m.entity]]);
    expect(found).toEqual([
      ['Washington, D.C.', expect.objectContaining({ entityId: 'washington' })],
      ['Washington state', expect.objectContaining({ other: 'Washington (US state)' })],
      ['Washington', expect.objectContaining({ among: expect.any(Array) })],
    ]);
    // Ukraine, which the bundled dataset relates to Washington, points the short name at it.
    const ukraine = entityEntry(dictionary, 'ukraine');
    const washington = dictionary.findIndex((e) => 'entityId' in e && e.entityId === 'washington');
    expect(ukraine?.supports).toContain(washington);
  });

  it('follows every write: an import adds its names, switching it off takes them away', async () => {
    const knowledge = await freshKnowledge();
    const { owner } = knowledge;
    const before = await owner.dictionary();
    await importDataset(knowledge, smallDataset());
    const after = await owner.dictionary();
    expect(after.version).toBeGreaterThan(before.version);
    expect(entityIds(after.entries)).toContain('maria-testova');
    // The bundled dataset's entities come first, in the order tabs have always had them.
    const seedIds = entityIds(before.entries);
    expect(entityIds(after.entries).slice(0, seedIds.length)).toEqual(seedIds);
    await owner.writer.setEnabled('fixture-set', false);
    const off = await owner.dictionary();
    expect(entityIds(off.entries)).not.toContain('maria-testova');
    expect(off.entries).toEqual(before.entries);
  });

  it('is kept in the store: a restarted background reads it back instead of building it', async () => {
    const { owner } = await freshKnowledge();
    const built = await owner.dictionary();
    // Frames get the dictionary without waiting for the copy to be written: wait for it here.
    await vi.waitFor(async () =>
      expect((await owner.db.meta.get('dictionary-version'))?.value).toEqual({
        version: built.version,
        format: built.format,
      }),
    );
    const restarted = new KnowledgeOwner(owner.db);
    await restarted.ready;
    // Same version, so the stored copy is used: no entity needs reading.
    const reads: string[] = [];
    const entities = restarted.reader.dictionaryEntities.bind(restarted.reader);
    restarted.reader.dictionaryEntities = async () => {
      reads.push('entities');
      return entities();
    };
    expect(await restarted.dictionary()).toEqual(built);
    expect(reads).toEqual([]);
  });

  it('is built once at a time, for the newest version: writes in a row do not each start a build', async () => {
    const knowledge = await freshKnowledge();
    const { owner } = knowledge;
    await owner.dictionary();
    // Hold the next build until three imports have committed (each asks for a build as it commits).
    let release = () => {};
    const gate = new Promise<void>((done) => {
      release = done;
    });
    const builds: number[] = [];
    const entities = owner.reader.dictionaryEntities.bind(owner.reader);
    owner.reader.dictionaryEntities = async () => {
      builds.push(await owner.reader.version());
      await gate;
      return entities();
    };
    for (const id of ['set-a', 'set-b', 'set-c'])
      await importDataset(knowledge, largeDataset(id, 0));
    release();
    const newest = await owner.dictionary();
    expect(newest.version).toBe(await owner.reader.version());
    // The three Maria Testovas are one (a certain merge), under the first import's id.
    expect(entityIds(newest.entries)).toContain('set-a-maria-testova');
    // The first import's build, then one for the newest version: not one per import.
    expect(builds.length).toBe(2);
    expect(builds.at(-1)).toBe(newest.version);
  });
});

describe('the bundled dataset', () => {
  it('is installed once per build, and again when the build carries another copy', async () => {
    const { owner } = await freshKnowledge();
    const first = await owner.db.datasets.get('seed-kyiv-attack');
    expect(first).toMatchObject({
      origin: 'bundled',
      enabled: true,
      contentHash: contentHash(JSON.stringify(seed)),
    });
    const version = await owner.version();
    // Same build, next start: nothing written.
    const again = new KnowledgeOwner(owner.db);
    await again.ready;
    expect(await again.version()).toBe(version);
    // A build with an edited copy replaces it, keeping the reader's switch.
    await owner.writer.setEnabled('seed-kyiv-attack', false);
    const edited = structuredClone(seed) as typeof seed;
    edited.entities[0] = { ...edited.entities[0], name: 'Oleksandr Khilko (edited)' } as never;
    const updated = new KnowledgeOwner(owner.db, edited);
    await updated.ready;
    const row = await owner.db.datasets.get('seed-kyiv-attack');
    expect(row?.enabled).toBe(false);
    expect(row?.contentHash).toBe(contentHash(JSON.stringify(edited)));
    expect((await owner.db.entities.get('oleksandr-khilko'))?.name).toBe(
      'Oleksandr Khilko (edited)',
    );
  });

  it('leaves to an import the ids it took before a new copy named them too', async () => {
    const knowledge = await freshKnowledge();
    await importDataset(knowledge, smallDataset());
    const edited = structuredClone(seed) as typeof seed;
    const {
      description: _,
      descriptionEvidence: __,
      ...maria
    } = smallDataset().entities[0] as never as Record<string, unknown>;
    edited.entities.push(maria as never);
    const updated = new KnowledgeOwner(knowledge.owner.db, edited);
    await updated.ready;
    expect((await knowledge.owner.db.entities.get('maria-testova'))?.dataset).toBe('fixture-set');
  });
});

describe('announcing', () => {
  it('says the version of every committed write in storage.local, where every context sees it', async () => {
    const knowledge = await freshKnowledge();
    const start = await announcedVersion();
    expect(start).toBe(await knowledge.owner.version());
    await importDataset(knowledge, smallDataset());
    expect(await announcedVersion()).toBe(start + 1);
  });

  it('starts from what a database already holds (each context opens the same store)', async () => {
    const db = openKnowledgeDb('backstory-test-announce');
    const first = new KnowledgeOwner(db);
    await first.ready;
    fakeBrowser.reset();
    const second = new KnowledgeOwner(db);
    await second.ready;
    expect(await announcedVersion()).toBe(await first.version());
  });
});
