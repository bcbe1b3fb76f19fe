// "Look up in Backstory": a selection naming an entity lands on it, anything else on search results.
import { describe, expect, it } from 'vitest';
import { parseBundled } from '../../../lib/background/knowledge';
import { lookupTarget } from '../../../lib/background/lookup';
import { KnowledgeBase } from '../../../lib/kb/knowledge-base';

const dictionary = new KnowledgeBase([parseBundled()]).dictionary();

describe('lookupTarget', () => {
  it('lands on the entity a selection names, by any alias', () => {
    expect(lookupTarget('Zelenskyy', dictionary)).toEqual({
      view: 'entity',
      entityId: 'volodymyr-zelenskyy',
    });
    expect(lookupTarget('  President Vladimir Putin’s  ', dictionary)).toEqual({
      view: 'entity',
      entityId: 'vladimir-putin',
    });
    expect(lookupTarget('Kiev', dictionary)).toEqual({ view: 'entity', entityId: 'kyiv' });
  });

  it('searches for a selection that names no entity', () => {
    expect(lookupTarget('peace talks', dictionary)).toEqual({
      view: 'search',
      query: 'peace talks',
    });
  });

  it('keeps case rules: "us" is not the United States', () => {
    expect(lookupTarget('told us', dictionary)).toEqual({ view: 'search', query: 'told us' });
  });
});
