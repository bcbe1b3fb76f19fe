// Wiring of the hover card: one passive pointer listener, the shadow-root UI created on first use, and dismissals.
import { CARD_HOST_TAG } from '../../lib/content/card/host';
import './card.css';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { Card } from '../../components/Card';
import { HoverIntent } from '../../lib/content/card/hover-intent';
import { anchorBox, isOutOfView, placeCard, placeSentence } from '../../lib/content/card/position';
import { liveRange } from '../../lib/content/highlight/mentions';
import type { Mention, MentionsApi } from '../../lib/content/page/mentions-api';
import type { CardData } from '../../lib/shared/card-data';

/** Tag name of the card's shadow host: the only element the extension ever adds to a page. */

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

type Ui = ShadowRootContentScriptUi<void>;

const sameMention = (a: Mention, b: Mention): boolean => a === b || a.range === b.range;

/**
 * Installs the hover card. "Lazy" here means deferred work, not a deferred module: the card's code is part of
 * content.js (an MV3 content script is one classic script; a separate chunk would have to be web-accessible, so
 * any page could fetch it and learn the extension is installed), so it is parsed with the rest. What waits is
 * everything it does: until the pointer first lands on a highlighted mention (or openFor is called), the one
 * thing that exists is a passive pointermove listener that stores two numbers. No `getCard` message is sent, the
 * card stylesheet is not fetched, no shadow root or Preact tree is created. Landing on a mention asks for its
 * data at once (so it is there when the ~300 ms delay ends); the stylesheet and shadow root come when a card opens.
 */
