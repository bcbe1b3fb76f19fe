// Reads what a page says about its article besides the text: publication date and language.
//
// Readability reads the common meta tags and JSON-LD already; this adds the places it does not
// look (itemprop="datePublished" meta, news sites' own meta names, JSON-LD of types it skips, a
// <time datetime>), in that order of trust. The page is only read, never changed.
import { franc } from 'franc-min';

const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'publishdate',
  'publish-date',
  'pubdate',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
];

/** The first JSON-LD `datePublished` (objects, arrays and `@graph` searched, bounded). */
function jsonLdPublished(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > 1_000_000) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    const queue: unknown[] = [json];
    for (let seen = 0; queue.length > 0 && seen < 1000; seen++) {
      const value = queue.shift();
      if (Array.isArray(value)) queue.push(...value);
      else if (typeof value === 'object' && value !== null) {
        const record = value as Record<string, unknown>;
        const date = record.datePublished ?? record.dateCreated;
        if (typeof date === 'string' && date.trim() !== '') return date.trim();
        if (record['@graph'] !== undefined) queue.push(record['@graph']);
      }
    }
  }
  return undefined;
}

function metaPublished(doc: Document): string | undefined {
  const byKey = new Map<string, string>();
  for (const meta of doc.querySelectorAll('meta')) {
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    const content = meta.getAttribute('content')?.trim();
    if (key && content && !byKey.has(key)) byKey.set(key, content);
  }
  for (const key of PUBLISHED_META) {
    const value = byKey.get(key);
    if (value) return value;
  }
  return undefined;
}

function timePublished(doc: Document): string | undefined {
  const time =
    doc.querySelector('time[itemprop="datePublished"][datetime]') ??
    doc.querySelector('time[pubdate][datetime]') ??
    doc.querySelector('time[datetime]');
  return time?.getAttribute('datetime')?.trim() || undefined;
}

/** The publication date as the page states it: Readability's, then meta tags, JSON-LD, <time datetime>. */
export function readPublished(
  doc: Document,
  fromReadability: string | null | undefined,
): string | undefined {
  const value =
    fromReadability?.trim() || metaPublished(doc) || jsonLdPublished(doc) || timePublished(doc);
  return value && calendarDay(value) !== undefined ? value : undefined;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * The calendar day (YYYY-MM-DD) of a stated date. An ISO timestamp keeps the publisher's own
 * day ("2017-01-13T00:00:04-05:00" is the 13th, though UTC says the 13th too only by luck).
 */
export function calendarDay(stated: string): string | undefined {
  const iso = ISO_DAY.exec(stated);
  if (iso) {
    const [, y, m, d] = iso;
    const month = Number(m);
    const day = Number(d);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${y}-${m}-${d}` : undefined;
  }
  const time = Date.parse(stated);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  if (year < 1900 || year > 2200) return undefined;
  return new Date(time).toISOString().slice(0, 10);
}

export interface PageLanguage {
  code: string | undefined;
  from: 'page' | 'detected' | 'unknown';
}

/** The page's language: <html lang> (or the Content-Language meta), else detected from the text with franc-min. */
export function readLanguage(doc: Document, text: string): PageLanguage {
  const declared =
    doc.documentElement?.getAttribute('lang')?.trim() ||
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.trim();
  if (declared) return { code: declared, from: 'page' };
  // franc needs a few sentences; a longer sample costs time and adds nothing.
  const detected = franc(text.slice(0, 4000), { minLength: 80 });
  return detected === 'und'
    ? { code: undefined, from: 'unknown' }
    : { code: detected, from: 'detected' };
}

/** True for English codes ("en", "en-GB", "eng"); an unknown language counts as English, the rules' language. */
export function isEnglish(code: string | undefined): boolean {
  if (code === undefined) return true;
  const primary = code.toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'eng';
}
