// Keeps the page's DOM from standing in for the extension API in the content script. Imported first, before
// webextension-polyfill is evaluated.
//
// In Chromium's isolated world the page's named elements are globals too (`<form id="browser">` is `browser`), and
// the polyfill takes any global `browser` whose `runtime.id` is truthy for the real API: a form holding
// `<input name="runtime" id="x">` passes, and the content script then calls the page's form (tests/fixtures/pages/
// hostile/clobber.html). Where `browser` is not the script's own global (Chromium has none), an own `undefined`
// shadows the named element, and the polyfill wraps `chrome`, which the page can't shadow (it is an own global).
// Firefox's content scripts have their own `browser`, left as it is.

if (!Object.hasOwn(globalThis, 'browser')) {
  Object.defineProperty(globalThis, 'browser', {
    value: undefined,
    writable: true,
    configurable: true,
  });
}
