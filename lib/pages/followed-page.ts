// The page the popup and side panel are about: which tab they follow, what its content script found there, and when that changes.
import { browser } from 'wxt/browser';
import type { Marking } from '../shared/marking';
import type { FocusResult, PageMentions } from '../shared/messaging';
import { CONTENT_SCRIPT_PING, panelMessenger, tabMessenger } from '../shared/messaging';
import type { PageCopyResult } from '../shared/page-copy';
import { isRestrictedUrl } from '../shared/platform';
import { siteKey } from '../shared/settings/site-key';
import { getSettings } from '../shared/settings/store';

export interface FollowedTab {
  id: number;
  windowId: number;
  /** Only known where the browser shows it to the extension (host access, activeTab). */
  url?: string;
}

/** `?tabId=` pins the tab (tests open the panel as an ordinary tab, which would otherwise be the active one). */
export function pinnedTabId(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * Where this extension page is shown. A side panel, sidebar or popup belongs to one window and is
 * about that window's active tab; the same page opened as a tab (the fallback where no side panel
 * exists) has no window of its own to follow and follows the window last focused instead.
 */
export interface PanelHost {
  /** The window the page is shown in (its landing requests are keyed by it). */
  windowId: number | undefined;
  /** Opened as an ordinary tab, not in a side panel, sidebar or popup. */
  asTab: boolean;
}

export async function panelHost(): Promise<PanelHost> {
  try {
    // undefined in a side panel, sidebar or popup: none of them is a tab.
    const own = await browser.tabs.getCurrent();
    if (own) return { windowId: own.windowId, asTab: true };
    const window = await browser.windows.getCurrent();
    return { windowId: window.id, asTab: false };
  } catch {
    return { windowId: undefined, asTab: true };
  }
}

/** The pinned tab, else the active tab of the host's window (of the last focused window, for a panel opened as a tab). */
export async function resolveTab(
  pinned: number | undefined,
  host: PanelHost,
): Promise<FollowedTab | null> {
  try {
    if (pinned !== undefined) return toFollowed(await browser.tabs.get(pinned));
    const windowId =
      host.asTab || host.windowId === undefined
        ? (await browser.windows.getLastFocused({ windowTypes: ['normal'] })).id
        : host.windowId;
    const [tab] = await browser.tabs.query({ active: true, windowId });
    return tab ? toFollowed(tab) : null;
  } catch {
    // The pinned tab was closed, or there is no normal window.
    return null;
  }
}

function toFollowed(tab: { id?: number; windowId?: number; url?: string }): FollowedTab | null {
  if (tab.id === undefined || tab.windowId === undefined) return null;
  return { id: tab.id, windowId: tab.windowId, url: tab.url };
}

/** What asking a tab for its mentions can come to. */
export type PageReading =
  | { kind: 'mentions'; mentions: PageMentions }
  | { kind: 'restricted' }
  | { kind: 'unreachable'; url?: string };

/**
 * Whether our content script answers in the tab's top frame, else why not, told apart by the URL: a page where
 * extensions may not run, or one not read yet. (A known URL is asked first all the same: a page one browser
 * restricts may be open to the other.)
 */
async function reach(
  tab: FollowedTab,
): Promise<{ kind: 'reached' } | { kind: 'restricted' } | { kind: 'unreachable'; url?: string }> {
  // A bare ping first (see CONTENT_SCRIPT_PING): a tab without our script rejects it quietly.
  try {
    await browser.tabs.sendMessage(tab.id, CONTENT_SCRIPT_PING, { frameId: 0 });
    return { kind: 'reached' };
  } catch {
    // No URL: the browser hides it, as it does for its own pages (no `tabs` permission).
    if (tab.url !== undefined && isRestrictedUrl(tab.url)) return { kind: 'restricted' };
    return { kind: 'unreachable', url: tab.url };
  }
}

/** Asks the tab's top frame what it highlights (or why it can't be asked, see `reach`). */
export async function readPage(tab: FollowedTab): Promise<PageReading> {
  const reached = await reach(tab);
  if (reached.kind !== 'reached') return reached;
  try {
    const mentions = await tabMessenger.sendMessage('getMentions', undefined, {
      tabId: tab.id,
      frameId: 0,
    });
    return { kind: 'mentions', mentions };
  } catch {
    return { kind: 'unreachable', url: tab.url };
  }
}

/** What asking a tab for a copy of its page ("Save this article") can come to. */
export type PageCopyReading =
  | { kind: 'copy'; result: PageCopyResult }
  | { kind: 'restricted' }
  | { kind: 'unreachable'; url?: string };

/** Asks the tab's top frame for a copy of its HTML (or its size, over the limit), or says why it can't be asked. */
export async function readPageCopy(tab: FollowedTab): Promise<PageCopyReading> {
  const reached = await reach(tab);
  if (reached.kind !== 'reached') return reached;
  try {
    const result = await tabMessenger.sendMessage('getPageHtml', undefined, {
      tabId: tab.id,
      frameId: 0,
    });
    return { kind: 'copy', result };
  } catch {
    // The tab navigated away meanwhile, or runs an older content script (installed before an update).
    return { kind: 'unreachable', url: tab.url };
  }
}

/**
 * Scrolls the tab to the entity's next mention and flashes it; repeated calls cycle through the
 * mentions. With `index`, to the mention of the entity's snippet number `index` instead.
 */
export async function focusOnPage(
  tab: FollowedTab,
  entityId: string,
  index?: number,
): Promise<FocusResult> {
  try {
    return await tabMessenger.sendMessage(
      'focusMention',
      { entityId, direction: 1, openCard: false, index },
      { tabId: tab.id, frameId: 0 },
    );
  } catch {
    return { found: false };
  }
}

