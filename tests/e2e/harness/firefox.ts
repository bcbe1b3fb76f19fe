// Launches Firefox ESR with the built MV2 extension as a temporary add-on, its tabs instrumented (see session.ts).
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { findFirefox } from './find-browser';
import { NetworkLog } from './network-log';
import { firefoxExtensionDir } from './paths';
import {
  type ConsoleError,
  defaultViewport,
  type ExtensionSession,
  instrumentTab,
  type LaunchOptions,
  type Viewport,
  watchConsole,
} from './session';

/** Firefox picks a random moz-extension:// host per install unless told; tests want a stable one. */
export const firefoxExtensionUuid = '6f1c3a52-0b7e-4d5a-9c1e-8a2b4c6d8e10';

function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id)
    throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Navigates a tab to a moz-extension:// page. The page loads in the extension process, so puppeteer loses the frame
 * ("Frame detached") and goto never settles; the tab itself keeps working, so poll it until the page has loaded.
 */
async function loadExtensionPage(page: Page, url: string, timeoutMs = 10_000): Promise<void> {
  void page.goto(url).catch(() => {});
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await page
      .evaluate(() => [location.href, document.readyState] as const)
      .catch(() => undefined);
    if (state?.[0] === url && state[1] === 'complete') return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} did not load within ${timeoutMs} ms`);
}

/**
 * Errors Firefox prints on stdout (pref devtools.console.stdout.content): uncaught errors with their script URL, and
 * console.error calls without one. Only this way do the background page and extension tabs report at all.
 */
function watchStdout(process: ChildProcess | null, extensionOrigin: string): ConsoleError[] {
  const errors: ConsoleError[] = [];
  let pending = '';
  const onData = (chunk: Buffer | string): void => {
    const lines = (pending + String(chunk)).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const uncaught = /^JavaScript error: (\S+), line \d+: (.*)$/.exec(line);
      if (uncaught?.[1]?.startsWith(extensionOrigin)) {
        errors.push({ source: uncaught[1], location: uncaught[1], text: uncaught[2] ?? '' });
        continue;
      }
      const logged = /^console\.error: (.*)$/.exec(line);
      // Firefox's own modules log through named consoles ("RSLoader: …", unquoted); a page's or extension's
      // console.error prints its first argument quoted or as an object.
      if (logged && !/^[\w.-]+: /.test(logged[1] ?? '')) {
        // Unquote "…" the way Firefox prints a single string argument.
        const text = (logged[1] ?? '').replace(/^"(.*)"$/, '$1');
        errors.push({ source: `${extensionOrigin} (stdout)`, location: '', text });
      }
    }
  };
  process?.stdout?.on('data', onData);
  process?.stderr?.on('data', onData);
  return errors;
}

/**
 * Tab errors, plus stdout errors not already seen in a tab: stdout carries web pages' console.error calls too, without
 * their URL, and a page's own error must not be blamed on the extension.
 */
function mergeConsoleErrors(tab: ConsoleError[], stdout: ConsoleError[]): ConsoleError[] {
  const seenInTabs = new Set(tab.map((e) => e.text));
  return [...tab, ...stdout.filter((e) => e.location !== '' || !seenInTabs.has(e.text))];
}

export async function launchFirefox(options: LaunchOptions): Promise<ExtensionSession> {
  const { server } = options;
  const extensionDir = options.extensionDir ?? firefoxExtensionDir;
  const executablePath = findFirefox();
  const id = geckoId(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless ?? true,
    defaultViewport: null,
    // WebDriver BiDi refuses to navigate a tab to moz-extension:// pages unless system access is allowed.
    args: ['--remote-allow-system-access'],
    // Release builds ignore a changed Remote Settings server unless this is set; without it Firefox polls
    // firefox.settings.services.mozilla.com, which would reach the proxy as unattributed traffic.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'extensions.webextensions.uuids': JSON.stringify({ [id]: firefoxExtensionUuid }),
      // The background page is not a WebDriver BiDi context, so its requests can't be intercepted; send everything
      // not on 127.0.0.1 to the harness instead, which refuses and records it (localhost is never proxied).
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': server.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': server.port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.allow_hijacking_localhost': false,
      // No DNS for proxied names: the harness sees the host as asked.
      'network.proxy.socks_remote_dns': true,
      'network.captive-portal-service.enabled': false,
      // Print console output of the background and extension pages, which BiDi can't see (watchStdout).
      'devtools.console.stdout.content': true,
      'network.connectivity-service.enabled': false,
      ...options.firefoxPrefs,
    },
  });
  const extensionOrigin = `moz-extension://${firefoxExtensionUuid}`;
  // Before the install, so errors while the background starts are caught.
  const stdoutErrors = watchStdout(browser.process(), extensionOrigin);
  try {
    const extensionId = await browser.installExtension(extensionDir);
    const network = new NetworkLog(server);
    const consoleErrors: ConsoleError[] = [];
    const newPage = async (viewport: Viewport = defaultViewport): Promise<Page> => {
      const page = await browser.newPage();
      await instrumentTab(page, server, network, consoleErrors);
      await page.setViewport(viewport);
      return page;
    };
    return {
      kind: 'firefox',
      browser,
      server,
      extensionId,
      extensionOrigin,
      network,
      get consoleErrors() {
        return mergeConsoleErrors(consoleErrors, stdoutErrors);
      },
      newPage,
      async openServedPage(path, viewport) {
        const page = await newPage(viewport);
        await page.goto(server.url(path), { waitUntil: 'load' });
        return page;
      },
      async openExtensionPage(name, viewport) {
        // No tab interception here: BiDi would hold the page's own moz-extension:// loads. Whatever an extension
        // page asks of the network still reaches the proxy and is counted against the extension.
        const page = await browser.newPage();
        watchConsole(page, consoleErrors);
        await page.setViewport(viewport ?? defaultViewport);
        await loadExtensionPage(page, `${extensionOrigin}/${name}.html`);
        return page;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
