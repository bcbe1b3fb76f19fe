// The ::highlight() rules that colour mentions, one highlight name per entity kind plus one for focus.
import {
  DEFAULT_KIND_STYLES,
  ENTITY_KINDS,
  type EntityKind,
  type KindStyle,
  type KindStyles,
} from './kinds';

/** Used when a stored colour is not #rrggbb (the settings schema rejects those; this guards the stylesheet anyway). */
const FALLBACK: KindStyle = { color: '#9b51e0', mode: 'background' };

const PREFIX = 'backstory-';
export const FOCUS_HIGHLIGHT = `${PREFIX}focus`;

export function highlightName(kind: EntityKind): string {
  return `${PREFIX}${kind}`;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function rule(name: string, style: KindStyle | undefined, important: string): string {
  const { mode } = style ?? FALLBACK;
  // Only #rrggbb reaches the stylesheet: a stored value can never inject CSS.
  const color = style && HEX_COLOUR.test(style.color) ? style.color : FALLBACK.color;
  // color-mix keeps the user's colour but lets the page's text and background show through.
  return mode === 'background'
    ? `::highlight(${name}) { background-color: color-mix(in srgb, ${color} 30%, transparent)${important}; }`
    : // No background: the default rules the browser already applies (all backgrounds) must not show through.
      `::highlight(${name}) { background-color: transparent${important}; text-decoration: underline 2px ${color}${important}; text-underline-offset: 2px${important}; }`;
}

/** The default rules: shipped as the content script's manifest CSS, so pages are styled with them from the start. */
export const DEFAULT_HIGHLIGHT_CSS = highlightCss(DEFAULT_KIND_STYLES);

/**
 * CSS text for every kind plus the focus highlight (which always wins: it is registered last with a higher priority).
 * `important` for a sheet that must win over the manifest's defaults: the browsers order extension CSS and adopted
 * sheets differently (in Firefox the defaults won over an adopted sheet; tests/e2e/highlight.e2e.test.ts checks it).
 */
export function highlightCss(styles: KindStyles, important = false): string {
  const bang = important ? ' !important' : '';
  const kinds = ENTITY_KINDS.map((kind) => rule(highlightName(kind), styles[kind], bang));
  kinds.push(
    `::highlight(${FOCUS_HIGHLIGHT}) { background-color: color-mix(in srgb, #ff7a00 55%, transparent)${bang}; text-decoration: underline 2px #ff7a00${bang}; }`,
  );
  return kinds.join('\n');
}
