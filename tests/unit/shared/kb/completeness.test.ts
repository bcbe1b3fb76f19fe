// The completeness checker itself: it reports capitalised names nothing accounts for, and only those.
import { describe, expect, it } from 'vitest';
import { findUncoveredNames } from '../../../../lib/shared/kb/completeness';

const ci = (text: string) => ({ text, caseSensitive: false });
const DICT = [{ aliases: [ci('Ana Reyes'), ci('Reyes')] }, { aliases: [ci('Port Town')] }];

const words = (text: string, ignored: string[] = [], dict = DICT) =>
  findUncoveredNames(text, dict, ignored).map((u) => u.word);

describe('findUncoveredNames', () => {
  it('reports a name that is neither an alias nor ignored', () => {
    expect(words('Ana Reyes met Bob Stone in Port Town on Thursday.')).toEqual([
      'Bob',
      'Stone',
      'Thursday',
    ]);
  });

  it('accepts names listed as deliberately ignored, matched whole and as written', () => {
    expect(words('Ana Reyes met Bob Stone on Thursday.', ['Bob Stone', 'Thursday'])).toEqual([]);
    expect(words('Ana Reyes met Bob Stoneman.', ['Bob Stone'])).toEqual(['Bob', 'Stoneman']);
  });

  it('treats capitalised words the text also writes in lowercase as ordinary words', () => {
    expect(words('The storm came. Reyes saw the storm. Storm Hits Town')).toEqual(['Hits', 'Town']);
  });

  it('accepts a lowercase-known word only where it starts a sentence, headline or quotation', () => {
    // "rose" occurs in lowercase, but "Rose" mid-sentence may be a name: it must be accounted for.
    expect(words('Prices rose as prices do. Reyes met Rose in Port Town.')).toEqual(['Rose']);
    expect(words('Rose prices rose.')).toEqual([]);
    // Title case in a headline: only its first word is capitalised by rule.
    expect(words('Big Storm Hits\nThe big storm hits the town.')).toEqual(['Storm', 'Hits']);
    // A quotation's first word is a sentence start too, after the quotation mark.
    expect(words('the storm passed. Reyes said: “Storm damage is small.”')).toEqual([]);
  });

  it('checks dotted abbreviations, possessives and hyphenated names', () => {
    expect(words('So the U.S. and Reyes’s Port Town-Kyiv link.')).toEqual(['So', 'U.S.', 'Kyiv']);
  });

  it('lists each occurrence with its line, so a failure is easy to find', () => {
    expect(findUncoveredNames('one\nMet Zed here.\nZed again', [], [])).toEqual([
      { word: 'Met', start: 4, line: 'Met Zed here.' },
      { word: 'Zed', start: 8, line: 'Met Zed here.' },
      { word: 'Zed', start: 18, line: 'Zed again' },
    ]);
  });
});
