import { expect, it } from 'vitest';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import { findCollisions } from '../../../../lib/shared/kb/transfer';
import { largeDataset, smallDataset } from './dataset-fixture';

it('the fixture dataset is valid for lib/kb', () => {
  expect(parseDataset(smallDataset())).toMatchObject({ ok: true });
});

it('the large fixture is valid, about the size asked for, and clashes with neither the small one nor another large one', () => {
  const large = largeDataset('large-a', 2);
  expect(parseDataset(large)).toMatchObject({ ok: true });
  expect(JSON.stringify(large).length / 1024 / 1024).toBeCloseTo(2, 0);
  const others = [smallDataset(), largeDataset('large-b', 0.01)] as unknown as Dataset[];
  expect(findCollisions(large as unknown as Dataset, others)).toEqual([]);
});
