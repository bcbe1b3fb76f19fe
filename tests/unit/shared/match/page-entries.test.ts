// The entries a frame receives: what a match needs of each entry, read back as the dictionary had it.
import { describe, expect, it } from 'vitest';
import { encodePageEntries, PageEntries } from '../../../../lib/shared/match/page-entries';
import { decideMatches, PageEvidence } from '../../../../lib/shared/match/resolve';
import type { DictionaryEntry } from '../../../../lib/shared/messaging';

const ci = (text: string) => ({ text, caseSensitive: false });
const ENTRIES: DictionaryEntry[] = [
  { entityId: 'kaja-kallas', kind: 'person', aliases: [ci('Kaja Kallas')], supports: [] },
  { entityId: 'siim-kallas', kind: 'person', aliases: [ci('Siim Kallas')] },
  { entityId: 'estonia', kind: 'place', aliases: [ci('Estonia')], supports: [0] },
  { other: 'Washington (US state)', aliases: [ci('Washington state')], supports: [4, 5] },
  { among: [0, 1], aliases: [ci('Kallas')] },
  { among: [2], lang: 'en', aliases: [{ text: 'EE', caseSensitive: true }] },
];

describe('PageEntries', () => {
  it('gives each entry back as a match needs it, without its aliases', () => {
    const entries = new PageEntries(JSON.parse(JSON.stringify(encodePageEntries(ENTRIES))));
    expect(entries.length).toBe(6);
    expect(entries.at(0)).toEqual({ entityId: 'kaja-kallas', kind: 'person' });
    expect(entries.at(2)).toEqual({ entityId: 'estonia', kind: 'place', supports: [0] });
    expect(entries.at(3)).toEqual({ other: '', supports: [4, 5] });
    expect(entries.at(4)).toEqual({ among: [0, 1] });
    expect(entries.at(5)).toEqual({ among: [2], lang: 'en' });
    expect(entries.at(6)).toBeUndefined();
    expect(entries.at(-1)).toBeUndefined();
    expect(new PageEntries('').at(0)).toBeUndefined();
  });

  it('decides shared names on a page exactly as the full entries do', () => {
    // "Estonia" points "Kallas" at Kaja Kallas; "EE" is written for English pages.
    const matches = [{ entity: 4 }, { entity: 2 }, { entity: 5 }];
    const decided = (list: PageEntries | DictionaryEntry[], lang: string) => {
      const evidence = new PageEvidence(list, lang);
      for (const match of matches) {
        const direct = evidence.direct(match.entity);
        if (direct >= 0) evidence.note(direct, 1);
      }
      return matches.map((match) => evidence.decide(match.entity));
    };
    const page = new PageEntries(encodePageEntries(ENTRIES));
    for (const lang of ['en', 'de', ''])
      expect(decided(page, lang)).toEqual(decided(ENTRIES, lang));
    expect(decided(page, 'en')).toEqual([0, 2, 2]);
    expect(decideMatches(matches, ENTRIES, 'en').map((m) => m.entity)).toEqual([0, 2, 2]);
  });

  it('refuses a field holding a separator rather than shift every later entry', () => {
    expect(() => encodePageEntries([{ entityId: 'a\tb', kind: 'person', aliases: [] }])).toThrow(
      /separator/,
    );
  });
});
