// "Save this article" in the tab: a copy of the page's HTML for the side panel, which extracts it. Read only (the
// DOM is never changed); a page over the size limit is refused with its size, before anything is sent.
import { MAX_PAGE_BYTES, oversize, type PageCopyResult } from '../../shared/page-copy';

export function copyPage(doc: Document, url: string): PageCopyResult {
  const root = doc.documentElement;
  const html = root?.outerHTML ?? '';
  const bytes = oversize(html);
  if (bytes !== null) {
    return { ok: false, refusal: { reason: 'too-large', bytes, limit: MAX_PAGE_BYTES } };
  }
  return {
    ok: true,
    copy: { url, title: doc.title, html, lang: root?.getAttribute('lang') ?? '' },
  };
}
