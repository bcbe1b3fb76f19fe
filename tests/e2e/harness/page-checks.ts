// What a test looks at in a page: is the content script running, and a screenshot of what a user would see.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { artifactsDir } from './paths';

/**
 * True once the content script has run in the page: either its probe attribute is set, or CSS.highlights holds a
 * non-empty highlight whose name starts with "backstory" (the real highlighter).
 */
export async function contentScriptIsRunning(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    if (document.documentElement.dataset.backstoryProbe === '1') return true;
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return false;
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('backstory') && highlight.size > 0) return true;
    }
    return false;
  });
}

/** Waits (polling) until contentScriptIsRunning; false if it never happened within the timeout. */
export async function waitForContentScript(page: Page, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await contentScriptIsRunning(page)) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return contentScriptIsRunning(page);
}

/** Names of the highlights registered in CSS.highlights with how many ranges each holds. */
export async function highlightCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return counts;
    for (const [name, highlight] of CSS.highlights) counts[name] = highlight.size;
    return counts;
  });
}

/** Saves a PNG of the page's viewport under artifacts/ (name may contain folders) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(artifactsDir, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path: path as `${string}.png` });
  return path;
}
