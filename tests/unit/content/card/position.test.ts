// Placement: below the mention, flipped above near the bottom, shifted inside the viewport, never over the mention.
import { describe, expect, test } from 'vitest';
import {
  anchorBox,
  EDGE_PADDING,
  GAP,
  isOutOfView,
  placeCard,
  placeSentence,
} from '../../../../lib/content/card/position';

const VIEW = { width: 800, height: 600 };

function rect(x: number, y: number, width: number, height: number): DOMRect {
  return {
    x,
    y,
    left: x,
    top: y,
    width,
    height,
    right: x + width,
    bottom: y + height,
    toJSON: () => ({}),
  };
}

/** A Range whose layout is given (happy-dom does no layout). */
function fakeRange(...boxes: DOMRect[]): Range {
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.right));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  return {
    getClientRects: () => boxes as unknown as DOMRectList,
    getBoundingClientRect: () => rect(left, top, right - left, bottom - top),
  } as Range;
}

function fakeCard(width: number, height: number): HTMLElement {
  const card = document.createElement('section');
  Object.defineProperty(card, 'offsetWidth', { get: () => width });
  Object.defineProperty(card, 'offsetHeight', { get: () => height });
  Object.defineProperty(document.documentElement, 'clientWidth', {
    configurable: true,
    value: VIEW.width,
  });
  Object.defineProperty(document.documentElement, 'clientHeight', {
    configurable: true,
    value: VIEW.height,
  });
  return card;
}

function overlaps(a: { x: number; y: number; w: number; h: number }, b: DOMRect): boolean {
  return a.x < b.right && b.left < a.x + a.w && a.y < b.bottom && b.top < a.y + a.h;
}

describe('placeCard', () => {
  test('below the mention, aligned with its start, GAP px away', async () => {
    const mention = rect(100, 100, 80, 20);
    const p = await placeCard(fakeRange(mention), fakeCard(300, 200));
    expect(p.side).toBe('bottom');
    expect(p.x).toBe(100);
    expect(p.y).toBe(120 + GAP);
  });

  const corners = {
    'top-left': rect(0, 0, 80, 20),
    'top-right': rect(VIEW.width - 80, 0, 80, 20),
    'bottom-left': rect(0, VIEW.height - 20, 80, 20),
    'bottom-right': rect(VIEW.width - 80, VIEW.height - 20, 80, 20),
  };
  for (const [corner, mention] of Object.entries(corners)) {
    test(`a mention in the ${corner} corner: inside the viewport and not over the mention`, async () => {
      const p = await placeCard(fakeRange(mention), fakeCard(300, 200));
      const box = { x: p.x, y: p.y, w: 300, h: 200 };
      expect(box.x).toBeGreaterThanOrEqual(EDGE_PADDING);
      expect(box.y).toBeGreaterThanOrEqual(EDGE_PADDING - 0.5);
      expect(box.x + box.w).toBeLessThanOrEqual(VIEW.width - EDGE_PADDING);
      expect(box.y + box.h).toBeLessThanOrEqual(VIEW.height - EDGE_PADDING);
      expect(overlaps(box, mention)).toBe(false);
      expect(p.side).toBe(corner.startsWith('bottom') ? 'top' : 'bottom');
    });
  }

  test('a tall card with room beside the mention goes beside it, inside the viewport', async () => {
    const mention = rect(300, 290, 80, 20);
    const p = await placeCard(fakeRange(mention), fakeCard(300, 500));
    expect(p.side).toBe('right');
    const box = { x: p.x, y: p.y, w: 300, h: 500 };
    expect(overlaps(box, mention)).toBe(false);
    expect(box.y + box.h).toBeLessThanOrEqual(VIEW.height - EDGE_PADDING);
  });

  test('no side has room for the whole card: it stays below, capped to the room there is', async () => {
    const mention = rect(8, 290, 784, 20);
    const card = fakeCard(300, 500);
    const p = await placeCard(fakeRange(mention), card);
    expect(p.side).toBe('bottom');
    expect(p.y).toBeGreaterThanOrEqual(310 + GAP);
    expect(p.maxHeight).toBe(VIEW.height - 310 - GAP - EDGE_PADDING);
    expect(card.style.getPropertyValue('--available-height')).toBe(`${p.maxHeight}px`);
  });
});

