// What a reader does in an extension page, as e2e tests do it: wait for words, press a control by its name, wait
// for a heading. Polled from the test process (in-page waiting is unreliable over Firefox's WebDriver BiDi).
import type { Page } from 'puppeteer-core';
import { visibleText } from '../panel-support';
import { until } from './poll';

/** The page's visible text once it holds `wanted`. */
export async function textOf(
  page: Page,
  wanted: string | RegExp,
  timeout = 20_000,
): Promise<string> {
  return until(
    `${String(wanted)} in ${page.url()}`,
    () => visibleText(page),
    (text) => (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text)),
    timeout,
  );
}

/** Clicks the control whose accessible name is `name` (the way a reader finds it). */
export async function press(page: Page, name: string): Promise<void> {
  const control = await page.waitForSelector(`::-p-aria(${name})`, { timeout: 10_000 });
  if (!control) throw new Error(`no control named ${name}`);
  await control.click();
  void control.dispose();
}

/** The level-1 heading's text once it is `wanted` (polled from the test: in-page waiting is unreliable over BiDi). */
export function heading(
  page: Page,
  wanted: string | ((text: string) => boolean),
  timeout = 30_000,
): Promise<string> {
  return until(
    `heading ${String(wanted)}`,
    () => page.evaluate(() => document.querySelector('h1')?.textContent ?? ''),
    (text) => (typeof wanted === 'string' ? text === wanted : wanted(text)),
    timeout,
  );
}
