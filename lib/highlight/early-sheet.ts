// The ::highlight stylesheet, adopted at document start by a tiny content script so that it is part of the page's first
// style calculation. Adopting it once the page has loaded restyles every element: 49 ms of main-thread CPU on the
// 1 MB dense bench page, 25 ms on wikipedia.html (bench/profile.mjs, TRACE=1), the longest task Backstory caused there.
import { DEFAULT_HIGHLIGHT_STYLES, highlightCss } from './styles';

/** A sheet handed from the document-start script to the main content script, with the CSS text it holds. */
export interface EarlySheet {
  readonly sheet: CSSStyleSheet;
  readonly css: string;
}

/** Both content scripts run in the same isolated world (never the page's): they meet on its global object. */
const HANDOFF = '__backstoryEarlySheet';
type WithHandoff = { [HANDOFF]?: EarlySheet };

/**
 * Adopts the default highlight rules into `doc`. They are inert until highlights are registered (a site turned off
 * never registers any), and they name only Backstory's highlights, so nothing of the page changes.
 */
export function adoptEarlySheet(win: Window & typeof globalThis): EarlySheet | null {
  if (typeof win.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in win.document))
    return null;
  const css = highlightCss(DEFAULT_HIGHLIGHT_STYLES);
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  win.document.adoptedStyleSheets = [...win.document.adoptedStyleSheets, sheet];
  const early = { sheet, css };
  (win as WithHandoff)[HANDOFF] = early;
  return early;
}

/** The sheet the document-start script adopted, if it ran in this frame. */
export function earlySheet(win: Window & typeof globalThis): EarlySheet | null {
  return (win as WithHandoff)[HANDOFF] ?? null;
}
