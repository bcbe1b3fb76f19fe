// The hover card's behaviour: opens it on hover intent or from the keyboard, shows it placed by its mention, closes
// it, and gives focus back. WXT's shadow-root UI and Preact's render come in as CardUi and RenderCard.
import { liveRange, type Mention } from '../highlight/mentions';
import type { Lifetime } from '../lifetime';
import type { MentionsApi } from '../page/mentions-api';
import { CardCache } from './card-cache';
import { type CardData, type CardUi, LazyUi, type RenderCard } from './card-ui';
import { HoverIntent } from './hover-intent';
import { listenWhileOpen } from './open-card-listeners';
import { watchPointer } from './pointer-watch';
import { anchorBox, isOutOfView, placeCard } from './position';

export interface HoverCardDeps {
  getCard(entityId: string): Promise<CardData | null>;
  /** Opens the side panel on the entity (called while handling the user's click or key press). */
  openPanel(entityId: string): void;
  mute(entityId: string): Promise<void>;
  /** Makes the card's shadow-root UI; asked once, when the first card opens. */
  createUi(): Promise<CardUi>;
  render: RenderCard;
}

export interface HoverCard {
  /** Opens the card of `mention` now and moves focus into it (keyboard path: Enter opens the panel, Esc closes). */
  openFor(mention: Mention): void;
  close(): void;
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** A mention and where the pointer met it: on a two-line mention the card opens by that line. None from the keyboard. */
interface Hover {
  readonly mention: Mention;
  readonly at?: Point;
}

/** The card on screen, with what it needs while open. */
interface Displayed {
  readonly hover: Hover;
  readonly card: HTMLElement;
  /** A live Range while the card is open, to measure (mentions hold StaticRanges, which can't be). */
  readonly range: Range;
  readonly listeners: AbortController;
  /** A pending placement frame (0: none). */
  frame: number;
}

const sameMention = (a: Mention, b: Mention): boolean => a === b || a.range === b.range;
const sameHover = (a: Hover, b: Hover): boolean => sameMention(a.mention, b.mention);

/**
 * Only the user acts. The card's root is closed, so a page script can't reach its buttons, but it can dispatch
 * events anywhere a listener of ours hears them; the check costs nothing and does not depend on the closed root.
 */
const fromUser = (event: Event): boolean => event.isTrusted;

/**
 * Installs the hover card. "Lazy" here means deferred work, not a deferred module: the card's code is part of
 * content.js (an MV3 content script is one classic script; a separate chunk would have to be web-accessible, so
 * any page could fetch it and learn the extension is installed), so it is parsed with the rest. What waits is
 * everything it does: until the pointer first lands on a highlighted mention (or openFor is called), the one
 * thing that exists is a passive pointermove listener (pointer-watch.ts). No `getCard` message is sent, the card
 * stylesheet is not fetched, no shadow root or Preact tree is created. Landing on a mention asks for its data at
 * once (so it is there when the ~300 ms delay ends); the stylesheet and shadow root come when a card opens.
 */
export function installHoverCard(
  api: MentionsApi,
  lifetime: Lifetime,
  deps: HoverCardDeps,
  doc: Document = document,
): HoverCard {
  return new HoverCardController(api, lifetime, deps, doc);
}

class HoverCardController implements HoverCard {
  /** What is shown and how it was opened: the one place that knows. */
  readonly #intent: HoverIntent<Hover>;
  readonly #cards: CardCache;
  readonly #ui: LazyUi;
  readonly #lifetime: Lifetime;
  readonly #deps: HoverCardDeps;
  readonly #doc: Document;
  /** Bumped on every show and hide: an answer or a placement for an older card is dropped. */
  #generation = 0;
  #displayed: Displayed | null = null;
  /** Where focus was before the keyboard opened a card: it goes back there when the card closes. */
  #returnFocus: Element | null = null;

  constructor(api: MentionsApi, lifetime: Lifetime, deps: HoverCardDeps, doc: Document) {
    this.#lifetime = lifetime;
    this.#deps = deps;
    this.#doc = doc;
    this.#cards = new CardCache(deps.getCard);
    this.#ui = new LazyUi(deps.createUi);
    this.#intent = new HoverIntent<Hover>({
      same: sameHover,
      timers: {
        set: (callback, ms) => lifetime.setTimeout(callback, ms),
        clear: (id) => clearTimeout(id),
      },
      onCandidate: (hover) => void this.#cards.load(hover.mention.entityId),
      onOpen: (hover) => void this.#show(hover),
      onClose: () => this.#hide(),
    });
    watchPointer(doc, lifetime, {
      isCard: (target) => target === this.#ui.current?.shadowHost,
      hit: (x, y) => {
        const mention = api.mentionAt(x, y);
        return mention && { mention, at: { x, y } };
      },
      onCard: () => this.#intent.pointerOnCard(),
      onPage: (hover) => this.#intent.pointerAt(hover),
    });
    const stopClearing = api.onChange(() => this.#cards.clear());
    lifetime.signal.addEventListener(
      'abort',
      () => {
        stopClearing();
        this.#intent.dispose();
        this.#displayed?.listeners.abort();
      },
      { once: true },
    );
  }

