// Which tab the side panel follows: its own window's active tab (not the last focused window's), the pinned tab, or for a panel opened as a tab the focused window's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type PanelHost,
  panelHost,
  resolveTab,
  watchActivePage,
} from '../../../lib/pages/followed-page';

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
