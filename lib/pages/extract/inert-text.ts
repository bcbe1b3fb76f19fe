// Turns page text into inert plain text the dataset format accepts: no bidi overrides, no control characters, bounded lengths.
//
// Why strip bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C): an override
// makes a name or quote display as something other than its characters ("Trojan Source"), and
// no reader needs them to read news text; the letters themselves carry their direction.
// Whitespace runs (NBSP and friends included) become one space, as a browser renders them.
import { activeContentReason } from '../../shared/kb/schema';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// C0 and C1 controls, except tab, line feed and carriage return (whitespace, collapsed below).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const WHITESPACE_RUN = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/** One line of plain text: controls and bidi overrides removed, whitespace runs as one space, trimmed. */
export function cleanLine(raw: string): string {
  return raw.replace(BIDI_CONTROLS, '').replace(CONTROLS, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** `text` cut to at most `max` characters at a word boundary, with "…" when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A short, single-line preview for an omission notice. */
export function preview(text: string): string {
  return shorten(cleanLine(text), 80);
}

/** Why the dataset format would refuse `text` (active content such as "<script"), or null. */
export function refusal(text: string): string | null {
  return activeContentReason(text);
}

/** `text` as an optional plain-text field: cleaned, bounded, and dropped when empty or refused. */
export function optionalField(text: string | null | undefined, max: number): string | undefined {
  if (!text) return undefined;
  const line = shorten(cleanLine(text), max);
  if (line === '' || refusal(line) !== null) return undefined;
  return line;
}
