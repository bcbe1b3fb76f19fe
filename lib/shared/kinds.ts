// Entity kinds, decided once: the kinds Backstory shows and styles, their labels and default colours.
// Every other list of kinds (settings schema, highlight CSS, page groups, icons, options) reads this one.

/** The kinds with their own highlight and group; any other kind a dataset writes is shown as 'other'. */
export const ENTITY_KINDS = ['person', 'organization', 'place', 'other'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Maps any kind a dataset writes ("vehicle", "event") onto the kind Backstory shows it as. */
export function entityKind(kind: string): EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(kind) ? (kind as EntityKind) : 'other';
}

const LABELS: Record<EntityKind, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organization: { one: 'Organization', many: 'Organizations' },
  place: { one: 'Place', many: 'Places' },
  other: { one: 'Other', many: 'Other' },
};

/** One entity's kind as a reader reads it: "Person"; a kind of its own ("vessel", "event") as written, capitalised. */
export function kindLabel(kind: string): string {
  if ((ENTITY_KINDS as readonly string[]).includes(kind)) return LABELS[kind as EntityKind].one;
  return kind ? kind.charAt(0).toUpperCase() + kind.slice(1) : LABELS.other.one;
}

/** The heading of the group an entity is listed and styled under: "People", "Other" (every kind of its own). */
export function groupLabel(kind: string): string {
  return LABELS[entityKind(kind)].many;
}

export interface KindStyle {
  /** #rrggbb only: the value ends up in a stylesheet. */
  color: string;
  mode: 'underline' | 'background';
}
export type KindStyles = Record<EntityKind, KindStyle>;

/** The colours a new install starts with (stored by lib/shared/settings; here so the content script needs no zod). */
export const DEFAULT_KIND_STYLES: KindStyles = {
  person: { color: '#e6a100', mode: 'background' },
  organization: { color: '#2f80ed', mode: 'background' },
  place: { color: '#27ae60', mode: 'background' },
  other: { color: '#9b51e0', mode: 'background' },
};
