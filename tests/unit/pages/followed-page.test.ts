// The page the popup and side panel follow: which tab (its own window's active tab, the pinned tab, or for a panel opened as a tab the focused window's), what it shows, and when that changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type FollowedPage,
  followPage,
  type PanelHost,
  panelHost,
  resolveTab,
  watchActivePage,
} from '../../../lib/pages/followed-page';
import { DEFAULT_MARKING } from '../../../lib/shared/marking';
import { type PageMentions, tabMessenger } from '../../../lib/shared/messaging';

const inWindow1: PanelHost = { windowId: 1, asTab: false };
const asTab: PanelHost = { windowId: 1, asTab: true };
const FOLLOWED = 10;

/** A tab as onUpdated hands it over (only the fields these listeners look at). */
function tabInfo(id: number): Browser.tabs.Tab {
  return { id } as Browser.tabs.Tab;
}

/** Watchers started by a test, stopped after it (the typed messenger allows one listener per context). */
const stops: (() => void)[] = [];
function watch(...args: Parameters<typeof watchActivePage>): () => void {
  const stop = watchActivePage(...args);
  stops.push(stop);
  return stop;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.restoreAllMocks();
});

/** What a content script's panelMessenger.sendMessage('mentionsChanged') delivers, from tab `tabId`. */
function mentionsChangedFrom(tabId: number) {
  const message = { id: 1, type: 'mentionsChanged', data: undefined, timestamp: Date.now() };
  return fakeBrowser.runtime.onMessage.trigger(message, { tab: tabInfo(tabId) });
}

describe('watchActivePage', () => {
  it('a panel in a window refreshes when a tab of its own window comes to the front, not another window’s', async () => {
    const onChange = vi.fn();
    watch(inWindow1, () => FOLLOWED, false, onChange);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 21, windowId: 2 });
    await fakeBrowser.windows.onFocusChanged.trigger(2);
    expect(onChange).not.toHaveBeenCalled();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 11, windowId: 1 });
    expect(onChange).toHaveBeenCalledExactlyOnceWith('tab');
    // Focus coming back to its window changes nothing the panel shows.
    await fakeBrowser.windows.onFocusChanged.trigger(1);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('refreshes when the followed tab navigates or finishes loading, not for other tabs', async () => {
    const onChange = vi.fn();
    watch(inWindow1, () => FOLLOWED, false, onChange);
    await fakeBrowser.tabs.onUpdated.trigger(11, { url: 'https://other.example/' }, tabInfo(11));
    await fakeBrowser.tabs.onUpdated.trigger(FOLLOWED, { status: 'loading' }, tabInfo(FOLLOWED));
    expect(onChange).not.toHaveBeenCalled();
    await fakeBrowser.tabs.onUpdated.trigger(
      FOLLOWED,
      { url: 'https://news.example/next' },
      tabInfo(FOLLOWED),
    );
    expect(onChange).toHaveBeenLastCalledWith('tab');
    await fakeBrowser.tabs.onUpdated.trigger(FOLLOWED, { status: 'complete' }, tabInfo(FOLLOWED));
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('a panel opened as a tab follows whichever window comes to the front', async () => {
    const onChange = vi.fn();
    watch(asTab, () => FOLLOWED, false, onChange);
    await fakeBrowser.windows.onFocusChanged.trigger(2);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 21, windowId: 2 });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('a pinned panel follows its tab only', async () => {
    const onChange = vi.fn();
    watch(inWindow1, () => FOLLOWED, true, onChange);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 11, windowId: 1 });
    await fakeBrowser.windows.onFocusChanged.trigger(2);
    expect(onChange).not.toHaveBeenCalled();
    await fakeBrowser.tabs.onUpdated.trigger(FOLLOWED, { status: 'complete' }, tabInfo(FOLLOWED));
    expect(onChange).toHaveBeenCalledExactlyOnceWith('tab');
  });

  it('refreshes when the followed tab’s content script says its mentions changed, not another tab’s', async () => {
    const onChange = vi.fn();
    watch(inWindow1, () => FOLLOWED, true, onChange);
    await mentionsChangedFrom(11);
    expect(onChange).not.toHaveBeenCalled();
    await mentionsChangedFrom(FOLLOWED);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledExactlyOnceWith('content'));
    // An untyped message of that name (any page script's guess at the old format) is ignored.
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'mentionsChanged' },
      { tab: tabInfo(FOLLOWED) },
    );
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('stops listening when told to', async () => {
    const onChange = vi.fn();
    const stop = watch(inWindow1, () => FOLLOWED, false, onChange);
    stop();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 11, windowId: 1 });
    await fakeBrowser.tabs.onUpdated.trigger(FOLLOWED, { status: 'complete' }, tabInfo(FOLLOWED));
    await mentionsChangedFrom(FOLLOWED);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('resolveTab', () => {
  const tabs = [
    { id: 11, windowId: 1, active: true, url: 'https://one.example/' },
    { id: 21, windowId: 2, active: true, url: 'https://two.example/' },
    { id: 22, windowId: 2, active: false, url: 'https://two.example/b' },
  ];
  beforeEach(() => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(
      async (query) =>
        tabs.filter(
          (tab) =>
            (query.active === undefined || tab.active === query.active) &&
            (query.windowId === undefined || tab.windowId === query.windowId),
        ) as never,
    );
    // Window 2 was focused last (the reader clicked into it), window 1 hosts the panel.
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ id: 2 } as never);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(
      async (id) => tabs.find((tab) => tab.id === id) as never,
    );
  });

  it('a panel in a window is about that window’s active tab, whichever window was focused last', async () => {
    expect(await resolveTab(undefined, inWindow1)).toEqual({
      id: 11,
      windowId: 1,
      url: 'https://one.example/',
    });
  });

  it('a panel opened as a tab is about the last focused window’s active tab', async () => {
    expect((await resolveTab(undefined, asTab))?.id).toBe(21);
  });

  it('a pinned tab wins; a closed one is nothing', async () => {
    expect((await resolveTab(22, inWindow1))?.id).toBe(22);
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 99'));
    expect(await resolveTab(99, inWindow1)).toBeNull();
  });
});

