// Makes a dataset's `notes` (the one field that may hold markup) safe to render, with DOMPurify.
//
// DOMPurify needs a DOM window: in extension pages that is `window`; tests pass happy-dom's. The
// result is still to be rendered with care (dangerouslySetInnerHTML on a plain element, never in
// a page's own DOM): only simple text formatting and https: links survive.
import createDOMPurify, { type WindowLike } from 'dompurify';
import { activeContentReason } from './schema';

const ALLOWED_TAGS = [
  'p',
  'br',
  'b',
  'strong',
  'i',
  'em',
  'ul',
  'ol',
  'li',
  'code',
  'blockquote',
  'a',
];
const ALLOWED_ATTR = ['href', 'title'];

const instances = new WeakMap<object, ReturnType<typeof createDOMPurify>>();

function purifierFor(win: WindowLike): ReturnType<typeof createDOMPurify> {
  let purify = instances.get(win);
  if (!purify) {
    purify = createDOMPurify(win);
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName !== 'A') return;
      const href = node.getAttribute('href');
      let safe = false;
      try {
        safe = href !== null && new URL(href).protocol === 'https:';
      } catch {
        safe = false;
      }
      if (!safe) node.removeAttribute('href');
      else {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('target', '_blank');
      }
    });
    instances.set(win, purify);
  }
  return purify;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * `html` reduced to simple formatting and https: links; everything else is dropped. If the DOM
 * at hand cannot sanitize (DOMPurify returns its input unchanged when unsupported, and some
 * test DOMs such as happy-dom leave scripts in place), the notes are shown as escaped text instead.
 */
export function sanitizeNotes(
  html: string,
  win: WindowLike = window as unknown as WindowLike,
): string {
  const purify = purifierFor(win);
  if (!purify.isSupported) return escapeHtml(html);
  const clean = purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    RETURN_TRUSTED_TYPE: false,
  }) as string;
  const leaked =
    activeContentReason(clean) !== null || /<\s*(?:script|style|img|svg)\b/i.test(clean);
  return leaked ? escapeHtml(html) : clean;
}
