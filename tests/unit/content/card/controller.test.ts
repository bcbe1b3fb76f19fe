// The hover card's controller with fake timers: opening after the intent delay, staying on the card, every way of
// closing, the keyboard path and its focus, stale answers, and the page's synthetic events refused.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CardData, CardUi, CardView } from '../../../../lib/content/card/card-ui';
import { type HoverCard, installHoverCard } from '../../../../lib/content/card/controller';
import type { Mention } from '../../../../lib/content/highlight/mentions';
import type { Lifetime } from '../../../../lib/content/lifetime';
import type { MentionsApi } from '../../../../lib/content/page/mentions-api';

// The product's delays (hover-intent.test.ts checks them against PRODUCT.md); one frame is 16 ms under fake timers.
const OPEN_DELAY = 300;
const CLOSE_DELAY = 200;
const FRAME = 16;

/** happy-dom dispatches every event untrusted (it has no isTrusted at all); the reader's own events are trusted. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function pointerAt(x: number, y: number, target: EventTarget = document.body, isTrusted = true) {
  const event = new PointerEvent('pointermove', {
    clientX: x,
    clientY: y,
    bubbles: true,
    pointerType: 'mouse',
  });
  target.dispatchEvent(isTrusted ? trusted(event) : event);
}

function cardData(entityId: string): CardData {
  return {
    entityId,
    name: entityId,
    kind: 'person',
    facts: [],
    relatedEvents: 0,
    relatedEntities: 0,
  } as unknown as CardData;
}

/** A mention of the first `word` in `element`'s text; the fake hit test finds it in its column of the viewport. */
function mentionOf(element: Element, word: string, entityId: string): Mention {
  const text = element.firstChild as Text;
  const at = text.data.indexOf(word);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + word.length);
  return { range, entityId, kind: 'person' };
}

interface Harness {
  card: HoverCard;
  /** Every card rendered, last one last (null: emptied). */
  views: (CardView | null)[];
  requests: string[];
  opened: string[];
  muted: string[];
  host: HTMLElement;
  lifetime: AbortController;
  /** Calls the change listeners the controller registered with the mentions API. */
  changed(): void;
  /** The card shown now: its root element if visible, else null. */
  shown(): HTMLElement | null;
}

let putin: Mention;
let kallas: Mention;

function install(getCard?: (entityId: string) => Promise<CardData | null>): Harness {
  const views: (CardView | null)[] = [];
  const requests: string[] = [];
  const opened: string[] = [];
  const muted: string[] = [];
  const listeners = new Set<() => void>();
  // Putin is under x < 100, Kallas under 100 ≤ x < 200; the rest of the viewport holds no mention.
  const api: MentionsApi = {
    mentionAt: (x) => (x < 100 ? putin : x < 200 ? kallas : null),
    mentions: () => [putin, kallas],
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const host = document.createElement('backstory-card');
  const root = host.attachShadow({ mode: 'closed' });
  const container = document.createElement('div');
  root.append(container);
  const ui: CardUi = {
    shadowHost: host,
    uiContainer: container,
    mount: () => document.documentElement.append(host),
  };
  const controller = new AbortController();
  const lifetime: Lifetime = {
    signal: controller.signal,
    setTimeout: (handler, ms) => window.setTimeout(handler, ms),
    requestAnimationFrame: (callback) => window.requestAnimationFrame(callback),
  };
  const card = installHoverCard(api, lifetime, {
    getCard: (entityId) => {
      requests.push(entityId);
      return getCard ? getCard(entityId) : Promise.resolve(cardData(entityId));
    },
    openPanel: (entityId) => void opened.push(entityId),
    mute: async (entityId) => void muted.push(entityId),
    createUi: async () => ui,
    render: (view, into) => {
      views.push(view);
      into.replaceChildren();
      if (!view) return;
      const section = document.createElement('section');
      section.className = 'card';
      section.tabIndex = -1;
      section.textContent = view.data.name;
      into.append(section);
      view.rootRef(section);
    },
  });
  return {
    card,
    views,
    requests,
    opened,
    muted,
    host,
    lifetime: controller,
    changed: () => {
      for (const listener of listeners) listener();
    },
    shown: () => {
      const section = container.querySelector<HTMLElement>('.card');
      return section?.style.visibility === 'visible' ? section : null;
    },
  };
}

/** Lets promises (the card's data, floating-ui's placement) settle, and `ms` of timers run. */
async function wait(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Hovers the mention in column `x` until its card is shown. */
async function hoverOpen(h: Harness, x: number): Promise<void> {
  pointerAt(x, 10);
  await wait(FRAME + OPEN_DELAY);
  expect(h.shown()).not.toBeNull();
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML =
    '<p id="putin">Vladimir Putin spoke.</p><p id="kallas">Kaja Kallas answered.</p><button id="before">x</button>';
  putin = mentionOf(document.getElementById('putin') as Element, 'Putin', 'putin');
  kallas = mentionOf(document.getElementById('kallas') as Element, 'Kallas', 'kallas');
  // happy-dom has no layout: give mentions a box inside a 1000 × 700 viewport, so the card can be placed.
  const box = { left: 20, top: 20, right: 80, bottom: 40, width: 60, height: 20, x: 20, y: 20 };
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([box] as unknown as DOMRectList);
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(box as DOMRect);
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(700);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const host of document.querySelectorAll('backstory-card')) host.remove();
});

