// The dictionary the background sends every frame: shared names, other places of the same name, language-bound names
// and what points where, built from entities as the store holds them.
import { describe, expect, it } from 'vitest';
import {
  buildPageDictionary,
  sharingEntityIds,
  withSupports,
} from '../../../lib/background/page-dictionary';
import type { Entity } from '../../../lib/shared/kb/schema';
import type { DictionaryEntry } from '../../../lib/shared/messaging';

const ci = (text: string) => ({ text, caseSensitive: false });
const cs = (text: string) => ({ text, caseSensitive: true });

function entity(id: string, kind: string, name: string, more: Partial<Entity> = {}): Entity {
  return { id, kind, name, aliases: [], ...more };
}

/** Each entry in words, for comparing whole dictionaries. */
function describe_(entries: readonly DictionaryEntry[]): string[] {
  const name = (index: number) => {
    const entry = entries[index];
    return entry && 'entityId' in entry
      ? entry.entityId
      : entry && 'other' in entry
        ? entry.other
        : '?';
  };
  return entries.map((entry) => {
    const aliases = entry.aliases.map((a) => (a.caseSensitive ? `=${a.text}` : a.text)).join('|');
    if ('among' in entry)
      return `${aliases} → ${entry.among.map(name).join(' or ')}${entry.lang ? ` (${entry.lang})` : ''}`;
    const supports = entry.supports?.length ? ` ⇒ ${entry.supports.map(name).join(', ')}` : '';
    return `${'entityId' in entry ? entry.entityId : `other ${entry.other}`}: ${aliases}${supports}`;
  });
}

describe('entities', () => {
  it('keep their place: entity i is entry i, with its names', () => {
    const entries = buildPageDictionary([
      entity('kyiv', 'place', 'Kyiv', { aliases: [ci('Kiev')] }),
      entity('putin', 'person', 'Vladimir Putin', { aliases: [ci('Putin')] }),
    ]);
    expect(describe_(entries)).toEqual(['kyiv: Kyiv|Kiev', 'putin: Vladimir Putin|Putin']);
  });
});

describe('a name several entities share', () => {
  it('becomes one entry among them; each keeps the names only it has', () => {
    const entries = buildPageDictionary([
      entity('kaja-kallas', 'person', 'Kaja Kallas', { aliases: [ci('Kallas')] }),
      entity('siim-kallas', 'person', 'Siim Kallas', { aliases: [ci('KALLAS')] }),
    ]);
    expect(describe_(entries)).toEqual([
      'kaja-kallas: Kaja Kallas',
      'siim-kallas: Siim Kallas',
      'Kallas|KALLAS → kaja-kallas or siim-kallas',
    ]);
    expect(sharingEntityIds(entries)).toEqual(['kaja-kallas', 'siim-kallas']);
  });

  it('gets pointers from the entities the knowledge base links to each of them', () => {
    const entries = buildPageDictionary([
      entity('kaja-kallas', 'person', 'Kaja Kallas', { aliases: [ci('Kallas')] }),
      entity('siim-kallas', 'person', 'Siim Kallas', { aliases: [ci('Kallas')] }),
      entity('eu', 'organization', 'European Union'),
      entity('estonia', 'place', 'Estonia'),
      entity('kyiv', 'place', 'Kyiv'),
    ]);
    withSupports(
      entries,
      new Map([
        ['kaja-kallas', ['eu', 'unknown-id']],
        ['siim-kallas', ['estonia', 'eu']],
        ['kyiv', ['estonia']],
      ]),
    );
    expect(describe_(entries)).toEqual([
      'kaja-kallas: Kaja Kallas',
      'siim-kallas: Siim Kallas',
      'eu: European Union ⇒ kaja-kallas, siim-kallas',
      'estonia: Estonia ⇒ siim-kallas',
      'kyiv: Kyiv',
      'Kallas → kaja-kallas or siim-kallas',
    ]);
  });
});

