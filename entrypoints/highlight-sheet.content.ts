// Document-start content script: adopts the ::highlight rules before the page is first styled (see lib/highlight/early-sheet.ts).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { adoptEarlySheet } from '../lib/highlight/early-sheet';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_start',
  main() {
    adoptEarlySheet(window);
  },
});
