import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { readQuarantine } from '../../../../lib/shared/settings/quarantine';
import { defineStoredItem } from '../../../../lib/shared/settings/stored-item';

// A three-version item exercises the migration path the real items will take when their shape changes:
// v1 { hidden: string[] } → v2 { sites: string[] } → v3 { sites: string[], mode }.
const V3 = z.object({ sites: z.array(z.string()), mode: z.enum(['except', 'only']) });
const migrations = {
  2: (old: unknown) => {
    const v1 = z.object({ hidden: z.array(z.string()) }).parse(old);
    return { sites: v1.hidden };
  },
  3: (old: unknown) => ({ ...(old as object), mode: 'except' }),
};
const define = () =>
  defineStoredItem({
    key: 'local:probe',
    schema: V3,
    fallback: { sites: [], mode: 'only' as const },
    version: 3,
    migrations,
  });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('migrations on start-up', () => {
  it('migrates a v1 value through every step to v3 and records the version', async () => {
    await fakeBrowser.storage.local.set({ probe: { hidden: ['a.com'] }, probe$: { v: 1 } });
    const item = define();
    expect(await item.get()).toEqual({ sites: ['a.com'], mode: 'except' });
    expect(await fakeBrowser.storage.local.get('probe$')).toEqual({ probe$: { v: 3 } });
    expect(await readQuarantine()).toEqual([]);
  });

  it('treats a value without version metadata as v1', async () => {
    await fakeBrowser.storage.local.set({ probe: { hidden: ['b.com'] } });
    expect(await define().get()).toEqual({ sites: ['b.com'], mode: 'except' });
  });

  it('runs only the remaining steps for a v2 value', async () => {
    await fakeBrowser.storage.local.set({ probe: { sites: ['c.com'] }, probe$: { v: 2 } });
    expect(await define().get()).toEqual({ sites: ['c.com'], mode: 'except' });
  });

  it('sets aside a value whose migration fails, with the version it had, and uses the fallback', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ probe: { hidden: 'not-a-list' }, probe$: { v: 1 } });
    const item = define();
    expect(await item.get()).toEqual({ sites: [], mode: 'only' });
    const [entry] = await readQuarantine();
    expect(entry).toMatchObject({ key: 'local:probe', version: 1, raw: { hidden: 'not-a-list' } });
    expect(entry?.reason).toBe('could not be migrated from format 1 to 3');
    // Repaired: the fallback is stored under the current version, so it is not set aside twice.
    expect(await fakeBrowser.storage.local.get(['probe', 'probe$'])).toEqual({
      probe: { sites: [], mode: 'only' },
      probe$: { v: 3 },
    });
    await item.get();
    expect(await readQuarantine()).toHaveLength(1);
  });

  it('migrates a value of an older format written after start-up when it reads it, setting nothing aside', async () => {
    const item = define();
    expect(await item.get()).toEqual({ sites: [], mode: 'only' });
    // A page of the previous release, still open during an update, writes its format.
    await fakeBrowser.storage.local.set({ probe: { hidden: ['late.com'] }, probe$: { v: 1 } });
    expect(await item.get()).toEqual({ sites: ['late.com'], mode: 'except' });
    expect(await readQuarantine()).toEqual([]);
    await item.update((value) => ({ ...value, mode: 'only' }));
    expect(await fakeBrowser.storage.local.get(['probe', 'probe$'])).toEqual({
      probe: { sites: ['late.com'], mode: 'only' },
      probe$: { v: 3 },
    });
  });

  it('a late value whose migration fails is set aside when read', async () => {
    const item = define();
    await item.get();
    await fakeBrowser.storage.local.set({ probe: { hidden: 'no list' }, probe$: { v: 1 } });
    expect(await item.get()).toEqual({ sites: [], mode: 'only' });
    const [entry] = await readQuarantine();
    expect(entry).toMatchObject({ version: 1, raw: { hidden: 'no list' } });
    expect(entry?.reason).toBe('could not be migrated from format 1 to 3');
  });

  it('a migrated value that still fails the schema is set aside', async () => {
    await fakeBrowser.storage.local.set({ probe: { sites: [1, 2] }, probe$: { v: 2 } });
    expect(await define().get()).toEqual({ sites: [], mode: 'only' });
    const [entry] = await readQuarantine();
    expect(entry?.raw).toEqual({ sites: [1, 2], mode: 'except' });
    expect(entry?.reason).toMatch(/at sites\.0/);
  });

  it('an update is applied once though the storage gives the object back with its keys sorted (Chromium)', async () => {
    const item = define();
    const local = fakeBrowser.storage.local;
    const get = local.get.bind(local);
    const sortedKeys = (value: unknown): unknown =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, inner]) => [key, sortedKeys(inner)]),
          )
        : value;
    vi.spyOn(local, 'get').mockImplementation((async (keys?: Parameters<typeof get>[0]) =>
      sortedKeys(await get(keys))) as typeof local.get);
    // { sites, mode } in the schema's order; read back as { mode, sites }.
    const change = vi.fn((value: z.infer<typeof V3>) => ({
      ...value,
      sites: [...value.sites, 'e.com'],
    }));
    await item.update(change);
    expect(change).toHaveBeenCalledTimes(1);
    expect(await item.get()).toEqual({ sites: ['e.com'], mode: 'only' });
  });

  it('an update after a failed read builds on the fallback and keeps the bad value aside', async () => {
    await fakeBrowser.storage.local.set({ probe: 'garbage', probe$: { v: 3 } });
    const item = define();
    await item.update((value) => ({ ...value, sites: ['d.com'] }));
    expect(await item.get()).toEqual({ sites: ['d.com'], mode: 'only' });
    expect((await readQuarantine()).map((e) => e.raw)).toEqual(['garbage']);
  });
});
