// Reads what the extension paints, from the page's side: the text of every range in each backstory highlight.
import type { Frame, Page } from 'puppeteer-core';

export type Painted = Record<string, string[]>;

/** Text of every range per highlight name (only backstory-* highlights), in registration order. */
export async function paintedTexts(target: Page | Frame): Promise<Painted> {
  return target.evaluate(() => {
    const out: Record<string, string[]> = {};
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return out;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('backstory-')) continue;
      out[name] = [...highlight].map((range) => {
        const r = range as AbstractRange;
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      });
    }
    return out;
  });
}

/** All painted mention texts (focus excluded), sorted, for set-like comparison. */
export function allMentions(painted: Painted): string[] {
  return Object.entries(painted)
    .filter(([name]) => name !== 'backstory-focus')
    .flatMap(([, texts]) => texts)
    .sort();
}

/** Polls until the painted set stops changing for `quietMs` (scanning is sliced and incremental). */
export async function settledPaint(
  target: Page | Frame,
  { quietMs = 400, timeoutMs = 10_000, atLeast = 1 } = {},
): Promise<Painted> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let lastChange = Date.now();
  let painted: Painted = {};
  while (Date.now() < deadline) {
    painted = await paintedTexts(target);
    const key = JSON.stringify(painted);
    if (key !== last) {
      last = key;
      lastChange = Date.now();
    } else if (Date.now() - lastChange >= quietMs && allMentions(painted).length >= atLeast) {
      return painted;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return painted;
}

/** The page's DOM as markup (doctype included); the card's shadow host is the extension's own UI and is left out. */
export async function serializeDom(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const host of clone.querySelectorAll('backstory-card')) host.remove();
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
    return doctype + clone.outerHTML;
  });
}

/**
 * Opens `path` in a new tab that records its own DOM at DOMContentLoaded, before any content script
 * (they run at document_idle, after it). `domAtReady(page)` returns that snapshot.
 */
export async function openWithSnapshot(
  session: { newPage(): Promise<Page>; server: { url(path: string): string } },
  path: string,
): Promise<Page> {
  const page = await session.newPage();
  await page.evaluateOnNewDocument(() => {
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
        (window as unknown as { __domAtReady: string }).__domAtReady =
          doctype + document.documentElement.outerHTML;
      },
      { once: true },
    );
  });
  await page.goto(session.server.url(path), { waitUntil: 'load' });
  return page;
}

export async function domAtReady(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __domAtReady: string }).__domAtReady);
}

/**
 * Scrolls the page from top to bottom one viewport at a time and collects every painted mention
 * (only mentions near the viewport are registered with the browser), keyed by position, so each
 * counts once. Returns the painted texts in document order of discovery.
 */
export async function paintedWhileScrolling(page: Page): Promise<string[]> {
  const seen = new Map<string, string>();
  // Scanning goes on in idle slices while the top is already painted: pass again until a pass finds nothing new.
  for (let pass = 0; pass < 4; pass++) {
    const before = seen.size;
    await scrollPass(page, seen);
    if (pass > 0 && seen.size === before) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return [...seen.values()];
}

async function scrollPass(page: Page, seen: Map<string, string>): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = await page.evaluate(() => window.innerHeight);
  for (let y = 0; ; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    // Two frames: the IntersectionObserver reports after the scroll is rendered.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await settledPaint(page, { quietMs: 300, atLeast: 0 });
    const found = await page.evaluate(() => {
      const out: [string, string][] = [];
      const path = (node: Node): string => {
        const parts: number[] = [];
        for (let n: Node | null = node; n?.parentNode; n = n.parentNode) {
          parts.push(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
        }
        return parts.reverse().join('.');
      };
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('backstory-') || name === 'backstory-focus') continue;
        for (const range of highlight) {
          const r = range as AbstractRange;
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          out.push([`${path(r.startContainer)}:${r.startOffset}`, live.toString()]);
        }
      }
      return out;
    });
    for (const [key, text] of found) seen.set(key, text);
    if (y + step >= height) break;
  }
}

/** What the tab's content script reports (PageMentions), asked the way the popup asks: from an extension page. */
export async function tabMentions(
  extensionPage: Page,
  pageUrl: string,
): Promise<{ active: boolean; entities: { entityId: string; count: number }[] }> {
  return extensionPage.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    type Reply = {
      res?: { url: string; active: boolean; entities: { entityId: string; count: number }[] };
    };
    // Without the tabs permission tab URLs are hidden: ask every tab, keep the one that says it shows `url`.
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const message = { id: 1, type: 'getMentions', data: undefined, timestamp: Date.now() };
      try {
        const reply = (await api.tabs.sendMessage(tab.id, message, { frameId: 0 })) as Reply;
        if (reply?.res?.url === url) return reply.res;
      } catch {
        // No content script in that tab (an extension page, about:blank).
      }
    }
    throw new Error(`no tab answers for ${url}`);
  }, pageUrl);
}
