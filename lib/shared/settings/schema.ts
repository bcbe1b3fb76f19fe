// Zod schemas, types and defaults of everything Backstory keeps in storage; types are inferred from here.
import { z } from 'zod';
import { DEFAULT_KIND_STYLES, type KindStyle, type KindStyles } from '../kinds';
import { DEFAULT_MARKING, DENSITIES, type Marking, SCOPES } from '../marking';
import { siteKey } from './site-key';

export const MODES = ['everywhere-except', 'only-listed'] as const;

/** A stored site must already be in normal form, so matching never has to normalise it again. */
const SiteKeySchema = z.string().refine((site) => {
  const key = siteKey(site);
  return key.ok && key.value === site;
}, 'not a normalised site key');

export const MarkingSchema = z.object({
  density: z.enum(DENSITIES),
  scope: z.enum(SCOPES),
}) satisfies z.ZodType<Marking>;

/** A site's own choices: only those that differ from the default (a site without any is not listed). */
export const SiteMarkingSchema = MarkingSchema.partial();
export type SiteMarking = z.infer<typeof SiteMarkingSchema>;

export const SettingsSchema = z.object({
  /** The global switch: off means no highlights anywhere. */
  enabled: z.boolean(),
  /** Whether the site list names the sites to skip or the only sites to highlight on. */
  mode: z.enum(MODES),
  sites: z.array(SiteKeySchema),
  /** How much to mark where a site has no choice of its own (format 2). */
  marking: MarkingSchema,
  /** Sites with choices of their own, by site key (format 2). */
  siteMarking: z.record(SiteKeySchema, SiteMarkingSchema),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type Mode = Settings['mode'];

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  mode: 'everywhere-except',
  sites: [],
  marking: DEFAULT_MARKING,
  siteMarking: {},
};

export const KindStyleSchema = z.object({
  /** #rrggbb only: the value ends up in a stylesheet, so nothing else may pass. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour like #1a2b3c'),
  mode: z.enum(['underline', 'background']),
}) satisfies z.ZodType<KindStyle>;

/** One style per kind of lib/shared/kinds.ts. */
export const StylesSchema = z.object({
  person: KindStyleSchema,
  organization: KindStyleSchema,
  place: KindStyleSchema,
  other: KindStyleSchema,
}) satisfies z.ZodType<KindStyles>;
export type Styles = KindStyles;

export const DEFAULT_STYLES: Styles = DEFAULT_KIND_STYLES;

/** Entity ids the reader chose not to see highlighted. */
export const MutedSchema = z.array(z.string().min(1));
export type Muted = z.infer<typeof MutedSchema>;

export const DatasetCountsSchema = z.object({
  entities: z.number().int().nonnegative(),
  quotes: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
});
export type DatasetCounts = z.infer<typeof DatasetCountsSchema>;

/** Why a listed dataset can't be used. Its data, if there was any, is in the quarantine, not under its key. */
export const DatasetDamageSchema = z.object({
  reason: z.string(),
  /** Whether there was data to keep (false: it was missing). */
  kept: z.boolean(),
});
export type DatasetDamage = z.infer<typeof DatasetDamageSchema>;

/** What the options page lists for an imported dataset; the dataset itself lives under its own key. */
export const DatasetEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  name: z.string(),
  enabled: z.boolean(),
  importedAt: z.string(),
  /** Size in storage, so the page can say how much room is left before an import. */
  bytes: z.number().int().nonnegative(),
  counts: DatasetCountsSchema,
  /**
   * Set when its data turned out missing or unreadable: it stays listed, left out of pages, so the user sees
   * it and can export or remove it. Optional, so lists written before it existed read as they are (still v1).
   */
  damaged: DatasetDamageSchema.optional(),
});
export type DatasetEntry = z.infer<typeof DatasetEntrySchema>;
export const DatasetIndexSchema = z.array(DatasetEntrySchema);
export type DatasetIndex = z.infer<typeof DatasetIndexSchema>;

/** A stored value that could not be read, kept as it was so the user can export it. */
export const QuarantineEntrySchema = z.object({
  /** The storage key it was read from, e.g. "local:settings". */
  key: z.string(),
  /** Why it was set aside, in words a user can act on. */
  reason: z.string(),
  at: z.string(),
  /** The schema version it claimed (from the item's metadata), if any. */
  version: z.number().nullable(),
  raw: z.unknown(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;
export const QuarantineSchema = z.array(QuarantineEntrySchema);