describe('anchorBox', () => {
  const line1 = rect(600, 100, 150, 20);
  const line2 = rect(10, 120, 60, 20);
  const span = (box: { left: number; right: number; top: number; bottom: number }) => ({
    left: box.left,
    right: box.right,
    top: box.top,
    bottom: box.bottom,
  });
  test('a mention over two lines: across, the line under the pointer; along the page, both lines', () => {
    expect(span(anchorBox(fakeRange(line1, line2), { x: 30, y: 130 }))).toEqual({
      left: 10,
      right: 70,
      top: 100,
      bottom: 140,
    });
    expect(span(anchorBox(fakeRange(line1, line2), { x: 700, y: 105 }))).toEqual({
      left: 600,
      right: 750,
      top: 100,
      bottom: 140,
    });
  });
  test('without a pointer (keyboard), the first line across, both lines along', () => {
    const box = anchorBox(fakeRange(line1, line2));
    expect(span(box)).toEqual({ left: 600, right: 750, top: 100, bottom: 140 });
    expect({ x: box.x, y: box.y, width: box.width, height: box.height }).toEqual({
      x: 600,
      y: 100,
      width: 150,
      height: 40,
    });
  });
  test('a one-line mention is its own box', () => {
    expect(span(anchorBox(fakeRange(line1)))).toEqual(span(line1));
  });
});

describe('a name split over two lines', () => {
  // "Volodymyr" ends line 1 at the right, "Zelenskyy" starts line 2 at the left; a wide card shifted back into
  // the viewport reaches over line 2's start.
  const line1 = rect(600, 100, 180, 20);
  const line2 = rect(10, 120, 120, 20);
  for (const [where, pointer] of [
    ['on line 1', { x: 690, y: 110 }],
    ['on line 2', { x: 60, y: 130 }],
    ['from the keyboard', undefined],
  ] as const) {
    test(`pointer ${where}: the card covers neither line`, async () => {
      const p = await placeCard(fakeRange(line1, line2), fakeCard(700, 200), pointer);
      const box = { x: p.x, y: p.y, w: 700, h: 200 };
      expect(overlaps(box, line1)).toBe(false);
      expect(overlaps(box, line2)).toBe(false);
      expect(p.side).toBe('bottom');
      expect(p.y).toBe(140 + GAP);
    });
  }
  test('near the bottom it flips above both lines', async () => {
    const low1 = rect(600, 540, 180, 20);
    const low2 = rect(10, 560, 120, 20);
    const p = await placeCard(fakeRange(low1, low2), fakeCard(700, 200), { x: 60, y: 570 });
    expect(p.side).toBe('top');
    expect(p.y + 200).toBe(540 - GAP);
    expect(overlaps({ x: p.x, y: p.y, w: 700, h: 200 }, low1)).toBe(false);
  });
});

describe('placeSentence', () => {
  const marker = (box: DOMRect) => ({ getBoundingClientRect: () => box }) as unknown as Element;
  const place = async (box: DOMRect) => {
    const sentence = fakeCard(320, 80);
    await placeSentence(marker(box), sentence);
    return { x: Number.parseFloat(sentence.style.left), y: Number.parseFloat(sentence.style.top) };
  };
  test('below its marker, aligned with it', async () => {
    expect(await place(rect(100, 200, 18, 18))).toEqual({ x: 100, y: 222 });
  });
  test('near the bottom of the viewport: above the marker, whole', async () => {
    const { x, y } = await place(rect(100, 560, 18, 18));
    expect(y + 80).toBeLessThanOrEqual(560);
    expect(y).toBeGreaterThanOrEqual(EDGE_PADDING);
    expect(x).toBe(100);
  });
  test('near the right edge: shifted left to stay inside', async () => {
    const { x } = await place(rect(780, 200, 18, 18));
    expect(x + 320).toBeLessThanOrEqual(VIEW.width - EDGE_PADDING);
  });
});

test('isOutOfView', () => {
  expect(isOutOfView(rect(10, -40, 50, 20), VIEW)).toBe(true);
  expect(isOutOfView(rect(10, 590, 50, 20), VIEW)).toBe(false);
  expect(isOutOfView(rect(10, 600, 50, 20), VIEW)).toBe(true);
});
