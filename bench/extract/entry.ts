// Browser entry for the extraction timing: what the side panel would run on "Save this article" (DOMParser, then extractDraft).

import { extractDraftFromHtml } from '../../lib/pages/extract/extract';
import { warmUpExtraction } from '../../lib/pages/extract/warm-up';
import type { DictionaryItem } from '../../lib/shared/kb/dictionary';

declare global {
  interface Window {
    /** Parses and extracts `html`; returns the milliseconds taken and what was found, or the failure. */
    __extract: (html: string, dictionary: readonly DictionaryItem[]) => { ms: number; ok: boolean };
    /** What the side panel can run while idle after it opens; returns its milliseconds. */
    __warmUp: () => number;
  }
}

window.__extract = (html, dictionary) => {
  const started = performance.now();
  const result = extractDraftFromHtml(
    html,
    (text) => new DOMParser().parseFromString(text, 'text/html'),
    {
      dictionary,
    },
  );
  const ms = performance.now() - started;
  return { ms, ok: result.ok };
};

window.__warmUp = () => {
  const started = performance.now();
  warmUpExtraction();
  return performance.now() - started;
};
