// Launches Firefox ESR with the built MV2 extension as a temporary add-on, its tabs instrumented (see session.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import type { LaunchOptions } from './chromium';
import { findFirefox } from './find-browser';
import { NetworkLog } from './network-log';
import { firefoxExtensionDir } from './paths';
import {
  type ConsoleError,
  defaultViewport,
  type ExtensionSession,
  instrumentTab,
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
      'network.connectivity-service.enabled': false,
    },
  });
  try {
    const extensionId = await browser.installExtension(extensionDir);
    const extensionOrigin = `moz-extension://${firefoxExtensionUuid}`;
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
      consoleErrors,
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
