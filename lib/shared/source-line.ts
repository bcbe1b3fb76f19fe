// How a source is named to the reader wherever its items are shown (card, side panel, options): "Title · site · date".
import type { Source } from './kb/schema';

/** "2017-01-13T03:38:38-05:00" → "13 Jan 2017": the day the source states, whatever its time zone. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * A publication date as a reader reads it. Only machine dates (what meta tags and JSON-LD give) are rewritten;
 * anything else ("Thursday 28 August") is the source's own words and stays as written.
 */
export function readableDate(published: string): string {
  const day = ISO_DAY.exec(published.trim());
  if (!day) return published;
  const [, year, month, date] = day.map(Number) as [number, number, number, number];
  const time = Date.UTC(year, month - 1, date);
  // 2017-02-31 is no day: the words stay as written.
  if (new Date(time).getUTCDate() !== date) return published;
  return DAY.format(time);
}

/** The site a source is from: its publisher as the page names it, else its address's host without "www.". */
export function sourceSite(source: Pick<Source, 'publisher' | 'url'>): string | undefined {
  if (source.publisher) return source.publisher;
  if (!source.url) return undefined;
  try {
    return new URL(source.url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** "Title · site · date", leaving out what the source does not say. */
export function sourceLine(
  source: Pick<Source, 'title' | 'publisher' | 'published' | 'url'>,
): string {
  const site = sourceSite(source);
  return [source.title, site, source.published ? readableDate(source.published) : undefined]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}
