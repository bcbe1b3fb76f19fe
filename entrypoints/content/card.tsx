// Wiring of the hover card: one passive pointer listener, the shadow-root UI created on first use, and dismissals.
import './card.css';
import { autoUpdate } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { Card } from '../../components/Card';
import { HoverIntent } from '../../lib/card/hover-intent';
import { placeCard, rangeReference } from '../../lib/card/position';
import type { Mention, MentionsApi } from '../../lib/page/mentions-api';
import type { CardData } from '../../lib/views/card';

/** Tag name of the card's shadow host: the only element the extension ever adds to a page. */
export const CARD_HOST_TAG = 'backstory-card';

export interface HoverCardDeps {
  getCard(entityId: string): Promise<CardData | null>;
  /** Opens the side panel on the entity (called while handling the user's click or key press). */
  openPanel(entityId: string): void;
  mute(entityId: string): Promise<void>;
}

export interface HoverCard {
  /** Opens the card of `mention` now and moves focus into it (keyboard path: Enter opens the panel, Esc closes). */
  openFor(mention: Mention): void;
  close(): void;
}

const sameMention = (a: Mention, b: Mention): boolean => a === b || a.range === b.range;

/**
 * Installs the hover card. Until the pointer first rests on a mention (or openFor is called) nothing but the
 * pointermove listener exists: no shadow root, no Preact tree, no data request.
 */
