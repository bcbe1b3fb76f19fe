// Site keys as people read them: international names in Unicode (keys are stored in punycode), and the list search.
import { siteKey } from './site-key';

// RFC 3492 parameters.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  for (; d > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) d = Math.floor(d / (BASE - T_MIN));
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22; // 0-9 → 26-35
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  return BASE;
}

/**
 * Decodes one punycode label (without its "xn--"), or null if it is not valid punycode. Browsers encode
 * (the URL parser) but offer no decoder, hence these thirty lines.
 */
export function decodePunycode(input: string): string | null {
  const output: number[] = [];
  const basicEnd = Math.max(0, input.lastIndexOf('-'));
  for (let j = 0; j < basicEnd; j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let at = basicEnd > 0 ? basicEnd + 1 : 0; at < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (at >= input.length) return null;
      const digit = digitOf(input.charCodeAt(at++));
      if (digit >= BASE || digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    n += Math.floor(i / length);
    if (n > 0x10ffff) return null;
    i %= length;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/**
 * The site key as a reader would write it: "xn--mnchen-3ya.de" → "münchen.de". The key itself if any
 * label does not decode, or if the Unicode form would not normalise back to the same key (then showing
 * it would misrepresent what is stored).
 */
export function siteLabel(key: string): string {
  if (!key.includes('xn--')) return key;
  const labels = key
    .split('.')
    .map((label) => (label.startsWith('xn--') ? decodePunycode(label.slice(4)) : label));
  if (labels.some((label) => !label)) return key;
  const label = labels.join('.');
  const back = siteKey(label);
  return back.ok && back.value === key ? label : key;
}

/**
 * Whether the site-list search `query` finds `key`: as typed (lower case, Unicode NFC) in the key or in
 * its Unicode form, or — for a hostname or address such as "https://www.münchen.de/" — by its site key.
 */
export function siteMatches(key: string, query: string): boolean {
  const needle = query.trim().normalize('NFC').toLowerCase();
  if (needle === '') return true;
  if (key.includes(needle) || siteLabel(key).toLowerCase().includes(needle)) return true;
  const asKey = siteKey(needle);
  return asKey.ok && key.includes(asKey.value);
}
