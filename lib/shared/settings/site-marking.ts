// Pure rules for how much a site gets marked: the default, and the choices a site has of its own.
import type { Marking } from '../marking';
import type { Settings, SiteMarking } from './schema';
import { coversHost, siteKey } from './site-key';

/**
 * The site choices that apply to `url`: the most specific listed site covering its host (a choice made on
 * bbc.co.uk holds on news.bbc.co.uk, unless that one has its own), with its key; none for a page of no site.
 */
export function siteMarkingFor(
  settings: Settings,
  url: string,
): { key: string; own: SiteMarking } | null {
  const key = siteKey(url);
  if (!key.ok) return null;
  let best: string | null = null;
  for (const site of Object.keys(settings.siteMarking)) {
    if (coversHost(site, key.value) && (best === null || site.length > best.length)) best = site;
  }
  const own = best === null ? undefined : settings.siteMarking[best];
  return best !== null && own ? { key: best, own } : null;
}

/** How much to mark on the page at `url`: its site's own choices over the default. */
export function markingFor(settings: Settings, url: string): Marking {
  return { ...settings.marking, ...siteMarkingFor(settings, url)?.own };
}

/** The site `key` gets `patch` as its own choice (kept even where it equals today's default: the reader chose it). */
export function withSiteMarking(
  settings: Settings,
  key: string,
  patch: Partial<Marking>,
): Settings {
  const own = { ...settings.siteMarking[key], ...patch };
  return { ...settings, siteMarking: { ...settings.siteMarking, [key]: own } };
}

/** The site `key` follows the default again. */
export function withoutSiteMarking(settings: Settings, key: string): Settings {
  const { [key]: _dropped, ...rest } = settings.siteMarking;
  return { ...settings, siteMarking: rest };
}
