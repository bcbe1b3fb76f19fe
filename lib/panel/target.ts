// Where the side panel should land: the background writes the requested target here, the panel reads and watches it.
import { storage } from 'wxt/utils/storage';
import type { PanelTarget } from '../messaging';

/** Session storage: a landing request belongs to this browser session only, and dies with it. */
export const panelTargetItem = storage.defineItem<PanelTarget | null>('session:panelTarget', {
  fallback: null,
});
