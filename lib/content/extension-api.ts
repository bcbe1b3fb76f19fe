// The extension API in the content script: the browser's own, without webextension-polyfill (9.6 KB of the content
// script's 80 KB budget, for promise wrappers neither browser needs there: Chromium's MV3 `chrome.*` returns promises,
// Firefox has `browser`). wxt.config.ts points WXT's own `wxt/browser` imports of the content script here too.
//
// Only an own global counts. In Chromium's isolated world the page's named elements are globals as well
// (`<form id="browser">` is `browser`, one holding `<input name="runtime" id="x">` even has a truthy `runtime.id`),
// but they live on the window's prototype chain, never as its own properties; `chrome` is the world's own global,
// which no named element can shadow (content-scripts/world.js makes the world before the page has any DOM;
// tests/fixtures/pages/hostile/clobber.html). Firefox's content scripts have their own `browser`.
import type { browser as Api } from 'wxt/browser';

type ExtensionApi = typeof Api;
const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };

export const browser: ExtensionApi =
  Object.hasOwn(scope, 'browser') && scope.browser ? scope.browser : scope.chrome;
