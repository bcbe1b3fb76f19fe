// Owns the page's Highlight objects: one per entity kind and one for the focused mention. Never touches the DOM.

import { FOCUS_HIGHLIGHT, highlightCss, highlightName } from '../../shared/highlight-css';
import { ENTITY_KINDS, type EntityKind, type KindStyles } from '../../shared/kinds';

/** The subset of the CSS Custom Highlight API this module needs (lets tests pass a fake). */
export interface HighlightEnv {
  registry: HighlightRegistry;
  createHighlight(): Highlight;
  createStyleSheet(): CSSStyleSheet;
  /**
   * The CSS the browser already applies to the document from the start: the default ::highlight rules, shipped as
   * the content script's manifest CSS (see wxt.config.ts). While the styles are these, the document needs no
   * adopted sheet (adopting one into a loaded page restyles all of it: 49 ms on the 1 MB bench page).
   */
  documentCss?: string;
}

export function browserHighlightEnv(
  win: Window & typeof globalThis,
  documentCss?: string,
): HighlightEnv | null {
  if (!('highlights' in win.CSS) || typeof win.Highlight !== 'function') return null;
  return {
    registry: win.CSS.highlights,
    createHighlight: () => new win.Highlight(),
    createStyleSheet: () => new win.CSSStyleSheet(),
    documentCss,
  };
}

export class Highlighter {
  readonly #byKind = new Map<EntityKind, Highlight>();
  readonly #focus: Highlight;
  readonly #sheet: CSSStyleSheet;
  /** The CSS text the sheet holds: setting the same again would still restyle the page. */
  #css: string | null = null;
  #styles: KindStyles | null = null;
  /** The `css` the sheet was last filled for (null: never filled). */
  #sheetCss: string | null = null;
  readonly #adopted = new Set<Document | ShadowRoot>();
  readonly #env: HighlightEnv;

  constructor(env: HighlightEnv) {
    this.#env = env;
    for (const kind of ENTITY_KINDS) {
      const highlight = env.createHighlight();
      this.#byKind.set(kind, highlight);
    }
    this.#focus = env.createHighlight();
    this.#focus.priority = 1;
    this.#sheet = env.createStyleSheet();
  }

  /** Registers the highlights (they paint from now on). */
  attach(): void {
    for (const [kind, highlight] of this.#byKind)
      this.#env.registry.set(highlightName(kind), highlight);
    this.#env.registry.set(FOCUS_HIGHLIGHT, this.#focus);
  }

  /** Unregisters everything: the page looks exactly as it did before. */
  detach(): void {
    for (const kind of this.#byKind.keys()) this.#env.registry.delete(highlightName(kind));
    this.#env.registry.delete(FOCUS_HIGHLIGHT);
    for (const root of this.#adopted) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.#sheet);
    }
    this.#adopted.clear();
  }

  setStyles(styles: KindStyles): void {
    const css = highlightCss(styles);
    if (css === this.#css) return;
    this.#css = css;
    this.#styles = styles;
    for (const root of this.#adopted) this.#sync(root);
  }

  /**
   * Makes the ::highlight rules apply inside `root`. Document styles do not reach into shadow
   * roots (and Firefox does not carry ::highlight across them), so each scanned root adopts the sheet;
   * the document only while its styles differ from the ones the browser already applies.
   */
  adoptInto(root: Document | ShadowRoot): void {
    this.#adopted.add(root);
    this.#sync(root);
  }

  #sync(root: Document | ShadowRoot): void {
    const needed = root.nodeType !== 9 || this.#css !== this.#env.documentCss;
    // The sheet is filled when some root needs it: with the defaults and no shadow root, never (parsing it cost
    // a good part of the first task's millisecond).
    if (needed && this.#sheetCss !== this.#css && this.#styles) {
      this.#sheet.replaceSync(highlightCss(this.#styles, true));
      this.#sheetCss = this.#css;
    }
    // Checked on the root, not remembered: a page may have replaced its adopted sheets since.
    const has = root.adoptedStyleSheets.includes(this.#sheet);
    if (needed && !has) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
    else if (!needed && has)
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.#sheet);
  }

  add(kind: EntityKind, range: AbstractRange): void {
    this.#byKind.get(kind)?.add(range);
  }

  delete(kind: EntityKind, range: AbstractRange): void {
    this.#byKind.get(kind)?.delete(range);
  }

  clear(): void {
    for (const highlight of this.#byKind.values()) highlight.clear();
    this.#focus.clear();
  }

  setFocus(range: AbstractRange | null): void {
    this.#focus.clear();
    if (range) this.#focus.add(range);
  }
}
