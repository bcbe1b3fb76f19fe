// Firefox's real content-area context menu, used the way a reader uses it: select text, right-click it, pick an item.
import type { Page } from 'puppeteer-core';
import { type ExtensionSession, inFirefoxChrome } from '../harness';

/** Firefox's XUL menupopup, as far as these helpers use it (the functions below run in Firefox's window). */
interface MenuPopup extends Element {
  activateItem(item: Element): void;
  hidePopup(): void;
}

/** The menu's chrome-window global that holds "shown" between two calls (each call is a separate script). */
const SHOWN = '__backstoryTestMenuShown';

/** Selects the first occurrence of `text` in the page, scrolled into view; returns the selection's centre. */
export async function selectText(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`“${text}” is not on ${page.url()}`);
  return point;
}

/**
 * Right-clicks `page` at `point` (a WebDriver BiDi pointer action: the page gets a real contextmenu event, and
 * Firefox opens its content-area context menu as for a reader) and returns the labels of the items shown.
 */
export async function openContextMenu(
  session: ExtensionSession,
  page: Page,
  point: { x: number; y: number },
): Promise<string[]> {
  await inFirefoxChrome(
    session,
    (key: string) => {
      const menu = document.getElementById('contentAreaContextMenu');
      if (!menu) throw new Error('no contentAreaContextMenu in this window');
      (globalThis as Record<string, unknown>)[key] = new Promise((shown) =>
        menu.addEventListener('popupshown', shown, { once: true }),
      );
    },
    SHOWN,
  );
  await page.mouse.click(point.x, point.y, { button: 'right' });
  return inFirefoxChrome(
    session,
    async (key: string) => {
      const shown = (globalThis as Record<string, unknown>)[key] as Promise<unknown>;
      const timeout = new Promise((_, fail) =>
        setTimeout(() => fail(new Error('the context menu did not open within 5 s')), 5_000),
      );
      await Promise.race([shown, timeout]);
      const menu = document.getElementById('contentAreaContextMenu') as Element;
      return [...menu.querySelectorAll('menuitem')]
        .filter((item) => !(item as HTMLElement).hidden)
        .map((item) => item.getAttribute('label') ?? '');
    },
    SHOWN,
  );
}

/** Picks the open context menu's item labelled `label`, as a click on it does (the menu closes). */
export async function chooseMenuItem(session: ExtensionSession, label: string): Promise<void> {
  await inFirefoxChrome(
    session,
    (wanted: string) => {
      const menu = document.getElementById('contentAreaContextMenu') as unknown as MenuPopup;
      const items = [...menu.querySelectorAll('menuitem')].filter(
        (item) => !(item as HTMLElement).hidden,
      );
      const item = items.find((candidate) => candidate.getAttribute('label') === wanted);
      if (!item) {
        const labels = items.map((i) => i.getAttribute('label')).join(' | ');
        throw new Error(`no “${wanted}” in the menu: ${labels}`);
      }
      menu.activateItem(item);
    },
    label,
  );
}

/** Closes the open context menu without choosing anything. */
export async function closeContextMenu(session: ExtensionSession): Promise<void> {
  await inFirefoxChrome(session, () => {
    (document.getElementById('contentAreaContextMenu') as unknown as MenuPopup).hidePopup();
  });
}