describe('hover', () => {
  test('asks for the data as soon as the pointer lands, opens after the intent delay, placed and visible', async () => {
    const h = install();
    pointerAt(50, 10);
    await wait(FRAME);
    expect(h.requests).toEqual(['putin']);
    await wait(OPEN_DELAY - 1);
    expect(h.views).toEqual([]);
    expect(document.querySelector('backstory-card')).toBeNull();
    await wait(1);
    const card = h.shown();
    expect(card?.textContent).toBe('putin');
    // Below the mention (its box ends at 40), by the gap.
    expect(card?.style.top).toBe('48px');
    // Hovering never moves focus.
    expect(document.activeElement).not.toBe(h.host);
  });

  test('asks for a card once however often the pointer comes back, and again after the page changed', async () => {
    const h = install();
    await hoverOpen(h, 50);
    pointerAt(500, 500);
    await wait(FRAME + CLOSE_DELAY);
    await hoverOpen(h, 50);
    expect(h.requests).toEqual(['putin']);
    h.changed();
    pointerAt(500, 500);
    await wait(FRAME + CLOSE_DELAY);
    await hoverOpen(h, 50);
    expect(h.requests).toEqual(['putin', 'putin']);
  });

  test('stays while the pointer is on the card; leaving it closes after the grace period', async () => {
    const h = install();
    await hoverOpen(h, 50);
    pointerAt(500, 500, h.host);
    await wait(10_000);
    expect(h.shown()).not.toBeNull();
    pointerAt(500, 500);
    // The grace starts on the next frame (at most FRAME ms away); hover-intent.test.ts times it exactly.
    await wait(CLOSE_DELAY - 20);
    expect(h.shown()).not.toBeNull();
    await wait(20 + FRAME);
    expect(h.shown()).toBeNull();
    expect(h.views.at(-1)).toBeNull();
  });

  test('resting on another mention switches the card', async () => {
    const h = install();
    await hoverOpen(h, 50);
    pointerAt(150, 10);
    await wait(FRAME + 150);
    expect(h.shown()?.textContent).toBe('kallas');
  });

  test('the pointer leaving the window starts the grace period', async () => {
    const h = install();
    await hoverOpen(h, 50);
    document.body.dispatchEvent(new PointerEvent('pointerout', { relatedTarget: null }));
    await wait(CLOSE_DELAY);
    expect(h.shown()).toBeNull();
  });

  test('a mention with no card closes quietly', async () => {
    const h = install(async () => null);
    pointerAt(50, 10);
    await wait(FRAME + OPEN_DELAY);
    expect(h.views.filter(Boolean)).toEqual([]);
    expect(h.shown()).toBeNull();
  });
});

describe('closing', () => {
  test('Esc closes the card', async () => {
    const h = install();
    await hoverOpen(h, 50);
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(h.shown()).toBeNull();
  });

  test('a press outside closes it; a press on the card does not', async () => {
    const h = install();
    await hoverOpen(h, 50);
    h.host.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true })));
    expect(h.shown()).not.toBeNull();
    document.body.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true })));
    expect(h.shown()).toBeNull();
  });

  test("scrolling the page, or a box the mention sits in, closes a hover card; another box's scroll does not", async () => {
    const h = install();
    await hoverOpen(h, 50);
    document.getElementById('kallas')?.dispatchEvent(new Event('scroll'));
    expect(h.shown()).not.toBeNull();
    document.getElementById('putin')?.dispatchEvent(new Event('scroll'));
    expect(h.shown()).toBeNull();

    await hoverOpen(h, 50);
    document.dispatchEvent(new Event('scroll'));
    expect(h.shown()).toBeNull();
  });

  test('the card\'s own "close" closes it', async () => {
    const h = install();
    await hoverOpen(h, 50);
    h.views.at(-1)?.onClose(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(h.shown()).toBeNull();
  });

  test('the content script going away closes nothing and listens no more', async () => {
    const h = install();
    await hoverOpen(h, 50);
    h.lifetime.abort();
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(h.shown()).not.toBeNull();
    pointerAt(150, 10);
    await wait(FRAME + OPEN_DELAY);
    expect(h.requests).toEqual(['putin']);
  });
});

describe('actions', () => {
  test('"Open in side panel" opens the panel on the entity and closes the card; "Mute" mutes it and closes', async () => {
    const h = install();
    await hoverOpen(h, 50);
    h.views.at(-1)?.onOpenPanel(trusted(new MouseEvent('click')));
    expect(h.opened).toEqual(['putin']);
    expect(h.shown()).toBeNull();

    await hoverOpen(h, 150);
    h.views.at(-1)?.onMute(trusted(new MouseEvent('click')));
    await wait();
    expect(h.muted).toEqual(['kallas']);
    expect(h.shown()).toBeNull();
  });
});

