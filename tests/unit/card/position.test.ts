// Placement: below the mention, flipped above near the bottom, shifted inside the viewport, never over the mention.
import { describe, expect, test } from 'vitest';
import { anchorBox, EDGE_PADDING, GAP, isOutOfView, placeCard } from '../../../lib/card/position';

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
  test('a mention over two lines anchors to the line under the pointer', () => {
    expect(anchorBox(fakeRange(line1, line2), { x: 30, y: 130 })).toBe(line2);
    expect(anchorBox(fakeRange(line1, line2), { x: 700, y: 105 })).toBe(line1);
  });
  test('without a pointer (keyboard), the first line', () => {
    expect(anchorBox(fakeRange(line1, line2))).toBe(line1);
  });
});

test('isOutOfView', () => {
  expect(isOutOfView(rect(10, -40, 50, 20), VIEW)).toBe(true);
  expect(isOutOfView(rect(10, 590, 50, 20), VIEW)).toBe(false);
  expect(isOutOfView(rect(10, 600, 50, 20), VIEW)).toBe(true);
});
