// The stored settings, styles and muted entities, and the edits the popup, options page and content script make to them.
import { ENTITY_KINDS, type EntityKind, type KindStyle } from '../kinds';
import { DEFAULT_MARKING, type Marking } from '../marking';
import { err, ok, type Result } from '../result';
import {
  DEFAULT_SETTINGS,
  DEFAULT_STYLES,
  KindStyleSchema,
  MarkingSchema,
  MODES,
  type Mode,
  MutedSchema,
  type Settings,
  SettingsSchema,
  SiteMarkingSchema,
  type Styles,
  StylesSchema,
} from './schema';
import { siteKey } from './site-key';
import { setSiteHighlighting, withoutSite, withSite } from './site-list';
import { withoutSiteMarking, withSiteMarking } from './site-marking';
import { defineStoredItem } from './stored-item';

// Everything lives in storage.local: storage.sync allows 8 KB per item, too little for a long site list.

export const settingsItem = defineStoredItem<Settings>({
  key: 'local:settings',
  schema: SettingsSchema,
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: settingsFormat2 },
  salvage: salvageSettings,
});

export const stylesItem = defineStoredItem<Styles>({
  key: 'local:styles',
  schema: StylesSchema,
  fallback: DEFAULT_STYLES,
  version: 1,
  migrations: {},
  salvage: salvageStyles,
});

export const mutedItem = defineStoredItem<string[]>({
  key: 'local:muted',
  schema: MutedSchema,
  fallback: [],
  version: 1,
  migrations: {},
  salvage: (raw) =>
    Array.isArray(raw)
      ? raw.filter((id): id is string => typeof id === 'string' && id !== '')
      : undefined,
});

/**
 * Settings of format 1 → 2: every setting kept as it was; how much to mark starts at the default everywhere, which is
 * what Backstory marked before the choice existed. (Old backups are read through it too: backup.ts.)
 */
export function settingsFormat2(old: unknown): unknown {
  // Anything but an object is left for the schema to reject with its reason (and set aside, as in any format).
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return old;
  return { marking: DEFAULT_MARKING, siteMarking: {}, ...old };
}

/** Keeps the fields of a broken settings value that are still good (the whole value is set aside too). */
export function salvageSettings(raw: unknown): Settings | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = raw as Record<string, unknown>;
  const sites: string[] = [];
  if (Array.isArray(value.sites)) {
    for (const site of value.sites) {
      if (typeof site !== 'string') continue;
      const key = siteKey(site);
      if (key.ok && !sites.includes(key.value)) sites.push(key.value);
    }
  }
  const marking = MarkingSchema.safeParse(value.marking);
  const siteMarking: Settings['siteMarking'] = {};
  if (typeof value.siteMarking === 'object' && value.siteMarking !== null) {
    for (const [site, own] of Object.entries(value.siteMarking)) {
      const key = siteKey(site);
      const parsed = SiteMarkingSchema.safeParse(own);
      if (key.ok && key.value === site && parsed.success) siteMarking[site] = parsed.data;
    }
  }
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    mode: (MODES as readonly unknown[]).includes(value.mode)
      ? (value.mode as Mode)
      : DEFAULT_SETTINGS.mode,
    sites,
    marking: marking.success ? marking.data : DEFAULT_MARKING,
    siteMarking,
  };
}

export function salvageStyles(raw: unknown): Styles | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = raw as Record<string, unknown>;
  const styles = { ...DEFAULT_STYLES };
  for (const kind of ENTITY_KINDS) {
    const parsed = KindStyleSchema.safeParse(value[kind]);
    if (parsed.success) styles[kind] = parsed.data;
  }
  return styles;
}

export const getSettings = (): Promise<Settings> => settingsItem.get();
/** Calls `cb` with the settings whenever any page changes them. Returns the unsubscribe function. */
export const watchSettings = (cb: (settings: Settings) => void): (() => void) =>
  settingsItem.watch(cb);

export function setEnabled(enabled: boolean): Promise<Settings> {
  return settingsItem.update((settings) => ({ ...settings, enabled }));
}

export function setMode(mode: Mode): Promise<Settings> {
  return settingsItem.update((settings) => ({ ...settings, mode }));
}

/** Adds what the user typed to the site list; the message says why not if it can't be added. */
export async function addSite(input: string): Promise<Result<string, string>> {
  const key = siteKey(input);
  if (!key.ok) return key;
  let duplicate = false;
  await settingsItem.update((settings) => {
    // Decided inside the update so it is judged against the latest list, not a stale one.
    duplicate = settings.sites.includes(key.value);
    return withSite(settings, key.value);
  });
  return duplicate ? err(`${key.value} is already in the list.`) : ok(key.value);
}

export function removeSite(key: string): Promise<Settings> {
  return settingsItem.update((settings) => withoutSite(settings, key));
}

/** The popup's "Highlight on this site" switch: makes the site of `url` highlighted or not. */
export async function setHighlightingForUrl(
  url: string,
  on: boolean,
): Promise<Result<Settings, string>> {
  const key = siteKey(url);
  if (!key.ok) return key;
  return ok(await settingsItem.update((settings) => setSiteHighlighting(settings, key.value, on)));
}

/** Options: how much every site is marked unless it has a choice of its own. */
export function setDefaultMarking(patch: Partial<Marking>): Promise<Settings> {
  return settingsItem.update((settings) => ({
    ...settings,
    marking: { ...settings.marking, ...patch },
  }));
}

/** The popup: how much the site of `url` is marked, as its own choice. */
export async function setMarkingForUrl(
  url: string,
  patch: Partial<Marking>,
): Promise<Result<Settings, string>> {
  const key = siteKey(url);
  if (!key.ok) return key;
  return ok(await settingsItem.update((settings) => withSiteMarking(settings, key.value, patch)));
}

/** The site `key` follows the default again. */
export function clearSiteMarking(key: string): Promise<Settings> {
  return settingsItem.update((settings) => withoutSiteMarking(settings, key));
}

export const getStyles = (): Promise<Styles> => stylesItem.get();
export const watchStyles = (cb: (styles: Styles) => void): (() => void) => stylesItem.watch(cb);

/**
 * Changes part of one kind's style. A patch, not a whole style: it is merged with what is stored inside the update,
 * so two quick edits (mode, then colour) made before the first one's change event arrives both survive.
 */
export function setKindStyle(kind: EntityKind, patch: Partial<KindStyle>): Promise<Styles> {
  return stylesItem.update((styles) => ({ ...styles, [kind]: { ...styles[kind], ...patch } }));
}

export const getMuted = (): Promise<string[]> => mutedItem.get();
export const watchMuted = (cb: (ids: string[]) => void): (() => void) => mutedItem.watch(cb);

export function mute(id: string): Promise<string[]> {
  return mutedItem.update((ids) => (ids.includes(id) ? ids : [...ids, id]));
}

export function unmute(id: string): Promise<string[]> {
  return mutedItem.update((ids) => ids.filter((other) => other !== id));
}