  openFor(mention: Mention): void {
    const active = this.#doc.activeElement;
    // Switching from one keyboard card to the next keeps the place focus came from.
    if (active !== this.#ui.current?.shadowHost) this.#returnFocus = active;
    this.#intent.openNow({ mention });
  }

  close(): void {
    this.#intent.close();
  }

  async #show(hover: Hover): Promise<void> {
    const mine = ++this.#generation;
    const [ui, data] = await Promise.all([
      this.#ui.get(),
      this.#cards.load(hover.mention.entityId),
    ]);
    const current = this.#intent.current;
    if (mine !== this.#generation || current === null || !sameHover(current.target, hover)) return;
    if (!data) {
      this.#intent.close();
      return;
    }
    if (!ui.shadowHost.isConnected) ui.mount();
    const entityId = hover.mention.entityId;
    let card: HTMLElement | null = null;
    this.#deps.render(
      {
        data,
        rootRef: (element) => {
          card = element;
        },
        onOpenPanel: (event) => {
          if (!fromUser(event)) return;
          this.#deps.openPanel(entityId);
          this.#intent.close();
        },
        onMute: (event) => {
          if (!fromUser(event)) return;
          void this.#deps.mute(entityId).finally(() => this.#intent.close());
        },
        onClose: (event) => {
          if (fromUser(event)) this.#intent.close();
        },
      },
      ui.uiContainer,
    );
    const element = card as HTMLElement | null;
    if (!element) return;
    // Hidden until placed: never a flash at the viewport's corner.
    element.style.visibility = 'hidden';
    const displayed: Displayed = {
      hover,
      card: element,
      range: liveRange(hover.mention.range),
      listeners: new AbortController(),
      frame: 0,
    };
    // The previous card's listeners stay until now: until this one is rendered, that one is what the reader sees.
    this.#displayed?.listeners.abort();
    this.#displayed = displayed;
    listenWhileOpen(
      { host: ui.shadowHost, card: element, mention: hover.mention.range },
      {
        fromKeyboard: () => this.#intent.current?.via === 'keyboard',
        close: () => this.#intent.close(),
        pointerLeft: () => this.#intent.pointerAt(null),
        placeAgain: () => this.#placeSoon(displayed),
      },
      displayed.listeners.signal,
    );
    await this.#place(displayed, mine);
    if (mine === this.#generation && this.#intent.current?.via === 'keyboard') {
      element.focus({ preventScroll: true });
    }
  }

  async #place(displayed: Displayed, mine: number): Promise<void> {
    const { card, range, hover } = displayed;
    const placement = await placeCard(range, card, hover.at);
    if (mine !== this.#generation) return;
    card.style.left = `${placement.x}px`;
    card.style.top = `${placement.y}px`;
    card.dataset.side = placement.side;
    const viewport = {
      width: this.#doc.documentElement.clientWidth,
      height: this.#doc.documentElement.clientHeight,
    };
    // A keyboard-opened card whose mention scrolled away hides instead of floating over unrelated text.
    const away = isOutOfView(anchorBox(range, hover.at), viewport);
    card.style.visibility = away ? 'hidden' : 'visible';
  }

  /** Places the card again on the next frame (once, however many resizes and scrolls come before it). */
  #placeSoon(displayed: Displayed): void {
    if (displayed.frame) return;
    const mine = this.#generation;
    displayed.frame = this.#lifetime.requestAnimationFrame(() => {
      displayed.frame = 0;
      if (mine === this.#generation) void this.#place(displayed, mine);
    });
  }

  #hide(): void {
    this.#generation++;
    this.#displayed?.listeners.abort();
    this.#displayed = null;
    const ui = this.#ui.current;
    const hadFocus = ui !== null && this.#doc.activeElement === ui.shadowHost;
    if (ui) this.#deps.render(null, ui.uiContainer);
    // Give focus back only if the card had it (keyboard path); a hover card never takes it.
    if (hadFocus) {
      const back = this.#returnFocus;
      if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
      else (this.#doc.activeElement as HTMLElement | null)?.blur();
    }
    this.#returnFocus = null;
  }
}
