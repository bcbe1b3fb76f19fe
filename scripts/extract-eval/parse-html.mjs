// Parses saved HTML into a Document with jsdom, as DOMParser would in the side panel: no scripts run, no requests made, CSS errors kept quiet.
import { JSDOM, VirtualConsole } from 'jsdom';

/** A Document for `html`; `url` only sets the document's address (nothing is fetched). */
export function parseHtml(html, url) {
  // jsdom reports stylesheets it cannot parse on the console; a page's CSS is not ours to fix.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url: url ?? 'https://example.invalid/', virtualConsole }).window
    .document;
}
