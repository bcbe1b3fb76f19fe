import { expect, it } from 'vitest';
import { parseDataset } from '../../../lib/kb/parse';
import { smallDataset } from './dataset-fixture';

it('the fixture dataset is valid for lib/kb', () => {
  expect(parseDataset(smallDataset())).toMatchObject({ ok: true });
});
