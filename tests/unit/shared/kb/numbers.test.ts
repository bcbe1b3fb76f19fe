// statedNumbers: the definite numbers a figure's words state, in digits or words, and nothing vague.
import { describe, expect, it } from 'vitest';
import { sameNumber, statedNumbers } from '../../../../lib/shared/kb/numbers';

/** Each number with the words that state it. */
const read = (text: string) =>
  statedNumbers(text).map((n) => [n.value, text.slice(n.start, n.end)]);

describe('statedNumbers', () => {
  it('reads digits, thousands separators and decimals', () => {
    expect(read('killed at least 21 people')).toEqual([[21, '21']]);
    expect(read('2,000 troops and 1,250,000 rounds')).toEqual([
      [2000, '2,000'],
      [1_250_000, '1,250,000'],
    ]);
    expect(read('a 1.5 km front in 2022.')).toEqual([
      [1.5, '1.5'],
      [2022, '2022'],
    ]);
  });

  it('reads number words in any case, hyphenated and compound', () => {
    expect(read('four children')).toEqual([[4, 'four']]);
    expect(read('Two blasts')).toEqual([[2, 'Two']]);
    expect(read('the three-year conflict')).toEqual([[3, 'three']]);
    expect(read('twenty-one dead')).toEqual([[21, 'twenty-one']]);
    expect(read('one hundred and five, two dozen')).toEqual([
      [105, 'one hundred and five'],
      [24, 'two dozen'],
    ]);
    expect(read('a million people')).toEqual([[1e6, 'a million']]);
  });

  it('scales by million/billion words, and by suffixes only after a currency sign', () => {
    expect(read('an $825 million arms package')).toEqual([[825e6, '825 million']]);
    expect(read('$1.5 billion')).toEqual([[1.5e9, '1.5 billion']]);
    expect(read('$825m, £2bn')).toEqual([
      [825e6, '825m'],
      [2e9, '2bn'],
    ]);
    // 50m is as often meters as millions: without a currency sign, the digits alone.
    expect(read('just 50m from the building')).toEqual([[50, '50']]);
  });

  it('keeps two numbers side by side apart', () => {
    expect(read('between the ages of 2 and 17')).toEqual([
      [2, '2'],
      [17, '17'],
    ]);
    expect(read('one two')).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });

  it('states nothing for vague quantities, ordinals or digits inside a word', () => {
    expect(read('Thousands of windows, dozens of civilians, for the first time')).toEqual([]);
    expect(read('the 21st century, G7 leaders')).toEqual([]);
  });

  it('compares numbers allowing for binary rounding only', () => {
    expect(sameNumber(1.1 * 1e6, 1_100_000)).toBe(true);
    expect(sameNumber(21, 22)).toBe(false);
  });
});
