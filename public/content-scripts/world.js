// Backstory: creates the extension's isolated world at document start (Chromium). A world made later, at
// document_idle, looks up `chrome` on a page that may already hold <form id="chrome">, and takes the page's element
// for the API object; made before the page has any DOM, it has `chrome` of its own. See wxt.config.ts.
