// Document-start content script: adopts the ::highlight rules before the page is first styled (see lib/highlight/early-sheet.ts).
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { adoptEarlySheet } from '../lib/highlight/early-sheet';
import { ignoreForgedRestarts } from '../lib/page/forged-restart';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_start',
  // WXT would otherwise post its start-up message to the page: telling every page that Backstory is installed.
  noScriptStartedPostMessage: true,
  main(ctx) {
    ignoreForgedRestarts(window, () => browser.runtime?.id == null, ctx.signal);
    adoptEarlySheet(window);
  },
});
