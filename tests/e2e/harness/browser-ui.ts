// What a test can only do as the browser itself, in both browsers: prefer a colour scheme, save downloads to a
// folder, and in Firefox run script in the browser's own window (its prefs, its content-area context menu).
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { ExtensionSession } from './session';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** A raw WebDriver BiDi command to a Firefox session (puppeteer's BiDi browser keeps its connection public, untyped). */
export async function sendBidi(
  session: ExtensionSession,
  method: string,
  params: object,
): Promise<unknown> {
  if (session.kind !== 'firefox')
    throw new Error(`${method}: WebDriver BiDi is the Firefox session's`);
  const { connection } = session.browser as unknown as { connection: BidiConnection };
  return (await connection.send(method, params)).result;
}

interface ScriptResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/**
 * Runs `fn` in Firefox's browser window (chrome://browser/content/browser.xhtml) with the privileges of the browser's
 * own UI: `Services`, `SidebarController`, the content-area context menu. WebDriver BiDi lists that window when asked
 * for the "chrome" scope (`moz:scope`, a Firefox extension to the protocol), which it allows because the harness starts
 * Firefox with --remote-allow-system-access. `fn` is sent as source: it sees only its JSON arguments, returns JSON.
 */
export async function inFirefoxChrome<A extends unknown[], R>(
  session: ExtensionSession,
  fn: (...args: A) => R | Promise<R>,
  ...args: A
): Promise<R> {
  const tree = (await sendBidi(session, 'browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no Firefox browser window in the chrome scope');
  const outcome = (await sendBidi(session, 'script.callFunction', {
    functionDeclaration: `async (json) => JSON.stringify(await (${fn.toString()})(...JSON.parse(json)))`,
    arguments: [{ type: 'string', value: JSON.stringify(args) }],
    awaitPromise: true,
    target: { context: window.context },
    resultOwnership: 'none',
  })) as ScriptResult;
  if (outcome.type === 'exception') {
    throw new Error(`in Firefox's window: ${outcome.exceptionDetails?.text ?? 'an exception'}`);
  }
  const json = outcome.result?.value;
  return (typeof json === 'string' ? JSON.parse(json) : undefined) as R;
}

/**
 * Makes `page` see `prefers-color-scheme: scheme` (null: as the system has it). Chromium emulates it for that page;
 * Firefox has no BiDi command for it, so its own "Website appearance" setting is changed, which every tab (extension
 * pages included) follows.
 */
export async function preferColorScheme(
  session: ExtensionSession,
  page: Page,
  scheme: 'light' | 'dark' | null,
): Promise<void> {
  if (session.kind === 'chromium') {
    await page.emulateMediaFeatures(
      scheme ? [{ name: 'prefers-color-scheme', value: scheme }] : [],
    );
    return;
  }
  await inFirefoxChrome(
    session,
    (value: number | null) => {
      const { Services } = globalThis as unknown as {
        Services: {
          prefs: {
            setIntPref(name: string, value: number): void;
            clearUserPref(name: string): void;
          };
        };
      };
      // 0 dark, 1 light; cleared: follow the browser's theme.
      const pref = 'layout.css.prefers-color-scheme.content-override';
      if (value === null) Services.prefs.clearUserPref(pref);
      else Services.prefs.setIntPref(pref, value);
    },
    scheme === null ? null : scheme === 'dark' ? 0 : 1,
  );
  await page.waitForFunction(
    (wanted) => wanted === null || matchMedia(`(prefers-color-scheme: ${wanted})`).matches,
    { timeout: 5_000, polling: 50 },
    scheme,
  );
}

/**
 * Runs `action` (which makes `page` download a file) and resolves with the path of the file saved in `into`, a new
 * folder: Chromium's CDP download events there, WebDriver BiDi's browser.setDownloadBehavior in Firefox, which writes
 * beside a `.part` file until it is done.
 */
export async function nextDownload(
  session: ExtensionSession,
  page: Page,
  into: string,
  action: () => Promise<void>,
): Promise<string> {
  await mkdir(into, { recursive: true });
  if (session.kind === 'chromium') {
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', {
      behavior: 'allow',
      downloadPath: into,
      eventsEnabled: true,
    });
    const done = new Promise<void>((resolve) => {
      cdp.on('Browser.downloadProgress', (event) => {
        if (event.state === 'completed') resolve();
      });
    });
    await action();
    await done;
  } else {
    await sendBidi(session, 'browser.setDownloadBehavior', {
      downloadBehavior: { type: 'allowed', destinationFolder: into },
    });
    await action();
    await until(10_000, async () => {
      const files = await readdir(into);
      if (files.length === 0 || files.some((file) => file.endsWith('.part'))) return false;
      return (await Promise.all(files.map(async (f) => (await stat(join(into, f))).size))).every(
        (size) => size > 0,
      );
    });
  }
  const files = (await readdir(into)).filter((file) => !file.endsWith('.crdownload'));
  if (files.length !== 1)
    throw new Error(`expected one download in ${into}, found ${files.join(', ')}`);
  return join(into, files[0] as string);
}

async function until(timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
