// Pure rules for the site list: whether a page gets highlights, and how list edits change the settings.
import type { Settings } from './schema';
import { coversHost, siteKey } from './site-key';

/** Whether highlights belong on the page at `url` under `settings`. Non-web pages never get them. */
export function isHighlightingOn(settings: Settings, url: string): boolean {
  if (!settings.enabled) return false;
  if (!/^https?:\/\//i.test(url)) return false;
  const key = siteKey(url);
  if (!key.ok) return false;
  const listed = isListed(settings, key.value);
  return settings.mode === 'only-listed' ? listed : !listed;
}

/** Whether `key` or a site covering it (a parent domain) is in the list. */
export function isListed(settings: Settings, key: string): boolean {
  return settings.sites.some((site) => coversHost(site, key));
}

/** Adds `key` to the list if it is not there, removes it if it is. */
export function toggleSite(settings: Settings, key: string): Settings {
  return settings.sites.includes(key)
    ? { ...settings, sites: settings.sites.filter((site) => site !== key) }
    : { ...settings, sites: [...settings.sites, key] };
}

/**
 * Makes highlighting on the site `key` be `on`, whichever the mode: in "everywhere except" mode
 * turning a site on removes every entry that covers it (a listed parent domain included); in
 * "only listed" mode turning it on lists it. Idempotent, so it can be re-applied safely.
 */
export function setSiteHighlighting(settings: Settings, key: string, on: boolean): Settings {
  const listWanted = settings.mode === 'only-listed' ? on : !on;
  if (listWanted) {
    return isListed(settings, key) ? settings : { ...settings, sites: [...settings.sites, key] };
  }
  return { ...settings, sites: settings.sites.filter((site) => !coversHost(site, key)) };
}

/** Adds `key` unless present; idempotent. */
export function withSite(settings: Settings, key: string): Settings {
  return settings.sites.includes(key) ? settings : { ...settings, sites: [...settings.sites, key] };
}

export function withoutSite(settings: Settings, key: string): Settings {
  return { ...settings, sites: settings.sites.filter((site) => site !== key) };
}
