// The real-browser test harness: a local server, Chromium and Firefox with the built extension, request blocking.
export { inFirefoxChrome, nextDownload, preferColorScheme, sendBidi } from './browser-ui';
export { launchChromium } from './chromium';
export { closedShadowRoot, readerWorld } from './closed-shadow';
export { findChromium, findFirefox, installHint } from './find-browser';
export { firefoxExtensionUuid, launchFirefox } from './firefox';
export { NetworkLog, type RecordedRequest, type RequestSource } from './network-log';
export {
  contentScriptIsRunning,
  highlightCounts,
  screenshot,
  waitForContentScript,
} from './page-checks';
export * from './paths';
export {
  defaultRoots,
  type ProxiedRequest,
  type ServerRoots,
  startServer,
  type TestServer,
} from './server';
export type {
  BrowserKind,
  ConsoleError,
  ExtensionPageName,
  ExtensionSession,
  LaunchOptions,
  Viewport,
} from './session';
export { extensionConsoleErrors } from './session';
