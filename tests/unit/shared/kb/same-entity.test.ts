// When two entities are one: certain only for a shared full name of the same kind; suggested for spellings, surnames,
// sounds and near spellings; never across kinds. The traps a larger library brings are never merged automatically.
import { describe, expect, it } from 'vitest';
import { type Named, sameEntity } from '../../../../lib/shared/kb/same-entity';

let next = 0;
function entity(kind: string, name: string, ...aliases: string[]): Named {
  return {
    id: `e${++next}`,
    kind,
    name,
    aliases: aliases.map((text) => ({ text, caseSensitive: false })),
  };
}

describe('certain: merged without asking', () => {
  it('the same full name of the same kind, whatever the case, accents or title', () => {
    expect(
      sameEntity(entity('person', 'Keir Starmer'), entity('person', 'keir starmer')).same,
    ).toBe('certain');
    expect(
      sameEntity(entity('person', 'Sir Keir Starmer', 'Starmer'), entity('person', 'Keir Starmer'))
        .same,
    ).toBe('certain');
    expect(sameEntity(entity('place', 'São Paulo'), entity('place', 'Sao Paulo')).same).toBe(
      'certain',
    );
    // A full alias of one is the other's name.
    expect(
      sameEntity(
        entity('organization', 'European Union', 'EU'),
        entity('organization', 'EU', 'European Union'),
      ).same,
    ).toBe('certain');
  });
});

describe('suggested: the reader decides', () => {
  it('another spelling: Kyiv / Kiev, Zelenskyy / Zelensky / Зеленський, Gaddafi / Qaddafi', () => {
    const cases: [Named, Named][] = [
      [entity('place', 'Kyiv'), entity('place', 'Kiev')],
      [entity('person', 'Volodymyr Zelenskyy'), entity('person', 'Volodymyr Zelensky')],
      [entity('person', 'Zelenskyy'), entity('person', 'Зеленський')],
      [entity('person', 'Muammar Gaddafi'), entity('person', 'Moammar Qaddafi')],
    ];
    for (const [a, b] of cases) {
      const verdict = sameEntity(a, b);
      expect(verdict.same, `${a.name} / ${b.name}`).toBe('possible');
      if (verdict.same === 'possible') expect(verdict.why).toMatch(/another spelling/);
    }
  });

  it('a lone surname and the full name that ends with it', () => {
    const verdict = sameEntity(entity('person', 'Mr. Warner'), entity('person', 'Mark Warner'));
    expect(verdict).toMatchObject({
      same: 'possible',
      why: '“Mr. Warner” may be Mark Warner, by the surname',
    });
  });

  it('names that sound or are spelled almost alike', () => {
    expect(sameEntity(entity('person', 'Jon Smyth'), entity('person', 'John Smith')).same).toBe(
      'possible',
    );
    expect(
      sameEntity(entity('person', 'Friedrich Merz'), entity('person', 'Friedrich Mertz')).same,
    ).toBe('possible');
  });
});

describe('the traps: never merged automatically', () => {
  it('two people sharing a surname, the city and the government, the country and the state', () => {
    const traps: [Named, Named][] = [
      [entity('person', 'Mark Warner', 'Warner'), entity('person', 'John Warner', 'Warner')],
      [entity('person', 'Mark Warner', 'Warner'), entity('person', 'Warner')],
      [entity('place', 'Washington'), entity('place', 'Washington')],
      [entity('place', 'Washington', 'Washington, D.C.'), entity('organization', 'Washington')],
      [entity('place', 'Georgia'), entity('place', 'Georgia')],
      [entity('place', 'Georgia', 'Sakartvelo'), entity('place', 'Georgia', 'Peach State')],
      [entity('person', 'George Bush'), entity('person', 'George W. Bush')],
      [entity('person', 'Hillary Clinton'), entity('person', 'Bill Clinton')],
      [entity('organization', 'Apple'), entity('organization', 'Apple Records')],
      [entity('person', 'Paris Hilton'), entity('place', 'Paris')],
    ];
    for (const [a, b] of traps) {
      expect(sameEntity(a, b).same, `${a.name} (${a.kind}) / ${b.name} (${b.kind})`).not.toBe(
        'certain',
      );
    }
  });

  it('nothing across kinds, even under one name', () => {
    expect(
      sameEntity(entity('place', 'Washington'), entity('organization', 'Washington')).same,
    ).toBe('no');
  });

  it('different people with different names are not even suggested', () => {
    expect(
      sameEntity(entity('person', 'Hillary Clinton'), entity('person', 'Bill Clinton')).same,
    ).toBe('no');
    expect(sameEntity(entity('person', 'Keir Starmer'), entity('person', 'Kaja Kallas')).same).toBe(
      'no',
    );
  });
});