export function installHoverCard(
  ctx: ContentScriptContext,
  api: MentionsApi,
  deps: HoverCardDeps,
): HoverCard {
  const doc = document;
  let ui: ShadowRootContentScriptUi<void> | null = null;
  let uiReady: Promise<ShadowRootContentScriptUi<void>> | null = null;
  let cardElement: HTMLElement | null = null;
  const cache = new Map<string, Promise<CardData | null>>();
  // Last pointer position, read once per animation frame.
  let pointerX = 0;
  let pointerY = 0;
  let pointerOnCard = false;
  let frame = 0;
  // State of the shown card.
  let openedByKeyboard = false;
  // True only inside openFor, so onOpen can tell a keyboard opening from a pointer one.
  let keyboardOpening = false;
  let focusBefore: Element | null = null;
  let openPointer: { x: number; y: number } | undefined;
  let stopAutoUpdate: (() => void) | null = null;
  let whileOpen: AbortController | null = null;
  let generation = 0;

  const load = (entityId: string): Promise<CardData | null> => {
    let pending = cache.get(entityId);
    if (!pending) {
      pending = deps.getCard(entityId).catch(() => null);
      cache.set(entityId, pending);
    }
    return pending;
  };
  // A dataset import or a mute changes what the cards say; the next hover asks again.
  const unwatch = api.onChange(() => cache.clear());
  ctx.onInvalidated(unwatch);

  const intent = new HoverIntent<Mention>({
    same: sameMention,
    timers: {
      set: (callback, ms) => ctx.setTimeout(callback, ms),
      clear: (id) => clearTimeout(id),
    },
    onCandidate: (mention) => void load(mention.entityId),
    onOpen: (mention) => {
      openedByKeyboard = keyboardOpening;
      void show(mention);
    },
    onClose: () => hide(),
  });
  ctx.onInvalidated(() => intent.dispose());

  const ensureUi = (): Promise<ShadowRootContentScriptUi<void>> => {
    uiReady ??= createShadowRootUi<void>(ctx, {
      name: CARD_HOST_TAG,
      // Overlay: the host is a zero-size box (card.css pins it with !important), so the page's layout never moves.
      position: 'overlay',
      // Beside <body>, not inside it: a transformed or filtered body would otherwise capture the fixed card.
      anchor: () => doc.documentElement,
      append: 'last',
      // Keys typed in the card (Esc, Enter, Tab) must not trigger the page's own shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: () => {},
    }).then((created) => {
      ui = created;
      return created;
    });
    return uiReady;
  };

  function isTrusted(event: Event): boolean {
    // The shadow root is open; a page script could call .click() on our buttons. Only the user may act.
    return event.isTrusted;
  }

  async function show(mention: Mention): Promise<void> {
    const mine = ++generation;
    const [created, data] = await Promise.all([ensureUi(), load(mention.entityId)]);
    if (mine !== generation || intent.current === null || !sameMention(intent.current, mention))
      return;
    if (!data) {
      intent.close();
      return;
    }
    if (!created.shadowHost.isConnected) created.mount();
    const container = created.uiContainer;
    render(
      <Card
        key={data.entityId}
        data={data}
        rootRef={(element) => {
          cardElement = element;
        }}
        onOpenPanel={(event) => {
          if (!isTrusted(event)) return;
          deps.openPanel(mention.entityId);
          intent.close();
        }}
        onMute={(event) => {
          if (!isTrusted(event)) return;
          void deps.mute(mention.entityId).finally(() => intent.close());
        }}
        onClose={(event) => {
          if (isTrusted(event)) intent.close();
        }}
      />,
      container,
    );
    const card = cardElement as HTMLElement | null;
    if (!card) return;
    card.style.visibility = 'hidden';
    listenWhileOpen(mention, created.shadowHost);
    stopAutoUpdate?.();
    const update = async () => {
      const placement = await placeCard(mention.range, card, openPointer);
      if (mine !== generation) return;
      card.style.left = `${placement.x}px`;
      card.style.top = `${placement.y}px`;
      card.dataset.side = placement.side;
      // A keyboard-opened card whose mention scrolled away hides instead of floating over other text.
      card.style.visibility = placement.referenceHidden ? 'hidden' : 'visible';
    };
    // Follows the card's size and the window's; a keyboard-opened card also follows scrolling (a hover card
    // closes on scroll instead, see listenWhileOpen).
    stopAutoUpdate = autoUpdate(rangeReference(mention.range), card, () => void update(), {
      ancestorScroll: openedByKeyboard,
      elementResize: true,
      layoutShift: false,
    });
    if (openedByKeyboard) card.focus({ preventScroll: true });
  }

  function hide(): void {
    generation++;
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    whileOpen?.abort();
    whileOpen = null;
    const hadFocus = ui !== null && doc.activeElement === ui.shadowHost;
    if (ui) render(null, ui.uiContainer);
    cardElement = null;
    // Give focus back only if the card had it (keyboard path); a hover card never took it.
    if (hadFocus) {
      if (focusBefore instanceof HTMLElement && focusBefore.isConnected) {
        focusBefore.focus({ preventScroll: true });
      } else {
        (doc.activeElement as HTMLElement | null)?.blur();
      }
    }
    focusBefore = null;
    openedByKeyboard = false;
  }

  function listenWhileOpen(mention: Mention, host: HTMLElement): void {
    whileOpen?.abort();
    whileOpen = new AbortController();
    const options = { capture: true, passive: true, signal: whileOpen.signal };
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') intent.close();
      },
      options,
    );
    window.addEventListener(
      'pointerdown',
      (event) => {
        if (event.target !== host) intent.close();
      },
      options,
    );
    window.addEventListener(
      'scroll',
      (event) => {
        // The page (or the box the mention sits in) scrolled: a hover card closes. A keyboard-opened card
        // stays and follows, since the keyboard path itself scrolls the mention into view.
        if (openedByKeyboard) return;
        const target = event.target;
        if (
          target === doc ||
          (target instanceof Node && target.contains(mention.range.startContainer))
        ) {
          intent.close();
        }
      },
      options,
    );
    doc.addEventListener(
      'pointerout',
      (event) => {
        // The pointer left the window: no more pointermove will say so.
        if (event.relatedTarget === null && !openedByKeyboard) intent.pointerAt(null);
      },
      options,
    );
    ctx.signal.addEventListener('abort', () => whileOpen?.abort(), { once: true });
  }

  const hitTest = () => {
    frame = 0;
    if (pointerOnCard) return intent.pointerOnCard();
    const mention = api.mentionAt(pointerX, pointerY);
    if (mention && !intent.current) openPointer = { x: pointerX, y: pointerY };
    if (mention && intent.current && !sameMention(mention, intent.current)) {
      openPointer = { x: pointerX, y: pointerY };
    }
    intent.pointerAt(mention);
  };

  // The one listener that runs before the first hover: it stores two numbers and asks for a frame.
  ctx.addEventListener(
    doc,
    'pointermove',
    (event: PointerEvent) => {
      if (event.pointerType === 'touch') return;
      pointerX = event.clientX;
      pointerY = event.clientY;
      pointerOnCard = ui !== null && event.target === ui.shadowHost;
      if (!frame) frame = ctx.requestAnimationFrame(hitTest);
    },
    { passive: true, capture: true },
  );

  return {
    openFor(mention) {
      const active = doc.activeElement;
      if (!ui || active !== ui.shadowHost) focusBefore = active;
      openPointer = undefined;
      keyboardOpening = true;
      try {
        intent.openNow(mention);
      } finally {
        keyboardOpening = false;
      }
    },
    close() {
      intent.close();
    },
  };
}
