// Shows the side panel (Chrome) or sidebar (Firefox) of a window on a view: the popup's buttons and the background's menu, commands and card all go through here.
import { browser } from 'wxt/browser';
import { requestLanding } from './landing';
import type { PanelTarget } from './messaging';
import { openPanel } from './platform';

/**
 * Opens the panel first (synchronously, while the user gesture lasts), then asks that window's panel
 * to land on `target`. Resolves to whether the browser opened the panel: it refuses without a user
 * gesture or for a window that closed, and the request then waits for that window's panel (already
 * open, or opened next) instead of failing. Without a window (a command with no window in front,
 * a popup about no tab), the panel lands in the last focused normal window, where the sidebar opens.
 */
export function showPanel(
  windowId: number | undefined,
  target: PanelTarget | Promise<PanelTarget>,
): Promise<boolean> {
  const opened = openPanel(windowId).then(
    () => true,
    () => false,
  );
  const inWindow =
    windowId ??
    browser.windows.getLastFocused({ windowTypes: ['normal'] }).then(
      (focused) => focused.id,
      () => undefined,
    );
  const landed = Promise.all([target, inWindow]).then(([where, id]) =>
    id === undefined ? undefined : requestLanding(id, where),
  );
  return Promise.all([opened, landed]).then(([wasOpened]) => wasOpened);
}
