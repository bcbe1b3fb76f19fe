// The background trusts no message: who sent it and what shape it has are checked before anything acts on it.
import { z } from 'zod';
import type { PanelTarget } from '../shared/messaging';

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

const entityIdSchema = z.string().min(1).max(128);

export const panelTargetSchema: z.ZodType<PanelTarget> = z.discriminatedUnion('view', [
  z.object({ view: z.literal('page') }),
  z.object({ view: z.literal('entity'), entityId: entityIdSchema }),
  z.object({ view: z.literal('search'), query: z.string().max(500) }),
]);

export const messageSchemas = {
  getPageState: z.string().max(8192),
  getDictionary: z.undefined().or(z.null()),
  getCard: entityIdSchema,
  openSidePanel: panelTargetSchema,
  muteEntity: entityIdSchema,
  reportMentions: z.number().int().min(0).max(1_000_000),
} as const;

export type GuardedType = keyof typeof messageSchemas;

export type Checked<T> = { ok: true; data: T } | { ok: false; reason: string };

/** Validates one message; the reason names the message type and what was wrong. */
export function checkMessage<K extends GuardedType>(
  type: K,
  data: unknown,
  sender: SenderInfo,
  extensionId: string,
): Checked<z.infer<(typeof messageSchemas)[K]>> {
  if (!isOwnSender(sender, extensionId))
    return { ok: false, reason: `${type}: sender is not this extension` };
  const parsed = messageSchemas[type].safeParse(data);
  if (!parsed.success)
    return { ok: false, reason: `${type}: ${parsed.error.issues[0]?.message ?? 'invalid data'}` };
  return { ok: true, data: parsed.data as z.infer<(typeof messageSchemas)[K]> };
}
