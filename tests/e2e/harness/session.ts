// One launched browser with the built extension: its pages are instrumented to block and record off-server
// requests and to collect console errors, and the extension's own pages can be opened as ordinary tabs.
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { isExtensionUrl, isLocalOnlyUrl, type NetworkLog, type RequestSource } from './network-log';
import type { TestServer } from './server';

export type BrowserKind = 'chromium' | 'firefox';
export type ExtensionPageName = 'popup' | 'sidepanel' | 'options';

export interface ConsoleError {
  /** URL of the page or worker that logged it. */
  source: string;
  /** URL of the script or resource the message points at, when the browser says. */
  location: string;
  text: string;
}

/** Console errors the extension is answerable for: logged by its pages or workers, or pointing at its scripts. */
export function extensionConsoleErrors(errors: ConsoleError[]): ConsoleError[] {
  return errors.filter((e) => isExtensionUrl(e.source) || isExtensionUrl(e.location));
}

export interface Viewport {
  width: number;
  height: number;
}

export interface ExtensionSession {
  kind: BrowserKind;
  browser: Browser;
  server: TestServer;
  /** chrome-extension://<id> or moz-extension://<uuid>, no trailing slash. */
  extensionOrigin: string;
  extensionId: string;
  network: NetworkLog;
  consoleErrors: ConsoleError[];
  /** A new tab, already blocking and recording off-server requests. */
  newPage(viewport?: Viewport): Promise<Page>;
  /** Opens a served path (e.g. '/demo.html') in a new instrumented tab and waits for load. */
  openServedPage(path: string, viewport?: Viewport): Promise<Page>;
  /** Opens popup.html, sidepanel.html or options.html of the extension as a normal tab. */
  openExtensionPage(name: ExtensionPageName, viewport?: Viewport): Promise<Page>;
  /** Closes the browser (not the server, which the caller owns). */
  close(): Promise<void>;
}

export interface LaunchOptions {
  server: TestServer;
  /** Unpacked extension folder; defaults to the e2e build of that browser. */
  extensionDir?: string;
  /** Defaults to true. */
  headless?: boolean;
  /** A profile folder to keep between launches (Chromium), e.g. to test that settings survive a restart. */
  userDataDir?: string;
  /** More Firefox preferences for this launch (e.g. a small storage limit); Chromium ignores them. */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

export const defaultViewport: Viewport = { width: 1280, height: 900 };

interface InitiatorLike {
  url?: string;
  stack?: StackLike;
  stackTrace?: StackLike;
}
interface StackLike {
  callFrames?: { url?: string }[];
  parent?: StackLike;
}

function initiatorUrls(initiator: InitiatorLike | undefined): string[] {
  const urls: string[] = [];
  if (initiator?.url) urls.push(initiator.url);
  // CDP calls it stack (with async parents), WebDriver BiDi calls it stackTrace.
  let stack = initiator?.stack ?? initiator?.stackTrace;
  while (stack) {
    for (const frame of stack.callFrames ?? []) if (frame.url) urls.push(frame.url);
    stack = stack.parent;
  }
  return urls;
}

/** Who sent a request seen on a tab: the extension if the tab is an extension page or an extension script started it. */
export function classifyTabRequest(
  request: HTTPRequest,
  tabUrl: string,
): { source: RequestSource; context: string } {
  if (isExtensionUrl(tabUrl)) return { source: 'extension', context: tabUrl };
  const frameUrl = request.frame()?.url();
  if (frameUrl && isExtensionUrl(frameUrl)) return { source: 'extension', context: frameUrl };
  const urls = initiatorUrls(request.initiator() as InitiatorLike | undefined);
  const extensionScript = urls.find(isExtensionUrl);
  if (extensionScript) return { source: 'extension', context: extensionScript };
  return { source: 'page', context: urls[0] ?? tabUrl };
}

/** Collects console.error calls and uncaught errors of a tab. */
export function watchConsole(page: Page, consoleErrors: ConsoleError[]): void {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    consoleErrors.push({
      source: page.url(),
      location: message.location().url ?? '',
      text: message.text(),
    });
  });
  page.on('pageerror', (error) => {
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    const location = /(chrome|moz)-extension:\/\/[^\s)]+/.exec(stack)?.[0] ?? '';
    consoleErrors.push({ source: page.url(), location, text: String(error) });
  });
}

/** Blocks every off-server request of a tab, records it with its sender, and collects console errors. */
export async function instrumentTab(
  page: Page,
  server: TestServer,
  network: NetworkLog,
  consoleErrors: ConsoleError[],
): Promise<void> {
  watchConsole(page, consoleErrors);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // Another handler may have settled it already (puppeteer allows only one decision).
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isLocalOnlyUrl(url, server.origin)) {
      void request.continue().catch(() => {});
      return;
    }
    const { source, context } = classifyTabRequest(request, page.url());
    network.record({ url, method: request.method(), source, context, via: 'tab-interception' });
    void request.abort('blockedbyclient').catch(() => {});
  });
}
