// Makes the draft's ids: readable lowercase-dash slugs, unique, never one the dictionary already uses.
import { ID_PATTERN, LIMITS } from '../../shared/kb/schema';

/** "Friedrich Merz" → "friedrich-merz", "Zürich’s" → "zurichs"; '' when nothing Latin is left (e.g. "Київ"). */
export function slugify(text: string, max = 48): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

/** 32-bit FNV-1a of a string, as 8 hex digits: a short, stable key for one article. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Hands out ids that are unique among themselves and avoid the reserved ones. */
export class IdAllocator {
  private readonly taken: Set<string>;
  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  /** `base` (a slug) if free, else `base-2`, `base-3`, …; `fallback` when the base is empty. */
  take(base: string, fallback: string): string {
    const stem = (base === '' ? fallback : base).slice(0, LIMITS.id - 6).replace(/-+$/, '');
    let id = stem;
    for (let n = 2; this.taken.has(id) || !ID_PATTERN.test(id); n++) id = `${stem}-${n}`;
    this.taken.add(id);
    return id;
  }
}
