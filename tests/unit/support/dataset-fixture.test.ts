import { expect, it } from 'vitest';
import { parseDataset } from '../../../lib/shared/kb/parse';
import { largeDataset, smallDataset } from './dataset-fixture';

it('the fixture dataset is valid for lib/kb', () => {
  expect(parseDataset(smallDataset())).toMatchObject({ ok: true });
});

it('the large fixture is valid, about the size asked for, and shares no item id with the small one or another large one', () => {
  const large = largeDataset('large-a', 2);
  expect(parseDataset(large)).toMatchObject({ ok: true });
  expect(JSON.stringify(large).length / 1024 / 1024).toBeCloseTo(2, 0);
  const ids = (dataset: ReturnType<typeof smallDataset>) =>
    (['sources', 'entities', 'facts', 'quotes', 'events', 'relations'] as const).flatMap((key) =>
      (dataset[key] as { id: string }[]).map((item) => item.id),
    );
  const others = new Set([...ids(smallDataset()), ...ids(largeDataset('large-b', 0.01))]);
  expect(ids(large).filter((id) => others.has(id))).toEqual([]);
});
