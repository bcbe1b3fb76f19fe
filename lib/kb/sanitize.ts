// Makes a dataset's `notes` (the one field that may hold markup) safe to render, with DOMPurify.
//
// DOMPurify needs a DOM window: in extension pages that is `window`; tests pass happy-dom's. The
// result is still to be rendered with care (dangerouslySetInnerHTML on a plain element, never in
// a page's own DOM): only simple text formatting and https: links survive.
import createDOMPurify, { type WindowLike } from 'dompurify';

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

/** `html` reduced to simple formatting and https: links; everything else is dropped. */
export function sanitizeNotes(
  html: string,
  win: WindowLike = window as unknown as WindowLike,
): string {
  return purifierFor(win).sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    RETURN_TRUSTED_TYPE: false,
  }) as string;
}