describe('names written for one language', () => {
  it('an entity’s case-sensitive Latin names go into an entry bound to English; other scripts stay', () => {
    const entries = buildPageDictionary([
      entity('united-states', 'place', 'United States', {
        aliases: [cs('US'), cs('America'), ci('United States of America')],
      }),
      entity('putin', 'person', 'Vladimir Putin', { aliases: [cs('Путина'), ci('Putin')] }),
    ]);
    expect(describe_(entries)).toEqual([
      'united-states: United States|United States of America',
      'putin: Vladimir Putin|=Путина|Putin',
      '=US|=America → united-states (en)',
    ]);
  });
});

describe('a place under a namesake’s name', () => {
  it('Washington, said nothing more of: the capital, with the state another place', () => {
    const entries = buildPageDictionary([
      entity('washington', 'place', 'Washington'),
      entity('seattle', 'place', 'Seattle'),
      entity('white-house', 'organization', 'White House', { aliases: [cs('White House')] }),
    ]);
    const text = describe_(entries);
    expect(text[0]).toBe(
      'washington: Washington, D.C.|Washington D.C.|Washington DC|Washington, DC',
    );
    // Known places around each one point to it; the others are names of their own.
    expect(text[1]).toBe('seattle: Seattle ⇒ Washington (US state)');
    expect(text[2]).toBe('white-house:  ⇒ washington');
    expect(text).toContain('other Capitol Hill: Capitol Hill ⇒ washington');
    expect(text).toContain('other Washington (US state): Washington state|state of Washington');
    expect(text).toContain('other Spokane: Spokane ⇒ Washington (US state)');
    expect(text).toContain('Washington → washington or Washington (US state)');
    expect(text).toContain('=White House → white-house (en)');
  });

  it('a description says which place it is', () => {
    const entries = buildPageDictionary([
      entity('wa', 'place', 'Washington', { description: 'US state in the Pacific Northwest' }),
    ]);
    const text = describe_(entries);
    expect(text[0]).toBe('wa: Washington state|state of Washington');
    expect(text).toContain(
      'other Washington (US capital): Washington, D.C.|Washington D.C.|Washington DC|Washington, DC',
    );
    expect(text).toContain('Washington → wa or Washington (US capital)');
  });

  it('Georgia, the country by its description; Atlanta of the knowledge base points to the state', () => {
    const entries = buildPageDictionary([
      entity('georgia', 'place', 'Georgia', { description: 'country in the South Caucasus' }),
      entity('atlanta', 'place', 'Atlanta'),
    ]);
    const text = describe_(entries);
    expect(text[0]).toBe('georgia: Republic of Georgia');
    expect(text[1]).toBe('atlanta: Atlanta ⇒ Georgia (US state)');
    expect(text).toContain('other Tbilisi: Tbilisi ⇒ georgia');
    expect(text).toContain('Georgia → georgia or Georgia (US state)');
  });

  it('Georgia said nothing more of claims neither place’s names: both are other places', () => {
    const text = describe_(buildPageDictionary([entity('georgia', 'place', 'Georgia')]));
    expect(text[0]).toBe('georgia: ');
    expect(text).toContain('other Georgia (country): Republic of Georgia');
    expect(text).toContain('other Georgia (US state): state of Georgia');
    expect(text).toContain('Georgia → georgia or Georgia (country) or Georgia (US state)');
  });

  it('not for a person of that name, nor when the knowledge base holds two such places itself', () => {
    const person = describe_(buildPageDictionary([entity('gw', 'person', 'Washington')]));
    expect(person).toEqual(['gw: Washington']);
    const two = describe_(
      buildPageDictionary([
        entity('dc', 'place', 'Washington', { aliases: [ci('Washington, D.C.')] }),
        entity('wa', 'place', 'Washington state', { aliases: [ci('Washington')] }),
      ]),
    );
    expect(two).toEqual(['dc: Washington, D.C.', 'wa: Washington state', 'Washington → dc or wa']);
  });
});
