// The hover card as a reader meets it: rest the pointer on a name, read the card's name through its shadow root.
import type { Page } from 'puppeteer-core';
import { until } from './poll';

/** The name on the open card ('' while none is shown). */
export function cardName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const card = document.querySelector('backstory-card')?.shadowRoot?.querySelector('.card');
    return card && getComputedStyle(card).visibility === 'visible'
      ? (card.querySelector('.card-name')?.textContent ?? '')
      : '';
  });
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