describe('panelHost', () => {
  it('a side panel, sidebar or popup is no tab: its window is the current window', async () => {
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 4 } as never);
    expect(await panelHost()).toEqual({ windowId: 4, asTab: false });
  });

  it('the page opened as a tab says so, with its tab’s window', async () => {
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue({ id: 9, windowId: 5 } as never);
    expect(await panelHost()).toEqual({ windowId: 5, asTab: true });
  });
});

describe('followPage', () => {
  const kyiv = { entityId: 'kyiv', kind: 'place' as const, count: 4, snippets: ['Kyiv'] };
  /** The window's tabs, as the tabs API shows them (no URL: no `tabs` permission). */
  let tabs: { id: number; windowId: number; active: boolean; url?: string }[];
  /** What each tab's content script answers; a tab missing here has none. */
  let pages: Map<number, PageMentions>;
  let readings: FollowedPage[];

  function follow(pinned?: number): () => void {
    const stop = followPage({ pinned, host: Promise.resolve(inWindow1) }, (page) =>
      readings.push(page),
    );
    stops.push(stop);
    return stop;
  }

  /** Waits for the `n`-th reading and returns it. */
  async function reading(n: number): Promise<FollowedPage> {
    await vi.waitFor(() => expect(readings.length).toBeGreaterThanOrEqual(n));
    return readings[n - 1] as FollowedPage;
  }

  beforeEach(() => {
    readings = [];
    tabs = [
      { id: FOLLOWED, windowId: 1, active: true },
      { id: 11, windowId: 1, active: false },
    ];
    pages = new Map([
      [
        FOLLOWED,
        {
          url: 'https://www.news.example/a',
          active: true,
          marking: DEFAULT_MARKING,
          entities: [kyiv],
        },
      ],
    ]);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(
      async (query) =>
        tabs.filter(
          (tab) => tab.active === query.active && tab.windowId === query.windowId,
        ) as never,
    );
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(
      async (id) => tabs.find((tab) => tab.id === id) as never,
    );
    // The bare ping: answered where a content script runs, refused elsewhere.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
      if (!pages.has(tabId)) throw new Error('Could not establish connection.');
    });
    vi.spyOn(tabMessenger, 'sendMessage').mockImplementation((async (
      _type: string,
      _data: unknown,
      target: { tabId: number },
    ) => {
      const page = pages.get(target.tabId);
      if (!page) throw new Error('Could not establish connection.');
      return structuredClone(page);
    }) as never);
  });

  it('reads the page of its window’s active tab: the site, and what the tab found', async () => {
    follow();
    expect(await reading(1)).toEqual({
      tab: { id: FOLLOWED, windowId: 1, url: 'https://www.news.example/a' },
      status: { status: 'ready', host: 'news.example', marking: DEFAULT_MARKING, found: [kyiv] },
      newPage: true,
    });
  });

  it('a page that is off says whether its site or the global switch turned it off', async () => {
    pages.set(FOLLOWED, {
      url: 'https://news.example/a',
      active: false,
      marking: DEFAULT_MARKING,
      entities: [],
    });
    await fakeBrowser.storage.local.set({
      settings: { enabled: true, mode: 'everywhere-except', sites: ['news.example'] },
    });
    follow();
    expect((await reading(1)).status).toEqual({
      status: 'off',
      host: 'news.example',
      globalOff: false,
    });
    await fakeBrowser.storage.local.set({
      settings: { enabled: false, mode: 'everywhere-except', sites: [] },
    });
    await mentionsChangedFrom(FOLLOWED);
    expect((await reading(2)).status).toEqual({
      status: 'off',
      host: 'news.example',
      globalOff: true,
    });
  });

  it('a tab without our content script is unreachable, or restricted where none may run', async () => {
    pages.clear();
    tabs[0] = { id: FOLLOWED, windowId: 1, active: true, url: 'https://news.example/b' };
    follow();
    expect((await reading(1)).status).toEqual({ status: 'unreachable', host: 'news.example' });
    tabs[0] = { id: FOLLOWED, windowId: 1, active: true, url: 'chrome://settings/' };
    await fakeBrowser.tabs.onUpdated.trigger(FOLLOWED, { status: 'complete' }, tabInfo(FOLLOWED));
    expect((await reading(2)).status).toEqual({ status: 'restricted' });
  });

  it('no tab to follow (the pinned tab closed) reads as restricted', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 99'));
    follow(99);
    expect(await reading(1)).toEqual({
      tab: null,
      status: { status: 'restricted' },
      newPage: true,
    });
  });

  it('reads again when the tab’s content script says it applied a change: the same page, new content', async () => {
    follow();
    await reading(1);
    pages.set(FOLLOWED, {
      url: 'https://www.news.example/a',
      active: true,
      marking: DEFAULT_MARKING,
      entities: [],
    });
    await mentionsChangedFrom(11);
    await mentionsChangedFrom(FOLLOWED);
    const next = await reading(2);
    expect(next.status).toEqual({
      status: 'ready',
      host: 'news.example',
      marking: DEFAULT_MARKING,
      found: [],
    });
    expect(next.newPage).toBe(false);
    expect(readings).toHaveLength(2);
  });

  it('the same tab at another address (a single-page app navigating) is a new page', async () => {
    follow();
    await reading(1);
    pages.set(FOLLOWED, {
      url: 'https://www.news.example/b',
      active: true,
      marking: DEFAULT_MARKING,
      entities: [kyiv],
    });
    await mentionsChangedFrom(FOLLOWED);
    expect((await reading(2)).newPage).toBe(true);
  });

  it('follows another tab coming to the front of its window', async () => {
    follow();
    await reading(1);
    pages.set(11, {
      url: 'https://other.example/',
      active: true,
      marking: DEFAULT_MARKING,
      entities: [],
    });
    tabs = [
      { id: FOLLOWED, windowId: 1, active: false },
      { id: 11, windowId: 1, active: true },
    ];
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 11, windowId: 1 });
    const next = await reading(2);
    expect(next.tab?.id).toBe(11);
    expect(next.status).toEqual({
      status: 'ready',
      host: 'other.example',
      marking: DEFAULT_MARKING,
      found: [],
    });
    expect(next.newPage).toBe(true);
  });

  it('readings never overlap: changes during one are read once more after it, the newest last', async () => {
    follow();
    await reading(1);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const answer = vi.mocked(tabMessenger.sendMessage).getMockImplementation();
    let inFlight = 0;
    let most = 0;
    vi.mocked(tabMessenger.sendMessage).mockImplementation((async (...args: never[]) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await held;
      inFlight--;
      return (answer as (...a: never[]) => Promise<unknown>)(...args);
    }) as never);
    await mentionsChangedFrom(FOLLOWED);
    await vi.waitFor(() => expect(inFlight).toBe(1));
    pages.set(FOLLOWED, {
      url: 'https://www.news.example/a',
      active: true,
      marking: DEFAULT_MARKING,
      entities: [],
    });
    await mentionsChangedFrom(FOLLOWED);
    await mentionsChangedFrom(FOLLOWED);
    release();
    await reading(3);
    await new Promise((done) => setTimeout(done, 20));
    expect(most).toBe(1);
    expect(readings).toHaveLength(3);
    expect(readings[2]?.status).toEqual({
      status: 'ready',
      host: 'news.example',
      marking: DEFAULT_MARKING,
      found: [],
    });
  });

  it('stops following when told to', async () => {
    const stop = follow();
    await reading(1);
    stop();
    await mentionsChangedFrom(FOLLOWED);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 11, windowId: 1 });
    await new Promise((done) => setTimeout(done, 20));
    expect(readings).toHaveLength(1);
  });
});
