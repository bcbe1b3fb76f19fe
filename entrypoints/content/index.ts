// Content script: wires the page controller to the background, storage changes, the card and tab messages.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installHoverCard } from '../../lib/content/card/controller';
import { isCardHost } from '../../lib/content/card/host';
import { browser } from '../../lib/content/extension-api';
import { browserHighlightEnv, Highlighter } from '../../lib/content/highlight/highlighter';
import { PageController } from '../../lib/content/page/controller';
import { ignoreForgedRestarts } from '../../lib/content/page/forged-restart';
import { copyPage } from '../../lib/content/page/page-copy';
import { DEFAULT_HIGHLIGHT_CSS } from '../../lib/shared/highlight-css';
import { backgroundMessenger, panelMessenger, tabMessenger } from '../../lib/shared/messaging';
import { KNOWLEDGE_SIGNAL } from '../../lib/shared/store/signal-key';
import { cardUi } from './card';

/** Storage keys whose change can alter what this page shows. */
const WATCHED_KEYS = ['settings', 'styles', 'muted', KNOWLEDGE_SIGNAL];
const REPORT_DELAY_MS = 300;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  // Hover card (helper 5): card.css goes into the card's shadow root only, never into the page.
  cssInjectionMode: 'ui',
  // WXT would otherwise post its start-up message to the page: telling every page that Backstory is installed.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ignoreForgedRestarts(window, () => browser.runtime?.id == null, ctx.signal);
    // In dev mode WXT registers content scripts itself, without the manifest CSS: then the sheet does it all.
    const env = browserHighlightEnv(
      window,
      import.meta.env.DEV ? undefined : DEFAULT_HIGHLIGHT_CSS,
    );
    if (!env) return; // No CSS Custom Highlight API: this browser can't highlight without touching the page.
    const isTop = window === window.top;
    const controller = new PageController(document, new Highlighter(env), {
      isOwnUi: isCardHost,
    });
    ctx.onInvalidated(() => controller.stop());

    /** Tells the badge and open panels to read the page again (top frame only; set below). */
    let report = (): void => {};
    let dictionaryVersion: string | null = null;
    async function refresh(): Promise<void> {
      // One round trip: the dictionary comes with the state when this frame's is not the current one.
      const { state, dictionary } = await backgroundMessenger.sendMessage('getPageState', {
        url: location.href,
        dictionaryVersion,
      });
      if (dictionary) {
        dictionaryVersion = dictionary.version;
        controller.setDictionary(dictionary);
      }
      controller.setState(state);
      // Said even when no mention changed (switched on over a page without names, off while already
      // off, the other switch): panels wait for this, not for a guessed delay, to show the new state.
      report();
    }

    const onStorage = (changes: Record<string, unknown>) => {
      if (Object.keys(changes).some((key) => WATCHED_KEYS.includes(key))) void refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    const card = installHoverCard(controller, ctx, {
      getCard: (entityId) => backgroundMessenger.sendMessage('getCard', entityId),
      openPanel: (entityId) =>
        void backgroundMessenger.sendMessage('openSidePanel', { view: 'entity', entityId }),
      mute: (entityId) => backgroundMessenger.sendMessage('muteEntity', entityId),
      ...cardUi(ctx),
    });

    if (isTop) {
      tabMessenger.onMessage('getMentions', () => controller.summary(location.href));
      tabMessenger.onMessage('focusMention', ({ data }) => {
        const { result, mention } = controller.step(data);
        if (mention && data.openCard) card.openFor(mention);
        return result;
      });
      // "Save this article": the side panel extracts; this script only hands over the page (no extraction code here).
      tabMessenger.onMessage('getPageHtml', () => copyPage(document, location.href));
      // Tell the badge and any open panel what changed, at most every REPORT_DELAY_MS.
      let lastDistinct = -1;
      let timer: number | undefined;
      let lastUrl = location.href;
      report = () => {
        if (timer !== undefined) return;
        timer = ctx.setTimeout(() => {
          timer = undefined;
          const distinct = controller.distinctCount();
          const navigated = location.href !== lastUrl;
          lastUrl = location.href;
          if (distinct !== lastDistinct || navigated) {
            lastDistinct = distinct;
            void backgroundMessenger.sendMessage('reportMentions', distinct).catch(() => {});
          }
          void panelMessenger.sendMessage('mentionsChanged', undefined).catch(() => {});
        }, REPORT_DELAY_MS);
      };
      controller.onChange(report);
    }

    await refresh();
  },
});
