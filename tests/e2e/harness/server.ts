// Local HTTP server for the real-browser tests: serves fixture and corpus pages on 127.0.0.1 and, acting as the
// browsers' proxy, refuses and records every request meant for anywhere else.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { corpusDir, fixturePagesDir } from './paths';

/** A request that reached the server as a proxy request, i.e. one meant for another host. */
export interface ProxiedRequest {
  method: string;
  /** Absolute URL, or host:port for an HTTPS CONNECT tunnel. */
  target: string;
  headers: IncomingHttpHeaders;
}

export interface TestServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** Absolute URL of a served path, e.g. url('/demo.html') or url('/corpus/bbc-1.html'). */
  url(path: string): string;
  /** Every request the browsers sent through the server as their proxy; all were refused. */
  proxied: ProxiedRequest[];
  close(): Promise<void>;
}

/** URL prefix → directory. The default serves tests/fixtures/pages at / and ../shared/corpus at /corpus/. */
export type ServerRoots = Record<string, string>;

export const defaultRoots: ServerRoots = { '/corpus/': corpusDir, '/': fixturePagesDir };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

function resolveFile(roots: ServerRoots, pathname: string): string | undefined {
  // Longest prefix first, so /corpus/ wins over /.
  const prefixes = Object.keys(roots).sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    if (!pathname.startsWith(prefix)) continue;
    const root = roots[prefix];
    if (root === undefined) continue;
    const relative = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    const file = join(root, relative === '.' || relative === '' ? 'index.html' : relative);
    // Never serve outside the root (../ in the URL).
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    return file;
  }
  return undefined;
}

/** Starts the server on 127.0.0.1 at a random free port. */
export async function startServer(roots: ServerRoots = defaultRoots): Promise<TestServer> {
  const proxied: ProxiedRequest[] = [];
  const server = createServer(async (req, res) => {
    const rawUrl = req.url ?? '/';
    // A proxy request carries an absolute URL: the browser wanted another host.
    if (!rawUrl.startsWith('/')) {
      proxied.push({ method: req.method ?? 'GET', target: rawUrl, headers: req.headers });
      res
        .writeHead(403, { 'content-type': 'text/plain' })
        .end('Blocked by the Backstory test harness');
      return;
    }
    const requested = new URL(rawUrl, 'http://127.0.0.1');
    const pathname = requested.pathname;
    const file = resolveFile(roots, pathname);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${pathname}`);
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
      // ?static: the page as its markup alone — its own scripts and frames don't run (extension content
      // scripts are not bound by a page's CSP), so its DOM can be compared byte for byte over time.
      ...(requested.searchParams.has('static')
        ? { 'content-security-policy': "script-src 'none'; frame-src 'none'; object-src 'none'" }
        : {}),
    });
    createReadStream(file).pipe(res);
  });
  // HTTPS through a proxy starts with CONNECT host:443; refuse the tunnel and remember who was asked for.
  server.on('connect', (req, socket) => {
    proxied.push({ method: 'CONNECT', target: req.url ?? '', headers: req.headers });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => new URL(path, origin).href,
    proxied,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
