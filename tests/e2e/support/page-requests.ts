// Tells a page's own requests from the extension's where the harness can't: the unattributed ones.
//
// Chromium opens the connections a page's <link rel=preconnect|dns-prefetch> hints name without any request the tab
// can see, and a closing tab's stragglers lose their tab; both reach the harness proxy unattributed (see
// tests/e2e/corpus.e2e.test.ts, which found them). A CONNECT to a host, or a GET of a URL, that a page's own markup
// names is that page's. Everything else unattributed still counts against the extension.
import type { Page } from 'puppeteer-core';
import type { RecordedRequest } from '../harness';

export class PagesOwnRequests {
  private readonly markup: string[] = [];

  /** `origin`: the harness server's, where the pages come from (a straggler GET names its page there). */
  constructor(private readonly origin: string) {}

  /** Remembers what `page` names now (call while it is open, before it navigates away). */
  async remember(page: Page): Promise<void> {
    this.markup.push(await page.evaluate(() => document.documentElement.outerHTML));
  }

  /** The requests of `sent` that no remembered page names. */
  notTheirs(sent: readonly RecordedRequest[]): RecordedRequest[] {
    const named = (text: string) =>
      this.markup.some(
        (html) => html.includes(text) || html.includes(text.replaceAll('&', '&amp;')),
      );
    return sent.filter(
      (request) =>
        !(
          request.source === 'unattributed' &&
          ((request.method === 'CONNECT' && named(request.url.replace(/:443$/, ''))) ||
            (request.method === 'GET' &&
              request.context.startsWith(this.origin) &&
              named(request.url)))
        ),
    );
  }
}
