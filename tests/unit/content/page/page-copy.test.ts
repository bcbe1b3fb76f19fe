// "Save this article" in the tab: the page's HTML handed over as it is, the page untouched, a page over 5 MB refused
// with its size (counted in UTF-8, as the extractor counts it).
import { describe, expect, it } from 'vitest';
import { copyPage } from '../../../../lib/content/page/page-copy';
import { MAX_PAGE_BYTES, oversize } from '../../../../lib/shared/page-copy';

function page(body: string, lang = 'en'): Document {
  return new DOMParser().parseFromString(
    `<html lang="${lang}"><head><title>Kyiv under attack</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

describe('copyPage', () => {
  it('hands over the address, title, markup and language, and changes nothing', () => {
    const doc = page(
      '<article><p>Volodymyr <b>Zelenskyy</b> spoke in Kyiv.</p></article>',
      'en-GB',
    );
    const before = doc.documentElement.outerHTML;
    const result = copyPage(doc, 'https://news.example/kyiv');
    expect(result).toEqual({
      ok: true,
      copy: {
        url: 'https://news.example/kyiv',
        title: 'Kyiv under attack',
        html: before,
        lang: 'en-GB',
      },
    });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('says "" for a page that states no language', () => {
    const doc = page('<p>x</p>');
    doc.documentElement.removeAttribute('lang');
    const result = copyPage(doc, 'https://news.example/');
    expect(result.ok && result.copy.lang).toBe('');
  });

  it('refuses a page over 5 MB with its size, without sending it', () => {
    const doc = page(`<p>${'a'.repeat(MAX_PAGE_BYTES)}</p>`);
    const result = copyPage(doc, 'https://news.example/huge');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.reason).toBe('too-large');
    expect(result.refusal.limit).toBe(MAX_PAGE_BYTES);
    expect(result.refusal.bytes).toBe(doc.documentElement.outerHTML.length);
    expect(JSON.stringify(result).length).toBeLessThan(200);
  });
});

describe('oversize', () => {
  it('counts UTF-8 bytes, not UTF-16 units', () => {
    // 2 MB of "Київ" is 4 MB of units × 2 bytes each: over the limit although its length is under it.
    const cyrillic = 'Київ '.repeat(Math.ceil((MAX_PAGE_BYTES * 0.6) / 5));
    expect(cyrillic.length).toBeLessThan(MAX_PAGE_BYTES);
    expect(oversize(cyrillic)).toBe(Buffer.byteLength(cyrillic));
    expect(oversize('a😀é€'.repeat(10), 30)).toBe(100);
    expect(oversize('a😀é€'.repeat(10), 100)).toBeNull();
  });

  it('is null for a page that certainly fits', () => {
    expect(oversize('<html></html>')).toBeNull();
    expect(oversize('€'.repeat(MAX_PAGE_BYTES / 3))).toBeNull();
  });
});
