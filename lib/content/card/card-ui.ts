// The card's UI as the controller sees it: a shadow host made on first use, and a renderer for the card inside it.
// The product passes WXT's createShadowRootUi and Preact's render (entrypoints/content/card.tsx); tests pass plain DOM.
import type { BackgroundProtocol } from '../../shared/messaging';

/** What the background answers for one entity's card, as the message declares it. */
export type CardData = NonNullable<ReturnType<BackgroundProtocol['getCard']>>;

/** The part of WXT's ShadowRootContentScriptUi the controller uses. */
export interface CardUi {
  /**
   * The one element the extension adds to a page. Events from inside the card reach the page retargeted to it,
   * and while the card has focus, document.activeElement is this host.
   */
  readonly shadowHost: HTMLElement;
  /** Where the card is rendered, inside the host's (closed) shadow root. */
  readonly uiContainer: HTMLElement;
  /** Puts the host into the page (again, if the page removed it). */
  mount(): void;
}

/** What the card component is given (components/Card.tsx takes these props). */
export interface CardView {
  readonly data: CardData;
  /** Each action gets the event that caused it, so the controller can refuse synthetic ones. */
  onOpenPanel(event: Event): void;
  onMute(event: Event): void;
  onClose(event: Event): void;
  /** Receives the card's root element (to focus and place it). */
  rootRef(element: HTMLElement | null): void;
}

/** Renders `view` into `container`, or empties it (null). Synchronous, as Preact's render is. */
export type RenderCard = (view: CardView | null, container: HTMLElement) => void;

/** Creates the UI on first use (the stylesheet is fetched then) and hands out the same one after. */
export class LazyUi {
  #created: CardUi | null = null;
  #creating: Promise<CardUi> | null = null;
  readonly #create: () => Promise<CardUi>;

  constructor(create: () => Promise<CardUi>) {
    this.#create = create;
  }

  /** The UI if it exists yet (nothing is created by asking). */
  get current(): CardUi | null {
    return this.#created;
  }

  get(): Promise<CardUi> {
    this.#creating ??= this.#create().then((ui) => {
      this.#created = ui;
      return ui;
    });
    return this.#creating;
  }
}
