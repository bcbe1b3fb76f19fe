// Dated events anchored to the publication date, and figures as the article hedges them.
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../../lib/pages/extract/figures';
import { articlePage, draftOf } from './helpers';

const PUBLISHED = '<meta property="article:published_time" content="2025-08-28T09:15:00+03:00">';

describe('events', () => {
  it('anchors "Thursday" to the publication date: an article of Thursday 28 August 2025 means that day', () => {
    const draft = draftOf(
      articlePage(
        [
          'In the early hours of Thursday, Russia unleashed a massive wave of drones and missiles against Kyiv.',
          'Officials said on Monday that the envoy will travel to Washington on Friday for further talks.',
          'In 1997, the first agreement between the two countries was signed in Geneva.',
        ],
        { head: PUBLISHED },
      ),
    );
    expect(draft.article.publishedDay).toBe('2025-08-28');
    const whens = draft.events.map((event) => event.when);
    expect(whens).toContainEqual({ text: 'Thursday', date: '2025-08-28' });
    // The nearest verb of "on Monday" is past ("said"): the Monday before; "on Friday" goes with "will travel".
    expect(whens).toContainEqual({ text: 'on Monday', date: '2025-08-25' });
    expect(whens).toContainEqual({ text: 'In 1997', date: '1997' });
  });

  it('keeps a relative date unresolved when the page states no publication date', () => {
    const draft = draftOf(
      articlePage(['On Thursday, Russia launched 598 drones and 31 missiles at Kyiv.']),
    );
    expect(draft.article.publishedDay).toBeUndefined();
    expect(draft.events[0]?.when).toEqual({ text: 'On Thursday', date: undefined });
  });

  it('puts figures on their event with kind, value, qualifier and the verbatim words', () => {
    const draft = draftOf(
      articlePage(
        ['The strike on Thursday killed at least 21 people and wounded 48 more in the city.'],
        { head: PUBLISHED },
      ),
    );
    expect(draft.events[0]?.figures).toEqual([
      expect.objectContaining({
        kind: 'dead',
        value: 21,
        qualifier: 'at least',
        unit: 'people',
        text: 'killed at least 21 people',
      }),
    ]);
  });
});

describe('findFigures', () => {
  it('reads "at least 21 people killed"', () => {
    const sentence = 'Rescuers said at least 21 people killed in the attack had been identified.';
    const [figure] = findFigures(sentence);
    expect(figure).toMatchObject({
      kind: 'dead',
      value: 21,
      qualifier: 'at least',
      unit: 'people',
    });
    expect(figure && sentence.slice(figure.start, figure.end)).toBe('at least 21 people killed');
  });

  it('reads money, counted things and hedges, and skips years, ages, durations and vague amounts', () => {
    const figures = findFigures(
      'In 2022, Washington approved an $825 million package, nearly 100 buildings were damaged and Russia launched four missiles within two weeks, while dozens of civilians, aged 21, fled.',
    ).map((f) => [f.kind, f.value, f.qualifier ?? null]);
    expect(figures).toEqual([
      ['money', 825_000_000, null],
      ['buildings', 100, 'nearly'],
      ['missiles', 4, null],
    ]);
  });
});
