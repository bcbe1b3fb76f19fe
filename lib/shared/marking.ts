// How much of a page is marked, decided once: every mention or the first of each entity, the whole page or the
// article. The settings (lib/shared/settings) keep a default and per-site choices; a tab gets its site's in PageState.

/** `every`: each mention is highlighted; `first`: only the first of each entity, in page order. */
export const DENSITIES = ['every', 'first'] as const;
/** `page`: the whole page is read; `article`: only its article body (lib/content/scan/article.ts). */
export const SCOPES = ['page', 'article'] as const;

export type Density = (typeof DENSITIES)[number];
export type Scope = (typeof SCOPES)[number];

export interface Marking {
  density: Density;
  scope: Scope;
}

/** What a new install marks: everything, as Backstory always has. */
export const DEFAULT_MARKING: Marking = { density: 'every', scope: 'page' };
