// Validates an unknown value as a Dataset and reports every problem at once, each with a JSON path and a reason.
import type { z } from 'zod';
import type { Result } from '../result';
import {
  type Dataset,
  type DatasetIssue,
  DatasetSchema,
  EntitySchema,
  EventSchema,
  FactSchema,
  QuoteSchema,
  RelationSchema,
  SourceSchema,
} from './schema';
import { type Indexed, type IndexedItems, validateItems } from './validate';

export type { Result } from '../result';

/** `['entities', 3, 'aliases', 0, 'text']` → `entities[3].aliases[0].text`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): DatasetIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: issue.message,
  }));
}

/** The elements of `raw[key]` that pass `schema` on their own, so cross-item checks can still run. */
function validElements<T>(raw: unknown, key: string, schema: z.ZodType<T>): Indexed<T>[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const list = (raw as Record<string, unknown>)[key];
  if (!Array.isArray(list)) return [];
  const out: Indexed<T>[] = [];
  list.forEach((element, index) => {
    const parsed = schema.safeParse(element);
    if (parsed.success) out.push({ index, item: parsed.data });
  });
  return out;
}

/** Ids of the elements of `raw[key]` that carry a string id but failed their schema. */
function malformedIds(raw: unknown, key: string, valid: readonly Indexed<unknown>[]): Set<string> {
  const ids = new Set<string>();
  if (typeof raw !== 'object' || raw === null) return ids;
  const list = (raw as Record<string, unknown>)[key];
  if (!Array.isArray(list)) return ids;
  const validIndexes = new Set(valid.map(({ index }) => index));
  list.forEach((element, index) => {
    if (validIndexes.has(index) || typeof element !== 'object' || element === null) return;
    const id = (element as Record<string, unknown>).id;
    if (typeof id === 'string') ids.add(id);
  });
  return ids;
}

function indexAll(dataset: Dataset): IndexedItems {
  const indexed = <T>(items: T[]): Indexed<T>[] => items.map((item, index) => ({ index, item }));
  return {
    sources: indexed(dataset.sources),
    entities: indexed(dataset.entities),
    facts: indexed(dataset.facts),
    quotes: indexed(dataset.quotes),
    events: indexed(dataset.events),
    relations: indexed(dataset.relations),
  };
}

/**
 * Parses and fully validates a dataset: field rules (schema.ts) and cross-item rules
 * (validate.ts: unique and resolvable ids, provenance of every span). When some items are
 * malformed, the well-formed ones are still cross-checked, so one pass reports everything.
 */
export function parseDataset(json: unknown): Result<Dataset, DatasetIssue[]> {
  const parsed = DatasetSchema.safeParse(json);
  if (parsed.success) {
    const issues = validateItems(indexAll(parsed.data));
    return issues.length === 0 ? { ok: true, value: parsed.data } : { ok: false, error: issues };
  }
  const partial: IndexedItems = {
    sources: validElements(json, 'sources', SourceSchema),
    entities: validElements(json, 'entities', EntitySchema),
    facts: validElements(json, 'facts', FactSchema),
    quotes: validElements(json, 'quotes', QuoteSchema),
    events: validElements(json, 'events', EventSchema),
    relations: validElements(json, 'relations', RelationSchema),
  };
  const malformed = {
    entities: malformedIds(json, 'entities', partial.entities),
    sources: malformedIds(json, 'sources', partial.sources),
  };
  const crossIssues = validateItems(partial, malformed);
  return { ok: false, error: [...zodIssues(parsed.error), ...crossIssues] };
}