export function installHoverCard(
  ctx: ContentScriptContext,
  api: MentionsApi,
  deps: HoverCardDeps,
): HoverCard {
  const doc = document;
  let ui: Ui | null = null;
  let uiReady: Promise<Ui> | null = null;
  const cache = new Map<string, Promise<CardData | null>>();
  // Last pointer position, read once per animation frame.
  let pointerX = 0;
  let pointerY = 0;
  let pointerOnCard = false;
  let hitFrame = 0;
  // The shown card.
  let cardElement: HTMLElement | null = null;
  let openedByKeyboard = false;
  // True only inside openFor, so onOpen can tell a keyboard opening from a pointer one.
  let keyboardOpening = false;
  let focusBefore: Element | null = null;
  let anchorPointer: { x: number; y: number } | undefined;
  let shownRange: Range | null = null;
  let whileOpen: AbortController | null = null;
  let placeFrame = 0;
  // Bumped on every show/hide: an answer for an older card is dropped.
  let generation = 0;

  const load = (entityId: string): Promise<CardData | null> => {
    let pending = cache.get(entityId);
    if (!pending) {
      pending = deps.getCard(entityId).catch(() => null);
      cache.set(entityId, pending);
    }
    return pending;
  };
  // A dataset import or a mute changes what cards say; the next hover asks again.
  ctx.onInvalidated(api.onChange(() => cache.clear()));

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

  const ensureUi = (): Promise<Ui> => {
    uiReady ??= createShadowRootUi<void>(ctx, {
      name: CARD_HOST_TAG,
      // Overlay, and card.css pins the host as a zero-size fixed box with !important: the page's layout never moves.
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

  // The shadow root is open (tests read it); a page script could call .click() on our buttons. Only the user acts.
  const fromUser = (event: Event): boolean => event.isTrusted;

  async function show(mention: Mention): Promise<void> {
    const mine = ++generation;
    const [created, data] = await Promise.all([ensureUi(), load(mention.entityId)]);
    const current = intent.current;
    if (mine !== generation || current === null || !sameMention(current, mention)) return;
    if (!data) {
      intent.close();
      return;
    }
    if (!created.shadowHost.isConnected) created.mount();
    render(
      <Card
        key={data.entityId}
        data={data}
        rootRef={(element) => {
          cardElement = element;
        }}
        onOpenPanel={(event) => {
          if (!fromUser(event)) return;
          deps.openPanel(mention.entityId);
          intent.close();
        }}
        onMute={(event) => {
          if (!fromUser(event)) return;
          void deps.mute(mention.entityId).finally(() => intent.close());
        }}
        onClose={(event) => {
          if (fromUser(event)) intent.close();
        }}
      />,
      created.uiContainer,
    );
    const card = cardElement as HTMLElement | null;
    if (!card) return;
    // Hidden until placed: never a flash at the viewport's corner.
    card.style.visibility = 'hidden';
    listenWhileOpen(mention, created.shadowHost, card);
    // One live Range while the card is open (mentions hold StaticRanges, which can't be measured).
    // The card needs one live Range (to measure), for as long as it is open.
    shownRange = liveRange(mention.range);
    await place(shownRange, card, mine);
    if (mine === generation && openedByKeyboard) card.focus({ preventScroll: true });
  }

  async function place(range: Range, card: HTMLElement, mine: number): Promise<void> {
    const placement = await placeCard(range, card, anchorPointer);
    if (mine !== generation) return;
    card.style.left = `${placement.x}px`;
    card.style.top = `${placement.y}px`;
    card.dataset.side = placement.side;
    const viewport = {
      width: doc.documentElement.clientWidth,
      height: doc.documentElement.clientHeight,
    };
    // A keyboard-opened card whose mention scrolled away hides instead of floating over unrelated text.
    const away = isOutOfView(anchorBox(range, anchorPointer), viewport);
    card.style.visibility = away ? 'hidden' : 'visible';
  }

  function placeSoon(): void {
    if (placeFrame) return;
    const mine = generation;
    placeFrame = ctx.requestAnimationFrame(() => {
      placeFrame = 0;
      if (shownRange && cardElement && mine === generation)
        void place(shownRange, cardElement, mine);
    });
  }

  function hide(): void {
    generation++;
    whileOpen?.abort();
    whileOpen = null;
    const hadFocus = ui !== null && doc.activeElement === ui.shadowHost;
    if (ui) render(null, ui.uiContainer);
    cardElement = null;
    shownRange = null;
    // Give focus back only if the card had it (keyboard path); a hover card never takes it.
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

  /** Listeners that exist only while a card is shown: dismissals and re-placement. */
  function listenWhileOpen(mention: Mention, host: HTMLElement, card: HTMLElement): void {
    whileOpen?.abort();
    const controller = new AbortController();
    whileOpen = controller;
    const options = { capture: true, passive: true, signal: controller.signal };
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.isTrusted && event.key === 'Escape') intent.close();
      },
      options,
    );
    window.addEventListener(
      'pointerdown',
      (event) => {
        // Events from inside the shadow root reach the window retargeted to the host.
        if (event.isTrusted && event.target !== host) intent.close();
      },
      options,
    );
    window.addEventListener(
      'scroll',
      (event) => {
        // A keyboard-opened card follows its mention (the keyboard path itself scrolls it into view);
        // a hover card closes when the page, or the box the mention sits in, scrolls.
        if (openedByKeyboard) return placeSoon();
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
    window.addEventListener('resize', placeSoon, options);
    doc.addEventListener(
      'pointerout',
      (event) => {
        // The pointer left the window: no pointermove will say so.
        if (event.relatedTarget === null && !openedByKeyboard) intent.pointerAt(null);
      },
      options,
    );
    // A marker's sentence is a fixed tooltip: placed when the marker is hovered or focused, before it shows.
    const reveal = (event: Event) => {
      const marker = (event.target as Element).closest('.source-marker');
      const sentence = marker?.nextElementSibling;
      if (sentence instanceof HTMLElement) void placeSentence(marker as Element, sentence);
    };
    card.addEventListener('pointerover', reveal, options);
    card.addEventListener('focusin', reveal, options);
    // The card changes size when its content does (and when the size cap applies): place it again.
    const resize = new ResizeObserver(placeSoon);
    resize.observe(card);
    controller.signal.addEventListener('abort', () => resize.disconnect(), { once: true });
    ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
  }

  const hitTest = (): void => {
    hitFrame = 0;
    if (pointerOnCard) {
      intent.pointerOnCard();
      return;
    }
    const mention = api.mentionAt(pointerX, pointerY);
    // Remember where the pointer met a new mention: on a two-line mention the card opens by that line.
    if (mention && (intent.current === null || !sameMention(mention, intent.current))) {
      anchorPointer = { x: pointerX, y: pointerY };
    }
    intent.pointerAt(mention);
  };

  // The one listener that runs before the first hover: it stores two numbers and asks for a frame.
  ctx.addEventListener(
    doc,
    'pointermove',
    (event: PointerEvent) => {
      // Only the reader's own pointer: a page's synthetic events must not open cards it could then read.
      if (!event.isTrusted || event.pointerType === 'touch') return;
      pointerX = event.clientX;
      pointerY = event.clientY;
      pointerOnCard = ui !== null && event.target === ui.shadowHost;
      if (!hitFrame) hitFrame = ctx.requestAnimationFrame(hitTest);
    },
    { passive: true, capture: true },
  );

  return {
    openFor(mention) {
      const active = doc.activeElement;
      if (!ui || active !== ui.shadowHost) focusBefore = active;
      anchorPointer = undefined;
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
