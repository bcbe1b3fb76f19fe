// Keeps a page from switching Backstory off with a forged "a newer content script started" event.
//
// WXT's ContentScriptContext invalidates itself when that CustomEvent reaches `document`: it is how the scripts of an
// updated extension retire those of the old one. The event's name is made of the extension id and the script's name
// (public for a store build; the gecko id always is), and DOM events cross from the page's world into ours, so any
// page could send it and stop the content script. A genuine newer script only exists once this one is orphaned (its
// extension runtime is gone); while it is not, such an event can only be forged, and it is stopped on `window` in the
// capture phase, before it reaches WXT's listener on `document`.
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** WXT's name for the event in this bundle (extension id + entrypoint): private to WXT, so checked here. */
export function scriptStartedEventType(): string {
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: unknown })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  if (typeof type !== 'string') throw new Error('WXT no longer names its script-started event');
  return type;
}

export function ignoreForgedRestarts(
  win: Window,
  isOrphaned: () => boolean,
  signal?: AbortSignal,
): void {
  win.addEventListener(
    scriptStartedEventType(),
    (event) => {
      if (!isOrphaned()) event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );
}
