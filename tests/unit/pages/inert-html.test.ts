// Inline event handlers go before the panel parses a page (Chrome reports each as a CSP violation); nothing else moves.
// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutEventHandlers } from '../../../lib/pages/inert-html';
import { findCorpusDir } from '../../../scripts/extract-eval/corpus';

describe('withoutEventHandlers', () => {
  it('drops on* attributes, quoted, unquoted or bare, and keeps every other', () => {
    expect(
      withoutEventHandlers(
        '<body onload="init()"><img src="a.png" onerror=\'x()\' alt="A > B"><a href=/x onclick=go() class=c>Link</a><button onfocus disabled>B</button></body>',
      ),
    ).toBe(
      '<body ><img src="a.png"  alt="A > B"><a href=/x  class=c>Link</a><button  disabled>B</button></body>',
    );
  });

  it('leaves text alone, however much it looks like a handler', () => {
    const html =
      '<p>a < b onclick="x" and the <b>bold</b> onion</p><script>if (a<b) el.onclick="x";</script><style>p>a{}</style><!-- <a onclick=x> --><textarea><i onclick=x></textarea><title>a <b onmouseover=x></title>';
    expect(withoutEventHandlers(html)).toBe(html);
  });

  it('finds a handler after a value holding ">" and quotes, and in upper case', () => {
    expect(withoutEventHandlers('<DIV title="a>b \'c\'" ONCLICK="x()" id=d>t</DIV>')).toBe(
      '<DIV title="a>b \'c\'"  id=d>t</DIV>',
    );
  });

  it('keeps a page without handlers as the same string, and ends at a broken tag', () => {
    const html = '<p class="x">Kyiv</p>';
    expect(withoutEventHandlers(html)).toBe(html);
    expect(withoutEventHandlers('<p onclick="x')).toBe('<p ');
  });

  it('keeps the text of every corpus page, and takes little time on the largest', () => {
    const dir = findCorpusDir(resolve(__dirname, '../../..'));
    const text = (h: string) => new DOMParser().parseFromString(h, 'text/html').body?.textContent;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.html'))) {
      const html = readFileSync(`${dir}/${file}`, 'utf8');
      const started = performance.now();
      const inert = withoutEventHandlers(html);
      const took = performance.now() - started;
      expect(inert, file).not.toMatch(/<[a-z][^<>]*\son[a-z]+\s*=\s*["'a-z]/i);
      expect(text(inert), file).toBe(text(html));
      // yahoo-2 is 1.6 MB.
      expect(took, file).toBeLessThan(300);
    }
  }, 60_000);
});
