// What a tab hands the side panel for "Save this article": a copy of its HTML as it is now, or why not.
//
// The size limit is decided here, once, for both ends: the content script refuses a larger page before sending it
// (a 50 MB message would stall the tab and the panel for nothing), and the extractor refuses one it is handed.

/** Pages larger than this (UTF-8 bytes of their HTML) are not saved: the same bound as a dataset import. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

/** The page as the tab has it now: its address, title, `<html>` element's markup and language. */
export interface PageCopy {
  url: string;
  title: string;
  html: string;
  /** The `lang` of `<html>`, '' when the page does not say. */
  lang: string;
}

/** Why a tab did not hand over its HTML. */
export interface PageRefusal {
  reason: 'too-large';
  bytes: number;
  limit: number;
}

export type PageCopyResult = { ok: true; copy: PageCopy } | { ok: false; refusal: PageRefusal };

/** The UTF-8 size of `html` when it is over `limit`, else null. */
export function oversize(html: string, limit = MAX_PAGE_BYTES): number | null {
  // Each UTF-16 unit is at most 3 bytes: a text this short is under the limit whatever it holds.
  if (html.length * 3 <= limit) return null;
  // Counted, not encoded: a 20 MB page would otherwise be copied once more just to be measured.
  let bytes = html.length;
  for (let i = 0; i < html.length; i++) {
    const unit = html.charCodeAt(i);
    // From U+0080 2 bytes, from U+0800 3; a surrogate pair is 2 units and 4 bytes.
    if (unit >= 0x80) bytes += unit < 0x800 || (unit >= 0xd800 && unit < 0xe000) ? 1 : 2;
  }
  return bytes > limit ? bytes : null;
}
