// Reaches into a closed shadow root (the card's) for the test, from a world the page can't reach: in Chromium the
// extension's own isolated world, where chrome.dom.openOrClosedShadowRoot exists; in Firefox puppeteer's WebDriver
// BiDi sandbox, with the root the protocol reports for its host (BiDi serializes a host's shadow root, closed too).
import type { ElementHandle, Page, Realm } from 'puppeteer-core';

/** The part of puppeteer's BiDi classes used here: internal to puppeteer, so named (and checked) in one place. */
interface BidiNodeValue {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: BidiNodeValue | null };
}
interface BidiHandle {
  remoteValue(): BidiNodeValue;
}
interface BidiFrame {
  isolatedRealm(): Realm;
}

/** CDP (Chromium here) or WebDriver BiDi (Firefox here): puppeteer's Browser knows, its public type does not say. */
function speaksCdp(page: Page): boolean {
  return (page.browser() as unknown as { protocol?: string }).protocol === 'cdp';
}

/** Chromium: the isolated world the extension's content scripts run in, in the tab's main frame. */
function contentScriptWorld(page: Page): Realm | undefined {
  return page
    .mainFrame()
    .extensionRealms()
    .find((realm) => realm.origin?.startsWith('chrome-extension://'));
}

/**
 * The world closed roots are read in. Chromium: the content script's isolated world (found by its
 * chrome-extension:// origin), which sees the page's DOM but none of the page's scripts or patches. Firefox:
 * puppeteer's sandbox, likewise apart from the page's scripts.
 */
export function readerWorld(page: Page): Realm {
  if (speaksCdp(page)) {
    const world = contentScriptWorld(page);
    if (!world) throw new Error('no content script world in this tab (is the extension loaded?)');
    return world;
  }
  const frame = page.mainFrame() as unknown as Partial<BidiFrame>;
  if (typeof frame.isolatedRealm !== 'function') {
    throw new Error(
      'puppeteer-core no longer gives frames an isolatedRealm(): update closed-shadow.ts',
    );
  }
  return frame.isolatedRealm();
}

/**
 * A handle on the shadow root of the first element matching `hostSelector`, open or closed; null when there is no
 * such element (or it has no shadow root). Evaluate and query through the handle: that runs in `readerWorld(page)`.
 */
export async function closedShadowRoot(
  page: Page,
  hostSelector: string,
): Promise<ElementHandle<ShadowRoot> | null> {
  if (speaksCdp(page)) {
    const world = contentScriptWorld(page);
    // No content script in the tab yet: then it has no card either.
    if (!world) return null;
    const handle = await world.evaluateHandle((selector: string) => {
      const host = document.querySelector(selector);
      return host instanceof HTMLElement ? chrome.dom.openOrClosedShadowRoot(host) : null;
    }, hostSelector);
    const root = handle.asElement() as ElementHandle<ShadowRoot> | null;
    if (!root) void handle.dispose();
    return root;
  }
  // The query runs in puppeteer's sandbox; the handle's remote value names the host's shadow root, closed or not.
  const host = await page.$(hostSelector);
  if (!host) return null;
  const value = (host as unknown as BidiHandle).remoteValue();
  void host.dispose();
  const shadow = value.value?.shadowRoot;
  if (!shadow?.sharedId) return null;
  const { BidiElementHandle } = await import('puppeteer-core/internal/bidi/ElementHandle.js');
  type From = Parameters<typeof BidiElementHandle.from>;
  const handle = BidiElementHandle.from<ShadowRoot>(
    shadow as unknown as From[0],
    readerWorld(page) as unknown as From[1],
  );
  return handle as unknown as ElementHandle<ShadowRoot>;
}
