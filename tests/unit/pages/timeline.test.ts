// The entity view's timeline: events from several sources in date order, relative words resolved against their
// source's date, undated events placed by their source's date and marked so, the rest last.
import { describe, expect, it } from 'vitest';
import { resolveWhen } from '../../../lib/pages/extract/events';
import {
  calendarLabel,
  publishedDay,
  type TimelineEvent,
  timeline,
} from '../../../lib/pages/timeline';

const event = (
  id: string,
  published: string | undefined,
  more: Partial<TimelineEvent> = {},
): TimelineEvent => ({
  id,
  title: id,
  source: { id: `${id}-source`, ...(published ? { published } : {}) },
  ...more,
});

describe('publishedDay', () => {
  it('reads machine dates and written dates with a year, and nothing else', () => {
    expect(publishedDay('2017-01-13T03:38:38-05:00')).toBe('2017-01-13');
    expect(publishedDay('2025-08-28')).toBe('2025-08-28');
    expect(publishedDay('28 August 2025')).toBe('2025-08-28');
    expect(publishedDay('Thursday')).toBeUndefined();
    expect(publishedDay('')).toBeUndefined();
    expect(publishedDay(undefined)).toBeUndefined();
  });
});

describe('resolveWhen', () => {
  it('resolves a weekday, a month and a stated date against the source day', () => {
    expect(resolveWhen('In the early hours of Thursday', '2025-08-28')).toBe('2025-08-28');
    expect(resolveWhen('on Monday', '2025-08-28')).toBe('2025-08-25');
    expect(resolveWhen('in June', '2025-08-28')).toBe('2025-06');
    expect(resolveWhen('on 3 March 2024', undefined)).toBe('2024-03-03');
    expect(resolveWhen('Thursday', undefined)).toBeUndefined();
    expect(resolveWhen('as the bombs fell', '2025-08-28')).toBeUndefined();
  });
});

describe('timeline', () => {
  it('orders events of several sources by date, coarse dates opening their period', () => {
    const order = timeline([
      event('later-article-day', '2025-09-10', { date: '2025-09-09' }),
      event('month', '2025-09-30', { date: '2025-09' }),
      event('early', '2025-01-02', { date: '2024-12-31' }),
      event('year', '2025-06-01', { date: '2025' }),
    ]).map((entry) => entry.event.id);
    expect(order).toEqual(['early', 'year', 'month', 'later-article-day']);
  });

  it('resolves words against the source date when the store kept no date', () => {
    const [entry] = timeline([event('attack', '2025-08-28', { when: 'Thursday' })], resolveWhen);
    expect(entry?.placement).toEqual({ by: 'dated', date: '2025-08-28' });
  });

  it('places an undated event by its source date, marked, after events dated that day', () => {
    const entries = timeline([
      event('undated', '2025-03-14'),
      event('dated-same-day', '2025-03-20', { date: '2025-03-14' }),
      event('before', '2025-03-01', { date: '2025-03-01' }),
    ]);
    expect(entries.map((entry) => [entry.event.id, entry.placement.by])).toEqual([
      ['before', 'dated'],
      ['dated-same-day', 'dated'],
      ['undated', 'by-source'],
    ]);
  });

  it('puts events with no date and an undated source last, in the order given', () => {
    const entries = timeline(
      [
        event('no-date-a', undefined),
        event('dated', undefined, { date: '2020' }),
        event('no-date-b', undefined, { when: 'overnight' }),
      ],
      resolveWhen,
    );
    expect(entries.map((entry) => [entry.event.id, entry.placement.by])).toEqual([
      ['dated', 'dated'],
      ['no-date-a', 'undated'],
      ['no-date-b', 'undated'],
    ]);
  });

  it('ignores a stored date that is not a calendar date', () => {
    const [entry] = timeline([event('odd', '2025-01-01', { date: '2025-13-40' })]);
    expect(entry?.placement).toEqual({ by: 'by-source', date: '2025-01-01' });
  });
});

describe('calendarLabel', () => {
  it('writes a day, a month or a year as precise as it is', () => {
    expect(calendarLabel('2025-08-28')).toBe('28 Aug 2025');
    expect(calendarLabel('2025-09-02')).toBe('2 Sept 2025');
    expect(calendarLabel('2025-06')).toBe('June 2025');
    expect(calendarLabel('2024')).toBe('2024');
  });
});
