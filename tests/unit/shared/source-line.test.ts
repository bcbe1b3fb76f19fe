// How a source is named under its facts: title, site and date as a reader reads them, nothing invented.
import { describe, expect, it } from 'vitest';
import { readableDate, sourceLine, sourceSite } from '../../../lib/shared/source-line';

describe('readableDate', () => {
  it('reads machine dates as the day the source states, whatever its time zone', () => {
    expect(readableDate('2017-01-13T03:38:38-05:00')).toBe('13 Jan 2017');
    expect(readableDate('2016-01-05')).toBe('5 Jan 2016');
    expect(readableDate('2025-08-28 23:59')).toBe('28 Aug 2025');
  });

  it('keeps the source’s own words, and what is no day', () => {
    expect(readableDate('Thursday 28 August 2025')).toBe('Thursday 28 August 2025');
    expect(readableDate('2017-02-31')).toBe('2017-02-31');
    expect(readableDate('20170113')).toBe('20170113');
  });
});

describe('sourceLine', () => {
  it('joins title, site and date, leaving out what the source does not say', () => {
    expect(
      sourceLine({
        title: 'Obama admits US gun laws are his biggest frustration',
        publisher: 'BBC News',
        published: '2015-07-24T08:11:41+01:00',
      }),
    ).toBe('Obama admits US gun laws are his biggest frustration · BBC News · 24 Jul 2015');
    expect(sourceLine({ title: 'Kyiv attack' })).toBe('Kyiv attack');
    expect(
      sourceLine({ title: 'Sudan', url: 'https://www.nytimes.com/2017/01/13/sudan.html' }),
    ).toBe('Sudan · nytimes.com');
  });

  it('takes the publisher as the site, else the host', () => {
    expect(sourceSite({ publisher: 'The Guardian', url: 'https://www.theguardian.com/x' })).toBe(
      'The Guardian',
    );
    expect(sourceSite({ url: 'https://news.example/a' })).toBe('news.example');
    expect(sourceSite({})).toBeUndefined();
  });
});
