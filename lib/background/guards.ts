// The background trusts no message: who sent it and what shape it has are checked before anything acts on it.
import { z } from 'zod';
import { LIMITS } from '../shared/kb/schema';
import type { PanelTarget } from '../shared/messaging';
import { MAX_BACKUP_FILE_BYTES } from '../shared/settings/backup';
import { DatasetEntrySchema } from '../shared/settings/schema';

/** The sender fields the checks need (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

/**
 * Only the extension's own contexts: its pages and its content scripts. Web pages cannot reach
 * runtime.onMessage without `externally_connectable`, but a check costs nothing and states intent.
 */
export function isOwnSender(sender: SenderInfo, extensionId: string): boolean {
  return sender.id === extensionId;
}

/**
 * One of the extension's own pages (popup, side panel, options), not a content script: the messages that change
 * what is stored come only from a page the reader is using. A content script's sender URL is the web page's.
 */
export function isOwnPage(sender: SenderInfo, extensionOrigin: string): boolean {
  return sender.url?.startsWith(extensionOrigin) === true;
}

const entityIdSchema = z.string().min(1).max(128);

export const panelTargetSchema: z.ZodType<PanelTarget> = z.discriminatedUnion('view', [
  z.object({ view: z.literal('page') }),
  z.object({ view: z.literal('entity'), entityId: entityIdSchema }),
  z.object({ view: z.literal('search'), query: z.string().max(500) }),
  z.object({ view: z.literal('save') }),
]);

const none = z.undefined().or(z.null());
/** A backup's datasets: their shape is the background's to check (with paths), only the envelope is checked here. */
const backupDatasetsSchema = z
  .array(z.object({ entry: DatasetEntrySchema, data: z.unknown() }))
  .max(LIMITS.items);

export const messageSchemas = {
  getPageState: z.object({
    url: z.string().max(8192),
    dictionaryVersion: z.string().max(64).nullable(),
  }),
  getCard: entityIdSchema,
  openSidePanel: panelTargetSchema,
  muteEntity: entityIdSchema,
  reportMentions: z.number().int().min(0).max(1_000_000),
  findNames: z.string().max(2_000),
  sourceNames: entityIdSchema,
  importDatasetFile: z.object({
    name: z.string().max(1_000),
    text: z.string().max(MAX_BACKUP_FILE_BYTES),
  }),
  setDatasetEnabled: z.object({ id: entityIdSchema, enabled: z.boolean() }),
  removeDataset: entityIdSchema,
  checkBackupDatasets: backupDatasetsSchema,
  restoreDatasets: backupDatasetsSchema,
  removeImportedDatasets: none,
  saveArticle: z.object({
    dataset: z.unknown(),
    mentions: z
      .array(z.object({ entity: entityIdSchema, count: z.number().int().min(1).max(1_000_000) }))
      .max(LIMITS.items),
  }),
  mergeEntities: z.object({ from: entityIdSchema, into: entityIdSchema }),
  unmergeEntity: entityIdSchema,
  markDistinct: z.object({ a: entityIdSchema, b: entityIdSchema }),
  restoreRemoved: entityIdSchema,
} as const;

export type GuardedType = keyof typeof messageSchemas;

/** Messages that change or reveal stored knowledge beyond one entity: extension pages only. */
const PAGE_ONLY: ReadonlySet<GuardedType> = new Set([
  'sourceNames',
  'importDatasetFile',
  'setDatasetEnabled',
  'removeDataset',
  'checkBackupDatasets',
  'restoreDatasets',
  'removeImportedDatasets',
  'saveArticle',
  'mergeEntities',
  'unmergeEntity',
  'markDistinct',
  'restoreRemoved',
]);

export type Checked<T> = { ok: true; data: T } | { ok: false; reason: string };

/** Validates one message; the reason names the message type and what was wrong. */
export function checkMessage<K extends GuardedType>(
  type: K,
  data: unknown,
  sender: SenderInfo,
  own: { id: string; origin: string },
): Checked<z.infer<(typeof messageSchemas)[K]>> {
  if (!isOwnSender(sender, own.id))
    return { ok: false, reason: `${type}: sender is not this extension` };
  if (PAGE_ONLY.has(type) && !isOwnPage(sender, own.origin))
    return { ok: false, reason: `${type}: only the extension's own pages may send it` };
  const parsed = messageSchemas[type].safeParse(data);
  if (!parsed.success)
    return { ok: false, reason: `${type}: ${parsed.error.issues[0]?.message ?? 'invalid data'}` };
  return { ok: true, data: parsed.data as z.infer<(typeof messageSchemas)[K]> };
}
