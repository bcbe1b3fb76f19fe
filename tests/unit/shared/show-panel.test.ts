// Showing the panel, from the popup or the background: which window's panel opens, where it is asked to land, and what a refusal leaves.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { takeLanding } from '../../../lib/shared/landing';
import type { PanelTarget } from '../../../lib/shared/messaging';
import { showPanel } from '../../../lib/shared/show-panel';

/** Chrome's side panel API, which the fake browser (Firefox-shaped) lacks. */
let open: ReturnType<typeof vi.fn<(options: { windowId: number }) => Promise<void>>>;

beforeEach(() => {
  fakeBrowser.reset();
  open = vi.fn(async () => undefined);
  Object.assign(fakeBrowser, { sidePanel: { open } });
});
afterEach(() => {
  delete (fakeBrowser as { sidePanel?: unknown }).sidePanel;
  vi.restoreAllMocks();
});

describe('showPanel', () => {
  it('opens the side panel of the window and asks that window’s panel to land on the target', async () => {
    expect(await showPanel(2, { view: 'entity', entityId: 'kyiv' })).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith({ windowId: 2 });
    expect(await takeLanding(2)).toEqual({ view: 'entity', entityId: 'kyiv' });
    expect(await takeLanding(1)).toBeNull();
  });

  it('opens before anything is awaited, as a user gesture requires', () => {
    let target: (value: PanelTarget) => void = () => {};
    void showPanel(2, new Promise<PanelTarget>((resolve) => (target = resolve)));
    // Synchronously, in the same task as the call: a target still being worked out does not delay it.
    expect(open).toHaveBeenCalledExactlyOnceWith({ windowId: 2 });
    target({ view: 'page' });
  });

  it('lands on a target worked out later (the lookup of a selection)', async () => {
    await showPanel(3, Promise.resolve({ view: 'search', query: 'peace talks' }));
    expect(await takeLanding(3)).toEqual({ view: 'search', query: 'peace talks' });
  });

  it('keeps the request when the browser refuses to open the panel (no user gesture)', async () => {
    open.mockRejectedValue(
      new Error('`sidePanel.open()` may only be called in response to a user gesture.'),
    );
    expect(await showPanel(2, { view: 'page' })).toBe(false);
    expect(await takeLanding(2)).toEqual({ view: 'page' });
  });

  it('without a window, lands in the last focused window', async () => {
    const first = await fakeBrowser.windows.create({ focused: true });
    await fakeBrowser.windows.create({ focused: true });
    await showPanel(undefined, { view: 'page' });
    expect(await takeLanding(first.id as number)).toEqual({ view: 'page' });
  });

  it('opens Firefox’s sidebar where there is no side panel', async () => {
    delete (fakeBrowser as { sidePanel?: unknown }).sidePanel;
    const sidebar = vi.spyOn(fakeBrowser.sidebarAction, 'open').mockResolvedValue(undefined);
    expect(await showPanel(4, { view: 'page' })).toBe(true);
    expect(sidebar).toHaveBeenCalledOnce();
    expect(await takeLanding(4)).toEqual({ view: 'page' });
  });
});
