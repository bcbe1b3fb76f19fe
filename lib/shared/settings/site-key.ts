// Site keys: the one normalised form of a hostname that the site list stores and matches against.
import { err, ok, type Result } from '../result';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** `host:port` as typed, without a scheme: the host part is what the URL parser would see. */
const HOST_PORT = /^([^:/?#@]+):([^/?#]*)(?:[/?#]|$)/;
/** The host as typed in an http(s) address (after userinfo, before port, path, query or fragment). */
const TYPED_HOST = /^https?:\/\/(?:[^@/?#]*@)?([^/?#:]*)/i;

/**
 * Public suffixes of more than one label where "www.<suffix>" must keep its "www.": stripping it would list a
 * whole registry (every .co.uk site) instead of one site. A short built-in list of the common ones, not the
 * full Public Suffix List (~10,000 rules, updated monthly): the cost of a miss is only that "www.<rare
 * suffix>" is listed as that suffix, which the user sees in the list and can remove.
 */
const MULTI_LABEL_SUFFIXES = new Set(
  `co.uk org.uk ac.uk gov.uk me.uk net.uk ltd.uk plc.uk sch.uk nhs.uk com.au net.au
   org.au edu.au gov.au co.nz org.nz govt.nz co.jp ne.jp or.jp ac.jp go.jp co.kr or.kr
   go.kr com.br com.cn com.hk com.tw com.sg com.my com.mx com.ar com.tr com.ua co.za
   co.in co.il co.id com.pl com.es co.at github.io gitlab.io pages.dev netlify.app
   vercel.app web.app firebaseapp.com herokuapp.com appspot.com blogspot.com
   azurewebsites.net cloudfront.net`.split(/\s+/),
);

/** A host part as someone types it: it has a dot, or is localhost (a scheme such as "mailto" has neither). */
function looksLikeHost(text: string): boolean {
  return text.includes('.') || text.toLowerCase() === 'localhost';
}

/**
 * Normalises what a user typed (a hostname or a URL) into a site key: lower case, punycode for
 * international names, no `www.` (unless that would leave a public suffix), no trailing dot, no port,
 * no path. Anything that is not an http(s) site comes back as a message saying what is wrong.
 */
export function siteKey(input: string): Result<string, string> {
  let text = input.trim();
  if (text === '') return err('Type a site, for example example.com or https://example.com/news.');
  // "*.example.com" means the same as "example.com": listed sites always cover their subdomains.
  text = text.replace(/^\*\./, '');
  // "example.com:8080" looks like a scheme to a parser; a port after a hostname is not one, and
  // "example.com:abc" is a bad port, not an unknown scheme.
  const hostPort = HOST_PORT.exec(text);
  let isHostPort = false;
  if (hostPort) {
    const [, host = '', port = ''] = hostPort;
    if (/^\d+$/.test(port) || (port === '' && looksLikeHost(host))) isHostPort = true;
    else if (looksLikeHost(host)) {
      return err(
        `“${port}” is not a port number: type ${host} alone, or with a port in digits (${host}:8080).`,
      );
    }
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && !isHostPort) {
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
  if (IPV4.test(host)) {
    // The URL parser reads "1.2.3" as 1.2.0.3, "0x7f.1" as 127.0.0.1 and "010" as octal 8: an address
    // the user did not type. Only the four plain numbers it comes back as are taken.
    const typed = (TYPED_HOST.exec(text)?.[1] ?? '').toLowerCase().replace(/\.+$/, '');
    if (typed !== host) {
      return err(
        `“${input.trim()}” is not a complete IP address: write four numbers from 0 to 255, like 192.168.0.1.`,
      );
    }
    return ok(host);
  }
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) {
    return err(`“${input.trim()}” is not a valid hostname: use letters, digits, hyphens and dots.`);
  }
  if (labels.length === 1 && host !== 'localhost') {
    return err(`“${host}” is not a full hostname; did you mean ${host}.com?`);
  }
  const rest = labels.slice(1).join('.');
  if (labels[0] === 'www' && labels.length > 2 && !MULTI_LABEL_SUFFIXES.has(rest)) host = rest;
  return ok(host);
}

/** True when `host` is `site` itself or one of its subdomains. */
export function coversHost(site: string, host: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}
