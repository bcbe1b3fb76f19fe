// The pages the bench loads: the corpus, the demo page, and generated ones (dense news text of a given size, 200,000 small text nodes), served from 127.0.0.1.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { random } from './dictionary.mjs';

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The seed article's paragraphs (its body: the title line and the unrelated last headline dropped). */
export function seedParagraphs(seedFile) {
  const lines = readFileSync(seedFile, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.slice(1, -1);
}

function shell(title, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:760px;margin:0 auto;padding:16px}h2{font-size:22px}</style>
</head><body>
${body}
</body></html>
`;
}

/**
 * A news page of about `bytes` bytes: the seed's paragraphs in shuffled sections, some names
 * inside links, as dense with entity names as the article itself.
 */
export function densePage(paragraphs, bytes) {
  const next = random(bytes);
  const parts = [];
  let size = 0;
  let section = 0;
  while (size < bytes) {
    const out = [
      `<section><h2>Section ${++section}: ${escapeHtml(paragraphs[section % paragraphs.length].slice(0, 60))}</h2>`,
    ];
    for (let i = 0; i < 8; i++) {
      let p = escapeHtml(paragraphs[Math.floor(next() * paragraphs.length)]);
      // Links around whole names, as news sites do (the name stays one text node).
      if (next() < 0.5) p = p.replace(/\b(Kyiv|Putin|Zelenskyy|Trump)\b/, '<a href="#t">$1</a>');
      out.push(`<p>${p}</p>`);
    }
    out.push('</section>');
    const html = out.join('\n');
    parts.push(html);
    size += Buffer.byteLength(html);
  }
  return shell(
    `Dense page, ${Math.round(bytes / 1024)} KB`,
    `<main><article>${parts.join('\n')}</article></main>`,
  );
}

/** 200,000 text nodes: every word of the seed in its own <span>, 50 to a paragraph (names span several nodes). */
export function manyNodesPage(paragraphs, nodes = 200_000) {
  const words = paragraphs.join(' ').split(/\s+/);
  const out = [];
  let w = 0;
  for (let n = 0; n < nodes; ) {
    const spans = [];
    for (let i = 0; i < 50 && n < nodes; i++, n++)
      spans.push(`<span>${escapeHtml(words[w++ % words.length])} </span>`);
    out.push(`<p>${spans.join('')}</p>`);
  }
  return shell('200,000 text nodes', `<main>${out.join('\n')}</main>`);
}

/** About `bytes` of article HTML to append to a live page. */
export function appendChunk(paragraphs, bytes, salt) {
  const next = random(salt);
  const out = [];
  let size = 0;
  while (size < bytes) {
    const p = `<p>${escapeHtml(paragraphs[Math.floor(next() * paragraphs.length)])}</p>`;
    out.push(p);
    size += Buffer.byteLength(p);
  }
  return `<section class="appended">${out.join('')}</section>`;
}

/**
 * The corpus pages' scripts are removed before serving: their remote parts cannot load here anyway,
 * and what is left (timers, DOM writes) would make page loads slow and runs of the same page differ.
 */
export function withoutScripts(html) {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}

/** Starts the page server; `generated` maps a path (/gen/x.html) to HTML. */
export function servePages({ corpusDir, demoFile, generated }) {
  const corpus = new Set(
    existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.html')) : [],
  );
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let body = null;
    if (generated.has(path)) body = generated.get(path);
    else if (path === '/demo.html') body = readFileSync(demoFile);
    else if (path.startsWith('/corpus/') && corpus.has(path.slice(8)))
      body = withoutScripts(readFileSync(join(corpusDir, path.slice(8)), 'utf8'));
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        corpus: [...corpus].sort(),
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}