describe("the page's synthetic events", () => {
  test('a synthetic pointer opens nothing', async () => {
    const h = install();
    pointerAt(50, 10, document.body, false);
    await wait(FRAME + OPEN_DELAY);
    expect(h.requests).toEqual([]);
    expect(h.views).toEqual([]);
  });

  test('synthetic clicks, Esc and presses act on nothing', async () => {
    const h = install();
    await hoverOpen(h, 50);
    const view = h.views.at(-1);
    view?.onOpenPanel(new MouseEvent('click'));
    view?.onMute(new MouseEvent('click'));
    view?.onClose(new KeyboardEvent('keydown', { key: 'Escape' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await wait();
    expect(h.opened).toEqual([]);
    expect(h.muted).toEqual([]);
    expect(h.shown()).not.toBeNull();
  });

  test('a touch opens nothing', async () => {
    const h = install();
    document.body.dispatchEvent(
      trusted(new PointerEvent('pointermove', { clientX: 50, clientY: 10, pointerType: 'touch' })),
    );
    await wait(FRAME + OPEN_DELAY);
    expect(h.requests).toEqual([]);
  });
});

describe('keyboard', () => {
  test('openFor opens at once with focus in the card; Esc closes it and gives focus back', async () => {
    const h = install();
    const before = document.getElementById('before') as HTMLElement;
    before.focus();
    h.card.openFor(putin);
    await wait();
    expect(h.shown()?.textContent).toBe('putin');
    expect(document.activeElement).toBe(h.host);
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(h.shown()).toBeNull();
    expect(document.activeElement).toBe(before);
  });

  test('stepping on keeps where focus came from; the pointer moving away does not close a keyboard card', async () => {
    const h = install();
    const before = document.getElementById('before') as HTMLElement;
    before.focus();
    h.card.openFor(putin);
    await wait();
    h.card.openFor(kallas);
    await wait();
    expect(h.shown()?.textContent).toBe('kallas');
    expect(document.activeElement).toBe(h.host);
    pointerAt(500, 500);
    document.body.dispatchEvent(new PointerEvent('pointerout', { relatedTarget: null }));
    await wait(5000);
    expect(h.shown()).not.toBeNull();
    h.card.close();
    expect(document.activeElement).toBe(before);
  });

  test('a keyboard card follows its mention when the page scrolls, and hides while it is out of view', async () => {
    const h = install();
    h.card.openFor(putin);
    await wait();
    const away = {
      left: 20,
      top: -100,
      right: 80,
      bottom: -80,
      width: 60,
      height: 20,
      x: 20,
      y: -100,
    };
    vi.mocked(Range.prototype.getClientRects).mockReturnValue([away] as unknown as DOMRectList);
    document.dispatchEvent(new Event('scroll'));
    await wait(FRAME);
    // Still open (a hover card would have closed), but not floating over unrelated text.
    expect(h.views.at(-1)).not.toBeNull();
    expect(h.shown()).toBeNull();
    vi.mocked(Range.prototype.getClientRects).mockRestore();
    window.dispatchEvent(new Event('resize'));
    await wait(FRAME);
    expect(h.shown()).not.toBeNull();
  });
});

describe('stale answers', () => {
  test('an answer for a card that was closed meanwhile is dropped', async () => {
    let answer: (data: CardData) => void = () => {};
    const h = install(
      (entityId) =>
        new Promise((resolve) => {
          answer = () => resolve(cardData(entityId));
        }),
    );
    h.card.openFor(putin);
    await wait();
    h.card.close();
    answer(cardData('putin'));
    await wait();
    expect(h.views.filter(Boolean)).toEqual([]);
  });

  test('a card closed and opened again while its data loads is shown once, by the newer opening', async () => {
    let answer: () => void = () => {};
    const waiting = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const h = install(async (entityId) => {
      await waiting;
      return cardData(entityId);
    });
    h.card.openFor(putin);
    h.card.close();
    h.card.openFor(putin);
    answer();
    await wait();
    expect(h.views.filter(Boolean).map((view) => view?.data.entityId)).toEqual(['putin']);
    expect(h.shown()).not.toBeNull();
  });

  test('an answer for an older card that comes after the newer one is shown changes nothing', async () => {
    const answers = new Map<string, () => void>();
    const h = install(
      (entityId) =>
        new Promise((resolve) => answers.set(entityId, () => resolve(cardData(entityId)))),
    );
    h.card.openFor(putin);
    h.card.openFor(kallas);
    answers.get('kallas')?.();
    await wait();
    expect(h.shown()?.textContent).toBe('kallas');
    answers.get('putin')?.();
    await wait();
    expect(h.shown()?.textContent).toBe('kallas');
    expect(h.views.map((view) => view?.data.entityId)).toEqual(['kallas']);
  });
});
