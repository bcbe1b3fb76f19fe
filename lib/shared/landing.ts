// Where a window's side panel should land: the background or popup writes a request for one window, that window's panel takes it.
import { storage } from 'wxt/utils/storage';
import type { PanelTarget } from './messaging';

/**
 * Session storage, so a request belongs to this browser session only and dies with it; one key per
 * window, so a request moves only the panel of the window it came from (one shared key moved the
 * panels of every window).
 */
function landingKey(windowId: number): `session:panelTarget:${number}` {
  return `session:panelTarget:${windowId}`;
}

/** Asks the side panel of window `windowId` (open now, or opened next) to show `target`. */
export function requestLanding(windowId: number, target: PanelTarget): Promise<void> {
  return storage.setItem<PanelTarget>(landingKey(windowId), target);
}

/** The request waiting for this window's panel, if any; taken, so reopening the panel later starts afresh. */
export async function takeLanding(windowId: number): Promise<PanelTarget | null> {
  const target = await storage.getItem<PanelTarget>(landingKey(windowId));
  if (target) await storage.removeItem(landingKey(windowId));
  return target;
}

/** Calls `onRequest` for each request made for this window while the panel is open (not yet taken). */
export function watchLanding(
  windowId: number,
  onRequest: (target: PanelTarget) => void,
): () => void {
  return storage.watch<PanelTarget>(landingKey(windowId), (target) => {
    if (target) onRequest(target);
  });
}

/** Marks the request of this window as taken. */
export function clearLanding(windowId: number): Promise<void> {
  return storage.removeItem(landingKey(windowId));
}
