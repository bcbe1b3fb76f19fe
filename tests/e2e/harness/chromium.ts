// Launches Chromium with the built MV3 extension, every tab and extension worker instrumented (see session.ts).
import puppeteer, { type Page, type Target } from 'puppeteer-core';
import { findChromium } from './find-browser';
import { isExtensionUrl, isLocalOnlyUrl, NetworkLog } from './network-log';
import { chromeExtensionDir } from './paths';
import type { TestServer } from './server';
import {
  type ConsoleError,
  defaultViewport,
  type ExtensionSession,
  instrumentTab,
  type LaunchOptions,
  type Viewport,
} from './session';

// A closed port on loopback: Google service URLs pointed here fail at once without touching the network.
const nowhere = 'http://127.0.0.1:9/';
// Switch off Chromium's own background traffic (network time, component and account services), so anything
// reaching the harness proxy is the extension's. Checked: with these, an idle browser sends nothing.
const quietFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  // Puppeteer merges this with its own --disable-features list.
  '--disable-features=NetworkTimeServiceQuerying,AutofillServerCommunication,IsolateOrigins,site-per-process,LoadingPredictorUseLocalPredictions,LoadingPredictorPrefetch,NavigationPredictor,Prerender2',
  // No speculative connections learnt from earlier pages of 127.0.0.1: they would reach the proxy unattributed.
  '--dns-prefetch-disable',
  // Cross-site iframes in the page's own process, so tab interception sees (and blames on the page) their requests.
  '--disable-site-isolation-trials',
  `--component-updater=url-source=${nowhere}`,
  `--gaia-url=${nowhere}`,
  `--google-apis-url=${nowhere}`,
  `--lso-url=${nowhere}`,
];

/** Blocks and records off-server requests of an extension worker or background page through CDP's Fetch domain. */
async function instrumentWorker(
  target: Target,
  server: TestServer,
  network: NetworkLog,
  consoleErrors: ConsoleError[],
): Promise<void> {
  const context = target.url();
  const session = await target.createCDPSession();
  session.on('Fetch.requestPaused', (event) => {
    const { url, method } = event.request;
    if (isLocalOnlyUrl(url, server.origin)) {
      void session.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => {});
      return;
    }
    network.record({ url, method, source: 'extension', context, via: 'worker-fetch-interception' });
    void session
      .send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' })
      .catch(() => {});
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  const worker = await target.worker();
  worker?.on('console', (message) => {
    if (message.type() !== 'error') return;
    consoleErrors.push({
      source: context,
      location: message.location().url ?? '',
      text: message.text(),
    });
  });
}

export async function launchChromium(options: LaunchOptions): Promise<ExtensionSession> {
  const { server } = options;
  const executablePath = findChromium();
  const browser = await puppeteer.launch({
    executablePath,
    headless: options.headless ?? true,
    userDataDir: options.userDataDir,
    // Loading extensions needs the pipe transport.
    pipe: true,
    enableExtensions: true,
    defaultViewport: null,
    args: [
      ...quietFlags,
      `--window-size=${defaultViewport.width},${defaultViewport.height}`,
      // Everything not on 127.0.0.1 goes to the harness, which refuses and records it (loopback bypasses proxies).
      `--proxy-server=http://127.0.0.1:${server.port}`,
    ],
  });
  const network = new NetworkLog(server);
  const consoleErrors: ConsoleError[] = [];
  const tabs = new WeakMap<Page, Promise<void>>();
  const instrumented = (page: Page): Promise<void> => {
    let ready = tabs.get(page);
    if (!ready) {
      ready = instrumentTab(page, server, network, consoleErrors);
      tabs.set(page, ready);
    }
    return ready;
  };
  const pending: Promise<unknown>[] = [];
  const onTarget = (target: Target): void => {
    const type = target.type();
    if ((type === 'service_worker' || type === 'background_page') && isExtensionUrl(target.url())) {
      pending.push(instrumentWorker(target, server, network, consoleErrors).catch(() => {}));
    } else if (type === 'page') {
      // Tabs the extension opens itself are watched too.
      pending.push(
        target
          .page()
          .then((page) => page && instrumented(page))
          .catch(() => {}),
      );
    }
  };
  browser.on('targetcreated', onTarget);
  try {
    // Installing after launch (not via the launch option) lets the worker be watched from its first request.
    const extensionId = await browser.installExtension(options.extensionDir ?? chromeExtensionDir);
    const extensionOrigin = `chrome-extension://${extensionId}`;
    await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`${extensionOrigin}/`),
      { timeout: 10_000 },
    );
    await Promise.all(pending);
    const newPage = async (viewport: Viewport = defaultViewport): Promise<Page> => {
      const page = await browser.newPage();
      await instrumented(page);
      await page.setViewport(viewport);
      return page;
    };
    return {
      kind: 'chromium',
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
        const page = await newPage(viewport);
        await page.goto(`${extensionOrigin}/${name}.html`, { waitUntil: 'load' });
        return page;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
