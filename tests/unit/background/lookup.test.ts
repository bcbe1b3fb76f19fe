// "Look up in Backstory": a selection that is one entity's name lands on it, anything else on search results.
import { describe, expect, it } from 'vitest';
import { lookupTarget } from '../../../lib/background/lookup';
import { seedDictionary } from '../support/knowledge';

const { entries: dictionary } = seedDictionary();
const entity = (entityId: string) => ({ view: 'entity', entityId });
const search = (query: string) => ({ view: 'search', query });

describe('lookupTarget', () => {
  it('lands on the entity a selection names, by any alias', () => {
    expect(lookupTarget('Zelenskyy', dictionary)).toEqual(entity('volodymyr-zelenskyy'));
    expect(lookupTarget('Zelenskiy', dictionary)).toEqual(entity('volodymyr-zelenskyy'));
    expect(lookupTarget('  President Vladimir Putin’s  ', dictionary)).toEqual(
      entity('vladimir-putin'),
    );
    expect(lookupTarget('Kiev', dictionary)).toEqual(entity('kyiv'));
    expect(lookupTarget('U.S.', dictionary)).toEqual(entity('united-states'));
  });

  it('ignores the spaces, punctuation and possessive selected along with the name', () => {
    for (const selection of [
      '“Kyiv”',
      '(Kyiv),',
      'Kyiv.',
      ' Kyiv’s ',
      "Kyiv's",
      '— Kyiv —',
      'Kyiv\n',
    ]) {
      expect(lookupTarget(selection, dictionary), selection).toEqual(entity('kyiv'));
    }
    expect(lookupTarget('Zelenskyy’s,', dictionary)).toEqual(entity('volodymyr-zelenskyy'));
  });

  it('ignores one leading title or honorific', () => {
    for (const [selection, id] of [
      ['President Zelenskiy', 'volodymyr-zelenskyy'],
      ['Prime Minister Keir Starmer', 'keir-starmer'],
      ['prime minister Starmer’s', 'keir-starmer'],
      ['Mr Trump', 'donald-trump'],
      ['Mr. Trump', 'donald-trump'],
      ['former President Donald Trump', 'donald-trump'],
      ['Chancellor Friedrich Merz', 'friedrich-merz'],
      ['Foreign Minister Kaja Kallas', 'kaja-kallas'],
      ['the President, Vladimir Putin', 'vladimir-putin'],
      // A title that is part of an alias is the alias.
      ['Sir Keir Starmer', 'keir-starmer'],
    ] as const) {
      expect(lookupTarget(selection, dictionary), selection).toEqual(entity(id));
    }
  });

  it('searches for a selection that is more than a name, even when it contains one', () => {
    for (const selection of [
      'peace talks in Kyiv',
      'Starmer and Macron met',
      'Starmer and Merz',
      'Kyiv and Moscow',
      'Russian President Vladimir Putin',
      'Putin said',
      'talks with Putin',
      'Putinism',
    ]) {
      expect(lookupTarget(selection, dictionary), selection).toEqual(search(selection));
    }
  });

  it('searches for a selection that names no entity, trimmed', () => {
    expect(lookupTarget('  peace talks ', dictionary)).toEqual(search('peace talks'));
    expect(lookupTarget('President', dictionary)).toEqual(search('President'));
  });

  it('keeps case rules: "us" is not the United States', () => {
    expect(lookupTarget('told us', dictionary)).toEqual(search('told us'));
    expect(lookupTarget('us', dictionary)).toEqual(search('us'));
  });

  it('cuts very long selections before matching', () => {
    const long = `Kyiv ${'word '.repeat(200)}`;
    const target = lookupTarget(long, dictionary);
    expect(target.view).toBe('search');
    expect(target.view === 'search' && target.query.length).toBe(500);
  });
});
