// The highlighter's stylesheet: the browser applies the default rules to the document from the start (manifest
// CSS), so the document adopts a sheet only for other styles; shadow roots, which no document CSS reaches, always.

import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter } from '../../../../lib/content/highlight/highlighter';
import { DEFAULT_HIGHLIGHT_CSS, highlightCss } from '../../../../lib/shared/highlight-css';
import { DEFAULT_KIND_STYLES } from '../../../../lib/shared/kinds';
import { fakeHighlightEnv } from './fake-env';

const custom = {
  ...DEFAULT_KIND_STYLES,
  place: { color: '#123456', mode: 'underline' } as const,
};

describe('Highlighter stylesheet', () => {
  afterEach(() => {
    document.adoptedStyleSheets = [];
    document.body.innerHTML = '';
  });

  it('adopts nothing into the document while the styles are the defaults it already has, nor parses its sheet', () => {
    const env = { ...fakeHighlightEnv(), documentCss: DEFAULT_HIGHLIGHT_CSS };
    const highlighter = new Highlighter(env);
    highlighter.setStyles(DEFAULT_KIND_STYLES);
    highlighter.adoptInto(document);
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(env.sheet().css).toBe('');
  });

  it('adopts its sheet for other styles, live, and takes it back when the defaults return', () => {
    const env = { ...fakeHighlightEnv(), documentCss: DEFAULT_HIGHLIGHT_CSS };
    const highlighter = new Highlighter(env);
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    highlighter.setStyles(DEFAULT_KIND_STYLES);
    highlighter.adoptInto(document);
    highlighter.setStyles(custom);
    expect(document.adoptedStyleSheets).toEqual([pageSheet, env.sheet()]);
    // Marked important: it must win over the manifest's defaults in either browser's cascade order.
    expect(env.sheet().css).toBe(highlightCss(custom, true));
    expect(env.sheet().css).toContain('text-decoration: underline 2px #123456 !important');
    highlighter.setStyles(DEFAULT_KIND_STYLES);
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
  });

  it('always adopts into shadow roots, and everywhere where the document has no rules of its own', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const env = { ...fakeHighlightEnv(), documentCss: DEFAULT_HIGHLIGHT_CSS };
    const highlighter = new Highlighter(env);
    highlighter.setStyles(DEFAULT_KIND_STYLES);
    highlighter.adoptInto(root);
    expect(root.adoptedStyleSheets).toEqual([env.sheet()]);

    const bare = fakeHighlightEnv();
    const plain = new Highlighter(bare);
    plain.setStyles(DEFAULT_KIND_STYLES);
    plain.adoptInto(document);
    expect(document.adoptedStyleSheets).toEqual([bare.sheet()]);
    plain.detach();
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  it('comes back if the page replaced its adopted sheets', () => {
    const env = fakeHighlightEnv();
    const highlighter = new Highlighter(env);
    highlighter.setStyles(custom);
    highlighter.adoptInto(document);
    document.adoptedStyleSheets = [];
    highlighter.adoptInto(document);
    expect(document.adoptedStyleSheets).toEqual([env.sheet()]);
  });

  it('gives an underline style no background, so the default background under it does not show', () => {
    expect(highlightCss(custom)).toMatch(
      /::highlight\(backstory-place\) \{ background-color: transparent; text-decoration: underline 2px #123456;/,
    );
  });
});
