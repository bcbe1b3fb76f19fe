// A page's HTML without its inline event handlers (onclick=, onload=, …), before the side panel parses it to save it.
//
// Why: Chrome checks every inline handler attribute against the Content Security Policy of the context that parses
// it, whatever the document (DOMParser, <template>, createHTMLDocument, parseHTMLUnsafe: all tried in a side panel),
// and reports each as a violation in the extension's error list, although none ever runs: a parsed document has no
// browsing context. lemonde-1 alone gave 24. The attributes carry no article text, so extraction loses nothing.
//
// A small tokenizer, not a regular expression over the whole text: attribute values may hold ">" and quotes, and
// the text of scripts, styles, comments and text areas holds "<" that opens no tag. One pass, linear in the page.

/** Elements whose content is text up to their end tag, never tags. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
]);

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0c, 0x0d]);
const SLASH = 0x2f;
const GT = 0x3e;
const EQUALS = 0x3d;

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export function withoutEventHandlers(html: string): string {
  const out: string[] = [];
  let kept = 0; // html[kept, …) is still to be copied
  let at = 0;
  const n = html.length;
  const code = (i: number) => html.charCodeAt(i);
  while (at < n) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      at = end < 0 ? n : end + 3;
      continue;
    }
    if (!isLetter(code(open + 1))) {
      at = open + 1;
      continue;
    }
    // The tag's name, then its attributes up to ">".
    let i = open + 1;
    while (i < n && !SPACE.has(code(i)) && code(i) !== SLASH && code(i) !== GT) i++;
    const name = html.slice(open + 1, i).toLowerCase();
    while (i < n && code(i) !== GT) {
      if (SPACE.has(code(i)) || code(i) === SLASH) {
        i++;
        continue;
      }
      const start = i;
      while (
        i < n &&
        !SPACE.has(code(i)) &&
        code(i) !== SLASH &&
        code(i) !== GT &&
        code(i) !== EQUALS
      )
        i++;
      const handler = i - start > 2 && /^on/i.test(html.slice(start, start + 2));
      let j = i;
      while (j < n && SPACE.has(code(j))) j++;
      if (code(j) === EQUALS) {
        j++;
        while (j < n && SPACE.has(code(j))) j++;
        const quote = html.charAt(j);
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, j + 1);
          j = close < 0 ? n : close + 1;
        } else {
          while (j < n && !SPACE.has(code(j)) && code(j) !== GT) j++;
        }
        i = j;
      } else if (i === start) {
        i++; // a stray character (a quote, "<"): step over it
      }
      if (handler) {
        out.push(html.slice(kept, start));
        kept = i;
      }
    }
    at = Math.min(n, i + 1);
    if (RAW_TEXT.has(name)) {
      // Its text is not markup: on to its end tag.
      const end = new RegExp(`</${name}`, 'ig');
      end.lastIndex = at;
      at = end.exec(html)?.index ?? n;
    }
  }
  if (out.length === 0) return html;
  out.push(html.slice(kept));
  return out.join('');
}
