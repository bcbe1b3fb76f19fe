import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptEarlySheet, earlySheet } from '../../../lib/highlight/early-sheet';
import { Highlighter } from '../../../lib/highlight/highlighter';
import { DEFAULT_HIGHLIGHT_STYLES, highlightCss } from '../../../lib/highlight/styles';
import { fakeHighlightEnv } from './fake-env';

describe('the highlight sheet adopted at document start', () => {
  afterEach(() => {
    document.adoptedStyleSheets = [];
    delete (window as { __backstoryEarlySheet?: unknown }).__backstoryEarlySheet;
  });

  it('is adopted once with the default rules and handed to the main content script', () => {
    const early = adoptEarlySheet(window);
    expect(early?.css).toBe(highlightCss(DEFAULT_HIGHLIGHT_STYLES));
    expect(document.adoptedStyleSheets).toEqual([early?.sheet]);
    expect(earlySheet(window)).toBe(early);
  });

  it('is reused: default styles leave it alone, adopting again adds nothing, other styles replace its rules', () => {
    const early = adoptEarlySheet(window);
    if (!early) throw new Error('no early sheet');
    const replace = vi.spyOn(early.sheet, 'replaceSync');
    const highlighter = new Highlighter({ ...fakeHighlightEnv(), early });
    highlighter.setStyles(DEFAULT_HIGHLIGHT_STYLES);
    highlighter.adoptInto(document);
    expect(replace).not.toHaveBeenCalled();
    expect(document.adoptedStyleSheets).toEqual([early.sheet]);

    const custom = {
      ...DEFAULT_HIGHLIGHT_STYLES,
      place: { color: '#123456', mode: 'underline' } as const,
    };
    highlighter.setStyles(custom);
    expect(replace).toHaveBeenCalledWith(highlightCss(custom));
  });

  it('comes back if the page replaced its adopted sheets, and goes when highlighting is switched off', () => {
    const early = adoptEarlySheet(window);
    if (!early) throw new Error('no early sheet');
    const highlighter = new Highlighter({ ...fakeHighlightEnv(), early });
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    highlighter.adoptInto(document);
    expect(document.adoptedStyleSheets).toEqual([pageSheet, early.sheet]);
    highlighter.detach();
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
  });
});
