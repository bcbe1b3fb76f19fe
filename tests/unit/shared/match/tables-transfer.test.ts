// Matcher tables carried to a frame as a message carries them (JSON): the matcher built from them finds exactly
// what one compiled in place finds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dictionaryItem } from '../../../../lib/shared/kb/dictionary';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import {
  buildMatcherTables,
  compileMatcher,
  matcherFromTables,
} from '../../../../lib/shared/match/matcher';
import { decodeTables, encodeTables } from '../../../../lib/shared/match/tables-transfer';

const seed = parseDataset(JSON.parse(readFileSync('assets/kb/seed.json', 'utf8')));
if (!seed.ok) throw new Error('assets/kb/seed.json does not parse');
const dictionary = seed.value.entities.map(dictionaryItem);
const article = readFileSync('../shared/seed/000_933baf935723bedd.txt', 'utf8');
const tricky =
  'Putin’s envoy, Zelenskyy’s aide, the US and us, Kiev and Kievan Rus, Києва, Bank of America, ' +
  'South America, America, Vladimir\u00a0Putin, Zelen\u00adskyy, Putinism, Kyiv-based, Melania Trump, Trump.';

describe('matcher tables through a message', () => {
  it('survive JSON and give the same matches as a matcher compiled in place', () => {
    const wire = JSON.parse(JSON.stringify(encodeTables(buildMatcherTables(dictionary))));
    const carried = matcherFromTables(decodeTables(wire));
    const local = compileMatcher(dictionary);
    for (const text of [article, tricky]) {
      const found = carried.find(text);
      expect(found.length).toBeGreaterThan(5);
      expect(found).toEqual(local.find(text));
    }
    expect(carried.stats).toEqual(local.stats);
  });

  it('refuse a format they do not know', () => {
    const wire = { ...encodeTables(buildMatcherTables(dictionary)), format: 2 };
    expect(() => decodeTables(wire as never)).toThrow(/format 2/);
  });
});
