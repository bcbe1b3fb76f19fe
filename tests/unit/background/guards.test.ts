// The background's message checks: only the extension's own senders, only well-formed data.
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../lib/background/guards';

const ID = 'own-extension-id';
const ORIGIN = 'chrome-extension://own-extension-id/';
const OWN = { id: ID, origin: ORIGIN };
const own = { id: ID, tab: { id: 3, windowId: 1 }, url: 'https://news.example/story' };
const ownPage = { id: ID, url: `${ORIGIN}options.html` };

describe('checkMessage', () => {
  it('accepts a well-formed message from the extension', () => {
    expect(checkMessage('getCard', 'kyiv', own, OWN)).toEqual({ ok: true, data: 'kyiv' });
    expect(checkMessage('openSidePanel', { view: 'entity', entityId: 'kyiv' }, own, OWN)).toEqual({
      ok: true,
      data: { view: 'entity', entityId: 'kyiv' },
    });
  });

  it('refuses a sender that is not this extension, whatever the data', () => {
    const result = checkMessage('getCard', 'kyiv', { id: 'someone-else' }, OWN);
    expect(result).toEqual({ ok: false, reason: 'getCard: sender is not this extension' });
    expect(checkMessage('muteEntity', 'kyiv', {}, OWN).ok).toBe(false);
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
      ['getPageState', 'https://x'],
      ['saveArticle', { dataset: {}, mentions: [{ entity: 'kyiv', count: 0 }] }],
      ['saveArticle', { dataset: {}, mentions: [{ entity: '', count: 1 }] }],
      ['saveArticle', { dataset: {} }],
    ] as const) {
      const result = checkMessage(type, data, own, OWN);
      expect(result.ok, `${type} ${JSON.stringify(data)}`).toBe(false);
      if (!result.ok) expect(result.reason.startsWith(`${type}:`)).toBe(true);
    }
  });
});

describe('“Save this article”', () => {
  it('opens the side panel on the save view, from a content script (the card) or a page', () => {
    for (const sender of [own, ownPage]) {
      expect(checkMessage('openSidePanel', { view: 'save' }, sender, OWN)).toEqual({
        ok: true,
        data: { view: 'save' },
      });
    }
  });

  it('saves only from the extension’s own pages, with the entities the article names', () => {
    const article = { dataset: { id: 'saved-1' }, mentions: [{ entity: 'kyiv', count: 3 }] };
    expect(checkMessage('saveArticle', article, ownPage, OWN)).toEqual({ ok: true, data: article });
    expect(checkMessage('saveArticle', article, own, OWN)).toEqual({
      ok: false,
      reason: "saveArticle: only the extension's own pages may send it",
    });
  });
});

describe('messages that change what is stored', () => {
  const file = { name: 'a.json', text: '{}' };

  it('are taken from the extension’s own pages', () => {
    expect(checkMessage('importDatasetFile', file, ownPage, OWN)).toEqual({ ok: true, data: file });
    expect(checkMessage('removeDataset', 'fixture-set', ownPage, OWN).ok).toBe(true);
  });

  it('are refused from a content script, however well-formed', () => {
    for (const [type, data] of [
      ['importDatasetFile', file],
      ['setDatasetEnabled', { id: 'fixture-set', enabled: false }],
      ['removeDataset', 'fixture-set'],
      ['restoreDatasets', []],
      ['removeImportedDatasets', undefined],
      ['sourceNames', 'kyiv-attack-article'],
    ] as const) {
      expect(checkMessage(type, data, own, OWN)).toEqual({
        ok: false,
        reason: `${type}: only the extension's own pages may send it`,
      });
    }
  });

  it('are refused from a page of another origin that claims the id', () => {
    const spoofed = { id: ID, url: 'https://evil.example/chrome-extension://own-extension-id/' };
    expect(checkMessage('removeDataset', 'fixture-set', spoofed, OWN).ok).toBe(false);
  });
});
