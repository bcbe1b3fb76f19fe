// The hover card as a reader meets it: rest the pointer on a name; read and press the card through the harness, since
// its shadow root is closed (the page can't read it, and no test reads it from the page).
import type { ElementHandle, Page } from 'puppeteer-core';
import { closedShadowRoot } from '../harness';
import { until } from './poll';

/** The card's shadow root, read in the harness's world (harness/closed-shadow.ts); null while no card was made. */
export function cardRoot(page: Page): Promise<ElementHandle<ShadowRoot> | null> {
  return closedShadowRoot(page, 'backstory-card');
}

/** Runs `read` on the card's shadow root (serializable arguments and result); null while no card was made. */
export async function inCard<Args extends unknown[], Result>(
  page: Page,
  read: (root: ShadowRoot, ...args: Args) => Result,
  ...args: Args
): Promise<Awaited<Result> | null> {
  const root = await cardRoot(page);
  if (!root) return null;
  try {
    return (await root.evaluate(
      read as (root: ShadowRoot, ...rest: unknown[]) => unknown,
      ...args,
    )) as Awaited<Result>;
  } finally {
    void root.dispose();
  }
}

/** Clicks the element at `selector` in the card with the mouse, as the reader would (a trusted click). */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  const root = await cardRoot(page);
  const target = await root?.$(selector);
  if (!target) throw new Error(`no ${selector} in the card`);
  await target.click();
  void target.dispose();
  void root?.dispose();
}

/** The name on the open card ('' while none is shown). */
export async function cardName(page: Page): Promise<string> {
  const name = await inCard(page, (root) => {
    const card = root.querySelector('.card');
    return card && getComputedStyle(card).visibility === 'visible'
      ? (card.querySelector('.card-name')?.textContent ?? '')
      : '';
  });
  return name ?? '';
}

/** Opens the card of the first `word` in `selector`'s first text node by resting the pointer on it. */
export async function openCard(
  page: Page,
  selector: string,
  word: string,
  name: string,
): Promise<void> {
  const point = await page.evaluate(
    (sel, w) => {
      const node = document.querySelector(sel)?.firstChild;
      const at = node?.nodeValue?.indexOf(w) ?? -1;
      if (!node || at < 0) throw new Error(`no ${w} in ${sel}`);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    selector,
    word,
  );
  await page.mouse.move(5, 5);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  await until(
    `the card of ${word}`,
    () => cardName(page),
    (shown) => shown === name,
    10_000,
  );
}
