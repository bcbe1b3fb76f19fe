// The content script of a mark.js keyword-highlighter extension (built by bench/lib/markjs-extension.mjs), what such
// extensions do on every page: mark.js over a fixed keyword list once the page is idle. The keywords are the seed's
// aliases, set by the script the manifest lists before this one (same isolated world).
import Mark from 'mark.js/dist/mark.js';
import { MARK_OPTIONS } from './mark-options';

interface Keywords {
  termsCaseless: string[];
  termsCaseful: string[];
  exclude: string[];
}

const keywords = (globalThis as { __markjsKeywords?: Keywords }).__markjsKeywords;
if (keywords && document.body) {
  const instance = new Mark(document.body);
  const options = { ...MARK_OPTIONS, exclude: keywords.exclude };
  instance.mark(keywords.termsCaseless, { ...options, caseSensitive: false });
  if (keywords.termsCaseful.length > 0)
    instance.mark(keywords.termsCaseful, { ...options, caseSensitive: true });
}
