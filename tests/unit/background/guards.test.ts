// The background's message checks: only the extension's own senders, only well-formed data.
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../lib/background/guards';

const ID = 'own-extension-id';
const own = { id: ID, tab: { id: 3, windowId: 1 } };

describe('checkMessage', () => {
  it('accepts a well-formed message from the extension', () => {
    expect(checkMessage('getCard', 'kyiv', own, ID)).toEqual({ ok: true, data: 'kyiv' });
    expect(checkMessage('openSidePanel', { view: 'entity', entityId: 'kyiv' }, own, ID)).toEqual({
      ok: true,
      data: { view: 'entity', entityId: 'kyiv' },
    });
  });

  it('refuses a sender that is not this extension, whatever the data', () => {
    const result = checkMessage('getCard', 'kyiv', { id: 'someone-else' }, ID);
    expect(result).toEqual({ ok: false, reason: 'getCard: sender is not this extension' });
    expect(checkMessage('muteEntity', 'kyiv', {}, ID).ok).toBe(false);
  });

  it('refuses data of the wrong shape, naming the message', () => {
    for (const [type, data] of [
      ['getCard', 42],
      ['getCard', ''],
      ['getCard', 'x'.repeat(500)],
      ['openSidePanel', { view: 'entity' }],
      ['openSidePanel', { view: 'script', code: 'alert(1)' }],
      ['reportMentions', -1],
      ['reportMentions', 1.5],
      ['getPageState', { url: 'https://x' }],
    ] as const) {
      const result = checkMessage(type, data, own, ID);
      expect(result.ok, `${type} ${JSON.stringify(data)}`).toBe(false);
      if (!result.ok) expect(result.reason.startsWith(`${type}:`)).toBe(true);
    }
  });
});
