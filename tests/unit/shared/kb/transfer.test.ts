// Reading and writing dataset files: round-trip, size limit, not-JSON, all-or-nothing (ids: the store's writer test).
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import {
  exportDataset,
  MAX_IMPORT_BYTES,
  readDatasetFile,
} from '../../../../lib/shared/kb/transfer';
import { readRepoFile, validDataset } from './fixtures';

function seed(): Dataset {
  const result = parseDataset(JSON.parse(readRepoFile('assets/kb/seed.json')));
  if (!result.ok) throw new Error('bundled dataset invalid');
  return result.value;
}

describe('export and import', () => {
  it('round-trips the bundled dataset identically', () => {
    const dataset = seed();
    const file = exportDataset(dataset);
    const back = readDatasetFile(file);
    expect(back).toEqual({ ok: true, value: dataset });
    if (back.ok) expect(exportDataset(back.value)).toBe(file);
    // The committed file is itself an export.
    expect(file).toBe(readRepoFile('assets/kb/seed.json'));
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = `{"pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    const result = readDatasetFile(big);
    expect(result).toEqual({
      ok: false,
      error: [
        {
          path: '(file)',
          message: expect.stringMatching(/the file is 5\.0 MB; the limit is 5\.0 MB/),
        },
      ],
    });
  });

  it('counts bytes, not characters: 2 million Cyrillic letters are too large', () => {
    const result = readDatasetFile(`"${'ж'.repeat(2_700_000)}"`);
    expect(result.ok || result.error[0]?.message).toMatch(/limit is 5\.0 MB/);
  });

  it('refuses text that is not JSON', () => {
    const result = readDatasetFile('{"schemaVersion": 1, oops');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error[0]).toEqual({
        path: '(file)',
        message: expect.stringMatching(/^not a JSON file: /),
      });
  });

  it('is all-or-nothing: one bad item rejects the whole file', () => {
    const incoming = validDataset();
    (incoming.facts[0] as Dataset['facts'][number]).text = 'Invented.';
    const result = readDatasetFile(exportDataset(incoming));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((i) => i.path)).toEqual(['facts[0].text']);
  });
});
