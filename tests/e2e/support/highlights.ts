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
  return [...(await paintedByPosition(page)).values()].map((mention) => mention.text);
}

/** A painted mention found by scrolling: its text, and whether it runs over more than one text node. */
export interface PaintedMention {
  text: string;
  acrossNodes: boolean;
}

/**
 * Like `paintedWhileScrolling`, keyed by where each mention starts: `<child-index path of its text node>:<offset>`
 * (the same key `referenceMatches` gives a match, so the two can be compared mention by mention).
 */
export async function paintedByPosition(page: Page): Promise<Map<string, PaintedMention>> {
  const seen = new Map<string, PaintedMention>();
  // Scanning goes on in idle slices while the top is already painted: pass again until a pass finds nothing new.
  for (let pass = 0; pass < 4; pass++) {
    const before = seen.size;
    await scrollPass(page, seen);
    if (pass > 0 && seen.size === before) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return seen;
}

async function scrollPass(page: Page, seen: Map<string, PaintedMention>): Promise<void> {
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
      const out: [string, string, boolean][] = [];
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
          out.push([
            `${path(r.startContainer)}:${r.startOffset}`,
            live.toString(),
            r.startContainer !== r.endContainer,
          ]);
        }
      }
      return out;
    });
    for (const [key, text, acrossNodes] of found) seen.set(key, { text, acrossNodes });
    if (y + step >= height) break;
  }
}

/** What the tab's content script reports (PageMentions), asked the way the popup asks: from an extension page. */
export async function tabMentions(
  extensionPage: Page,
  pageUrl: string,
): Promise<{ active: boolean; entities: { entityId: string; count: number }[] }> {
  return (await askTab(extensionPage, pageUrl)).mentions;
}

/**
 * Asks the content script of the tab showing `pageUrl` for its mentions, then (`steps` > 0) steps the focus through
 * that many of them, the way the keyboard command does. Returns the tab's id too.
 */
async function askTab(
  extensionPage: Page,
  pageUrl: string,
  steps = 0,
  openCard = false,
): Promise<{
  mentions: { active: boolean; entities: { entityId: string; count: number }[] };
  tabId: number;
}> {
  return extensionPage.evaluate(
    async (url, count, card) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      type Reply = {
        res?: { url: string; active: boolean; entities: { entityId: string; count: number }[] };
      };
      const send = (tabId: number, type: string, data: unknown) =>
        api.tabs.sendMessage(tabId, { id: 1, type, data, timestamp: Date.now() }, { frameId: 0 });
      // Without the tabs permission tab URLs are hidden: ask every tab, keep the one that says it shows `url`.
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const reply = (await send(tab.id, 'getMentions', undefined)) as Reply;
          if (reply?.res?.url !== url) continue;
          for (let i = 0; i < count; i++)
            await send(tab.id, 'focusMention', { direction: 1, openCard: card });
          return { mentions: reply.res, tabId: tab.id };
        } catch {
          // No content script in that tab (an extension page, about:blank).
        }
      }
      throw new Error(`no tab answers for ${url}`);
    },
    pageUrl,
    steps,
    openCard,
  );
}

/** Steps the focus to the page's next mention and opens its card, as the keyboard command does. */
export async function openNextCard(extensionPage: Page, page: Page): Promise<void> {
  await askTab(extensionPage, page.url(), 1, true);
}

/**
 * Every mention the content script holds, keyed as in `paintedByPosition`: the focus steps through all of them (the
 * keyboard path) and the focus highlight, which is never windowed, shows each. Leaves the last one focused.
 */
export async function allMentionsByPosition(
  extensionPage: Page,
  page: Page,
): Promise<Map<string, PaintedMention>> {
  const { mentions } = await askTab(extensionPage, page.url());
  const total = mentions.entities.reduce((sum, entity) => sum + entity.count, 0);
  const seen = new Map<string, PaintedMention>();
  for (let i = 0; i < total; i++) {
    await askTab(extensionPage, page.url(), 1);
    const [key, mention] = await page.evaluate(() => {
      const path = (node: Node): string => {
        const parts: number[] = [];
        for (let n: Node | null = node; n?.parentNode; n = n.parentNode) {
          parts.push(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
        }
        return parts.reverse().join('.');
      };
      const [r] = [...(CSS.highlights.get('backstory-focus') ?? [])] as AbstractRange[];
      if (!r) return ['', { text: '', acrossNodes: false }] as const;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return [
        `${path(r.startContainer)}:${r.startOffset}`,
        { text: live.toString(), acrossNodes: r.startContainer !== r.endContainer },
      ] as const;
    });
    seen.set(key, mention);
  }
  return seen;
}

/**
 * An independent reference for what should be highlighted: one regex of every alias and exclusion (longest first,
 * each one's case rule, whole words, possessives; bench/lib/dictionary.mjs `combinedPattern`; matched exclusions
 * dropped, as bench/lib/dictionary.mjs `excludedKey` keys them) run over each visible text node
 * outside the regions Backstory must skip. It cannot see names split over inline tags, which Backstory finds too.
 * Keys as in `paintedByPosition`.
 */
export async function referenceMatches(
  page: Page,
  pattern: { pattern: string; flags: string; excluded: string[] },
): Promise<Map<string, string>> {
  const found = await page.evaluate(
    (source, flags, skipped, excluded) => {
      const out: [string, string][] = [];
      const regex = new RegExp(source, flags);
      // An exclusion ("Bank of America") matched as the longer name it is, and is not a mention.
      const isExcluded = (text: string) => {
        const plain = text
          .trim()
          .replace(/\s+/g, ' ')
          .replace(/['’‘ʼ`]/g, "'");
        return excluded.includes(`s:${plain}`) || excluded.includes(`i:${plain.toLowerCase()}`);
      };
      const path = (node: Node): string => {
        const parts: number[] = [];
        for (let n: Node | null = node; n?.parentNode; n = n.parentNode) {
          parts.push(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
        }
        return parts.reverse().join('.');
      };
      const visible = (element: Element): boolean => {
        let box: Element | null = element;
        while (box && getComputedStyle(box).display === 'contents') box = box.parentElement;
        return box === null || box.checkVisibility();
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(skipped) || !visible(parent)) continue;
        const data = (node as Text).data;
        regex.lastIndex = 0;
        for (let m = regex.exec(data); m; m = regex.exec(data)) {
          if (!isExcluded(m[0])) out.push([`${path(node)}:${m.index}`, m[0]]);
        }
      }
      return out;
    },
    pattern.pattern,
    pattern.flags,
    REFERENCE_SKIPPED,
    pattern.excluded,
  );
  return new Map(found);
}

/** Where Backstory never highlights (lib/content/scan/blocks.ts, written out again here on purpose). */
const REFERENCE_SKIPPED = [
  'input, textarea, select, option, optgroup, datalist, button, script, style, noscript, template',
  'code, pre, kbd, samp, svg, math, iframe, object, embed, canvas, video, audio, title',
  '[hidden], [contenteditable]:not([contenteditable="false"])',
].join(', ');
