import { describe, expect, test } from 'vitest';
import { groupPageEntities, mentionCount } from '../../../lib/pages/group';

const names: Record<string, string> = {
  kyiv: 'Kyiv',
  eu: 'European Union',
  putin: 'Vladimir Putin',
};
const lookup = (id: string) => (names[id] ? { id, name: names[id], kind: 'x' } : undefined);

describe('grouping the page’s entities', () => {
  test('kinds in a fixed order, most mentioned first, counts summed', () => {
    const groups = groupPageEntities(
      [
        { entityId: 'kyiv', kind: 'place', count: 2, snippets: ['Kyiv'] },
        { entityId: 'eu', kind: 'organization', count: 4, snippets: ['EU'] },
        { entityId: 'putin', kind: 'person', count: 1, snippets: ['Putin'] },
        { entityId: 'unknown-one', kind: 'place', count: 5, snippets: ['Vinnytsia'] },
      ],
      lookup,
    );
    expect(groups.map((g) => [g.label, g.count])).toEqual([
      ['People', 1],
      ['Organizations', 4],
      ['Places', 7],
    ]);
    // An entity the panel's KB doesn't know keeps the page's text.
    expect(groups[2]?.entities.map((e) => e.name)).toEqual(['Vinnytsia', 'Kyiv']);
  });

  test('nothing found is no groups', () => {
    expect(groupPageEntities([], lookup)).toEqual([]);
    expect(mentionCount(1)).toBe('1 mention');
    expect(mentionCount(2)).toBe('2 mentions');
  });
});
