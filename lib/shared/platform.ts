// Everything that differs between Chrome (MV3) and Firefox (MV2) extension APIs lives here, and only here.
import { browser } from 'wxt/browser';

interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens Chrome's side panel or Firefox's sidebar; a tab where neither exists. Both browsers require
 * this to run while handling a user gesture, so call it before any `await`.
 */
export async function openPanel(windowId: number | undefined): Promise<void> {
  const apis = browser as unknown as PanelApis;
  if (apis.sidePanel && windowId !== undefined) {
    await apis.sidePanel.open({ windowId });
    return;
  }
  if (apis.sidebarAction) {
    await apis.sidebarAction.open();
    return;
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
export function toolbarAction(): typeof browser.action {
  return (
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction
  );
}

/**
 * Hosts where the browser lets no extension run: Chrome's web store (old and new address), Edge's
 * add-ons store, and Firefox's `extensions.webextensions.restrictedDomains` default (read from
 * Firefox ESR's own prefs: add-ons, accounts and sync, support). Both browsers' lists in one: the
 * list only explains a page whose content script did not answer (see lib/pages/followed-page.ts),
 * so a host one browser allows is never called restricted while its script runs there.
 */
const RESTRICTED_HOSTS = new Set([
  'chromewebstore.google.com',
  'microsoftedge.microsoft.com',
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'addons.mozilla.org',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

/**
 * Pages where no extension may run a content script, so the panel and popup say so instead of
 * offering a reload and a switch that can do nothing: every address that is not http(s) (browser
 * pages, view-source:, other extensions, files), the stores and Firefox's restricted domains, and
 * PDFs, which both browsers show in their own viewer.
 */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname;
  return (
    RESTRICTED_HOSTS.has(host) ||
    (host === 'chrome.google.com' && (path === '/webstore' || path.startsWith('/webstore/'))) ||
    /\.pdf$/i.test(path)
  );
}