/** The site to show for a URL, in the site list's own form ("www." dropped), or null for non-web pages. */
export function hostOf(url: string | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  const key = siteKey(url);
  return key.ok ? key.value : null;
}

/**
 * Calls `onChange` when what the panel should show may have changed: another tab came to the front
 * of the host's window (for a panel opened as a tab: any window came to the front), the followed
 * tab navigated or finished loading, or its content script found new mentions. A pinned panel
 * follows its tab only. Returns the function that stops listening.
 */
export function watchActivePage(
  host: PanelHost,
  followedTabId: () => number | undefined,
  pinned: boolean,
  onChange: (reason: 'tab' | 'content') => void,
): () => void {
  const followsFocus = host.asTab || host.windowId === undefined;
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (pinned) return;
    // Another window's tabs are that window's panel's business.
    if (followsFocus || info.windowId === host.windowId) onChange('tab');
  };
  const onFocus = (windowId: number) => {
    if (!pinned && followsFocus && windowId !== browser.windows.WINDOW_ID_NONE) onChange('tab');
  };
  const onUpdated = (tabId: number, info: { status?: string; url?: string }) => {
    if (tabId !== followedTabId()) return;
    if (info.status === 'complete' || info.url !== undefined) onChange('tab');
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.windows.onFocusChanged.addListener(onFocus);
  browser.tabs.onUpdated.addListener(onUpdated);
  const stopMessages = panelMessenger.onMessage('mentionsChanged', ({ sender }) => {
    if (sender.tab?.id === followedTabId()) onChange('content');
  });
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.windows.onFocusChanged.removeListener(onFocus);
    browser.tabs.onUpdated.removeListener(onUpdated);
    stopMessages();
  };
}

/**
 * What the popup and side panel show about the followed tab. `Found` is how a ready page's entities
 * travel: as the tab listed them, or grouped by kind for a view (`groupStatus` in lib/pages/group.ts).
 */
export type PageStatus<Found = PageMentions['entities']> =
  | { status: 'loading' }
  /** Browser pages, PDFs, extension stores: no extension may run there. */
  | { status: 'restricted' }
  /** A web page whose content script does not answer (still loading, or opened before Backstory was installed). */
  | { status: 'unreachable'; host: string | null }
  /** Highlighting is off for the page's site, or everywhere (`globalOff`): the page was not read. */
  | { status: 'off'; host: string | null; globalOff: boolean }
  /** `marking`: how much the page marks, as its tab applied it (what the counts are of). */
  | { status: 'ready'; host: string | null; marking: Marking; found: Found };

/** One reading of the followed page. */
export interface FollowedPage {
  /** The tab followed, with the URL its content script reported; null when there is none (no normal window, the pinned tab closed). */
  tab: FollowedTab | null;
  status: PageStatus;
  /** Another page than the last reading's (another tab, or the tab navigated): whatever pointed into the old page is stale. */
  newPage: boolean;
}

export interface FollowOptions {
  /** `?tabId=` (see pinnedTabId): follow that tab only. */
  pinned: number | undefined;
  /** Where the popup or panel is shown (see panelHost). */
  host: Promise<PanelHost>;
}

/**
 * Follows the page this popup or side panel is about: reads it now, and again when another tab comes
 * to the front, the tab navigates or finishes loading, or its content script says it applied a change
 * (new mentions, a site or global switch, muted entities). Readings never overlap: a change during one
 * is read once more after it, so the last reading is always the newest. Returns the function that stops.
 */
export function followPage(
  options: FollowOptions,
  onReading: (page: FollowedPage) => void,
): () => void {
  let stopped = false;
  let reading = false;
  let again = false;
  let tabChanged = false;
  let followed: FollowedTab | null = null;
  let shown: FollowedTab | null = null;

  async function readOnce(): Promise<void> {
    const sawTabChange = tabChanged;
    tabChanged = false;
    const tab = await resolveTab(options.pinned, await options.host);
    followed = tab;
    const { status, url } = tab ? await readStatus(tab) : { status: RESTRICTED };
    if (stopped) return;
    const now = tab && url !== undefined ? { ...tab, url } : tab;
    const newPage = sawTabChange || now?.id !== shown?.id || now?.url !== shown?.url;
    followed = now;
    shown = now;
    onReading({ tab: now, status, newPage });
  }

  function refresh(reason: 'tab' | 'content'): void {
    if (reason === 'tab') tabChanged = true;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    void (async () => {
      try {
        do {
          again = false;
          await readOnce();
        } while (again && !stopped);
      } finally {
        reading = false;
      }
    })();
  }

  refresh('tab');
  let stopWatching: (() => void) | undefined;
  void options.host.then((host) => {
    if (stopped) return;
    stopWatching = watchActivePage(host, () => followed?.id, options.pinned !== undefined, refresh);
  });
  return () => {
    stopped = true;
    stopWatching?.();
  };
}

const RESTRICTED: PageStatus = { status: 'restricted' };

/** The status of the tab's page, and its URL as its content script reported it (when it answered). */
async function readStatus(tab: FollowedTab): Promise<{ status: PageStatus; url?: string }> {
  const reading = await readPage(tab);
  if (reading.kind === 'restricted') return { status: RESTRICTED };
  if (reading.kind === 'unreachable') {
    return { status: { status: 'unreachable', host: hostOf(reading.url) } };
  }
  const { url, active, marking, entities } = reading.mentions;
  const host = hostOf(url);
  if (active) return { status: { status: 'ready', host, marking, found: entities }, url };
  // The tab only knows it is off; which switch turned it off is the settings' to say.
  const { enabled } = await getSettings();
  return { status: { status: 'off', host, globalOff: !enabled }, url };
}
