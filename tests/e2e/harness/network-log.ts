// The record of every request a browser tried to send off 127.0.0.1, with who sent it: the page or the extension.
import type { ProxiedRequest, TestServer } from './server';

/**
 * page: the web page's own request (its HTML, its scripts) — the page's business.
 * extension: made by the extension (background, its pages, or code from an extension script in the page).
 * unattributed: reached the network (the harness proxy) without passing an interception point that could name its
 *   sender, e.g. a background page Firefox does not expose. Counted against the extension: the browser's own
 *   background traffic is switched off, so nothing else should send it.
 */
export type RequestSource = 'page' | 'extension' | 'unattributed';

export interface RecordedRequest {
  url: string;
  method: string;
  source: RequestSource;
  /** What we know about the sender: the document or worker URL, or the initiating script. */
  context: string;
  /** The interception point that saw it, e.g. 'page-interception', 'service-worker-fetch', 'proxy'. */
  via: string;
}

/**
 * Requests seen by the browser's interception points, plus those that reached the harness proxy since this log was
 * made. A server shared by two browsers at once would count the proxy's requests in both logs: conservative.
 */
export class NetworkLog {
  readonly #intercepted: RecordedRequest[] = [];
  readonly #server: TestServer;
  #proxiedFrom: number;

  constructor(server: TestServer) {
    this.#server = server;
    this.#proxiedFrom = server.proxied.length;
  }

  record(request: RecordedRequest): void {
    this.#intercepted.push(request);
  }

  get requests(): RecordedRequest[] {
    const proxied = this.#server.proxied.slice(this.#proxiedFrom).map(fromProxy);
    return [...this.#intercepted, ...proxied];
  }

  fromPage(): RecordedRequest[] {
    return this.requests.filter((r) => r.source === 'page');
  }

  /** Requests the extension made, including unattributed ones (see RequestSource). */
  fromExtension(): RecordedRequest[] {
    return this.requests.filter((r) => r.source !== 'page');
  }

  clear(): void {
    this.#intercepted.length = 0;
    this.#proxiedFrom = this.#server.proxied.length;
  }
}

function fromProxy(request: ProxiedRequest): RecordedRequest {
  // Browsers send the extension's origin on its CORS requests; without it nobody can vouch for the sender.
  const origin = String(request.headers.origin ?? request.headers.referer ?? '');
  return {
    url: request.target,
    method: request.method,
    source: isExtensionUrl(origin) ? 'extension' : 'unattributed',
    context: origin || '(sender unknown)',
    via: 'proxy',
  };
}

const extensionSchemes = ['chrome-extension:', 'moz-extension:'];

export function isExtensionUrl(url: string | undefined): boolean {
  return !!url && extensionSchemes.some((scheme) => url.startsWith(scheme));
}

/** URLs that never touch the network, so there is nothing to block. */
export function isLocalOnlyUrl(url: string, serverOrigin: string): boolean {
  return (
    url.startsWith(`${serverOrigin}/`) ||
    url === serverOrigin ||
    /^(data|blob|about|chrome|chrome-extension|moz-extension|resource|devtools):/.test(url)
  );
}
