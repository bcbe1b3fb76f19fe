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

/** Pages where no extension may run a content script: say so instead of showing a broken switch. */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  const host = parsed.hostname;
  return (
    host === 'chromewebstore.google.com' ||
    (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) ||
    host === 'addons.mozilla.org' ||
    host === 'microsoftedge.microsoft.com'
  );
}
