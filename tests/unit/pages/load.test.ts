// The panel's knowledge follows the stored datasets: an import, a switch-off or a removal rebuilds names and search.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type LoadedPanelKnowledge, watchPanelKnowledge } from '../../../lib/pages/load';
import {
  removeDataset,
  saveDataset,
  setDatasetEnabled,
} from '../../../lib/shared/settings/datasets';
import { smallDataset } from '../shared/settings/dataset-fixture';

beforeEach(() => fakeBrowser.reset());

/** Entity ids the panel's search lists for `query`. */
const found = (loaded: LoadedPanelKnowledge | undefined, query: string) =>
  loaded?.knowledge.search.search(query).entities.map((hit) => hit.entity.id) ?? [];

const fixture = {
  id: 'fixture-set',
  data: smallDataset(),
  name: 'Fixture set',
  counts: { entities: 3, quotes: 1, events: 1 },
};

describe('watchPanelKnowledge', () => {
  it('rebuilds names and search when a dataset is imported, switched off and removed', async () => {
    const loads: LoadedPanelKnowledge[] = [];
    const onError = vi.fn();
    const stop = watchPanelKnowledge((loaded) => loads.push(loaded), onError);
    await vi.waitFor(() => expect(loads).toHaveLength(1));
    expect(found(loads[0], 'Maria Testova')).not.toContain('maria-testova');
    expect(found(loads[0], 'Kyiv')[0]).toBe('kyiv');

    expect((await saveDataset(fixture)).ok).toBe(true);
    await vi.waitFor(() => expect(loads).toHaveLength(2));
    expect(found(loads[1], 'Maria Testova')[0]).toBe('maria-testova');
    expect(found(loads[1], 'testova sampletown')).toContain('sampletown');
    expect(loads[1]?.knowledge.entity('maria-testova')?.quotes[0]?.text).toBe(
      'the council will meet again',
    );
    // The bundled dataset is still there beside it.
    expect(found(loads[1], 'Kyiv')[0]).toBe('kyiv');

    await setDatasetEnabled('fixture-set', false);
    await vi.waitFor(() => expect(loads).toHaveLength(3));
    expect(found(loads[2], 'Maria Testova')).not.toContain('maria-testova');
    expect(loads[2]?.knowledge.entityRef('maria-testova')).toBeUndefined();

    await setDatasetEnabled('fixture-set', true);
    await vi.waitFor(() => expect(loads).toHaveLength(4));
    await removeDataset('fixture-set');
    await vi.waitFor(() => expect(loads).toHaveLength(5));
    expect(found(loads[4], 'Maria Testova')).not.toContain('maria-testova');
    expect(onError).not.toHaveBeenCalled();

    stop();
    await saveDataset(fixture);
    await new Promise((done) => setTimeout(done, 50));
    expect(loads).toHaveLength(5);
  });

  it('drops a load that finishes after a newer one started', async () => {
    const pending: ((loaded: LoadedPanelKnowledge) => void)[] = [];
    const loader = () => new Promise<LoadedPanelKnowledge>((resolve) => pending.push(resolve));
    const onLoad = vi.fn();
    watchPanelKnowledge(onLoad, () => undefined, loader);
    await saveDataset(fixture);
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    const [first, second] = pending;
    const result = (name: string) => ({ defaultSourceId: name }) as unknown as LoadedPanelKnowledge;
    second?.(result('newer'));
    first?.(result('older'));
    await new Promise((done) => setTimeout(done, 0));
    expect(onLoad.mock.calls.map(([loaded]) => loaded.defaultSourceId)).toEqual(['newer']);
  });
});
