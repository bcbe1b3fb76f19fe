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

/**
 * The day a source's `published` stands for, when it is a machine date ("2017-01-13T03:38:38-05:00"; what meta
 * tags and JSON-LD give) or a date the platform reads unambiguously with a year ("13 January 2017"); else none.
 */
export function publishedDay(published: string | undefined): string | undefined {
  const text = published?.trim();
  if (!text) return undefined;
  const iso = ISO_DAY.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  if (!/\b\d{4}\b/.test(text)) return undefined;
  const time = Date.parse(`${text} 12:00 UTC`);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().slice(0, 10);
}

/** Orders days ("YYYY-MM-DD", or undefined for an undated source) newest first, undated after every dated one. */
export function newerFirst(a: string | undefined, b: string | undefined): number {
  return Number(b !== undefined) - Number(a !== undefined) || (b ?? '').localeCompare(a ?? '');
}
