// Site keys: the one normalised form of a hostname that the site list stores and matches against.
import { err, ok, type Result } from './result';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Normalises what a user typed (a hostname or a URL) into a site key: lower case, punycode for
 * international names, no `www.`, no trailing dot, no port, no path. Anything that is not an
 * http(s) site comes back as a message saying what is wrong.
 */
export function siteKey(input: string): Result<string, string> {
  let text = input.trim();
  if (text === '') return err('Type a site, for example example.com or https://example.com/news.');
  // "*.example.com" means the same as "example.com": listed sites always cover their subdomains.
  text = text.replace(/^\*\./, '');
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  // "example.com:8080" looks like a scheme to a parser; a port after a hostname is not one.
  const isPortOnly = /^[^:/]+:\d+(\/|$)/.test(text);
  if (scheme !== undefined && !isPortOnly) {
    if (scheme !== 'http' && scheme !== 'https') {
      return err(`Only web sites (http or https) can be listed; “${scheme}:” addresses cannot.`);
    }
    if (!/^https?:\/\//i.test(text)) return err(`“${input.trim()}” is not a complete address.`);
  } else {
    text = `http://${text}`;
  }
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return err(`“${input.trim()}” is not a hostname or web address.`);
  }
  host = host.replace(/\.+$/, '');
  if (host.startsWith('[') && host.endsWith(']')) return ok(host);
  if (host === '') return err(`“${input.trim()}” has no hostname.`);
  if (host.length > 253) return err('That hostname is too long (more than 253 characters).');
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) {
    return err(`“${input.trim()}” is not a valid hostname: use letters, digits, hyphens and dots.`);
  }
  if (labels.length === 1 && host !== 'localhost') {
    return err(`“${host}” is not a full hostname; did you mean ${host}.com?`);
  }
  if (!IPV4.test(host) && labels[0] === 'www' && labels.length > 2)
    host = labels.slice(1).join('.');
  return ok(host);
}

/** True when `host` is `site` itself or one of its subdomains. */
export function coversHost(site: string, host: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}
