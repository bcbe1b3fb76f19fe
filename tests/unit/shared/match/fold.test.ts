import { describe, expect, it } from 'vitest';
import { foldCaseful, foldCaseless, isWordCodePoint } from '../../../../lib/shared/match/fold';
import { foldUnit, referenceTables } from './fold-reference';

describe('lazy folding', () => {
  it('folds every BMP code unit exactly as the eager reference tables do', () => {
    const { caseless, caseful } = referenceTables();
    const wrong: string[] = [];
    for (let cu = 0; cu < 0x10000; cu++) {
      const less = foldCaseless(cu);
      const ful = foldCaseful(cu);
      if (less !== foldUnit(caseless, cu) || ful !== foldUnit(caseful, cu))
        wrong.push(`U+${cu.toString(16)} → ${less.toString(16)}/${ful.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives the same answer the second time (from the cache)', () => {
    for (const char of ['É', 'ł', 'Ё', '\u00a0', '’', '\u00ad', 'Σ', 'Ǆ']) {
      const cu = char.charCodeAt(0);
      expect([foldCaseless(cu), foldCaseful(cu)]).toEqual([foldCaseless(cu), foldCaseful(cu)]);
    }
    expect(String.fromCharCode(foldCaseless(0xc9), foldCaseful(0xc9))).toBe('eE');
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
