import { describe, expect, it } from 'vitest';
import { foldCaseless, foldExact, isWordCodePoint } from '../../../../lib/shared/match/fold';
import { foldUnit, referenceTables } from './fold-reference';

describe('lazy folding', () => {
  it('folds every BMP code unit exactly as the eager reference tables do', () => {
    const { caseless, exact } = referenceTables();
    const wrong: string[] = [];
    for (let cu = 0; cu < 0x10000; cu++) {
      const less = foldCaseless(cu);
      const same = foldExact(cu);
      if (less !== foldUnit(caseless, cu) || same !== foldUnit(exact, cu))
        wrong.push(`U+${cu.toString(16)} → ${less.toString(16)}/${same.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives the same answer the second time (from the cache)', () => {
    for (const char of ['É', 'ł', 'Ё', '\u00a0', '’', '\u00ad', 'Σ', 'Ǆ']) {
      const cu = char.charCodeAt(0);
      expect([foldCaseless(cu), foldExact(cu)]).toEqual([foldCaseless(cu), foldExact(cu)]);
    }
    // A case-sensitive alias keeps its accents: É is É to it, e to every other alias.
    expect(String.fromCharCode(foldCaseless(0xc9), foldExact(0xc9))).toBe('eÉ');
    expect(String.fromCharCode(foldExact(0x2019), foldExact(0x00a0))).toBe("' ");
  });

  it('tells word code units by Unicode letter, number and mark classes, cached or not', () => {
    for (let round = 0; round < 2; round++) {
      expect(isWordCodePoint('é'.charCodeAt(0))).toBe(true);
      expect(isWordCodePoint('א'.charCodeAt(0))).toBe(true);
      expect(isWordCodePoint('٣'.charCodeAt(0))).toBe(true);
      expect(isWordCodePoint('—'.charCodeAt(0))).toBe(false);
      expect(isWordCodePoint('\u00a0'.charCodeAt(0))).toBe(false);
      expect(isWordCodePoint(0x1d400)).toBe(true); // 𝐀, outside the cache
    }
  });
});
