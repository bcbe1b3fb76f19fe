import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  ignoreForgedRestarts,
  scriptStartedEventType,
} from '../../../../lib/content/page/forged-restart';

/** What a hostile page sends: WXT's "newer content script started" event, naming our script, from someone else. */
function forge(name: string): void {
  document.dispatchEvent(
    new CustomEvent(scriptStartedEventType(), {
      detail: { contentScriptName: name, messageId: 'hostile' },
    }),
  );
}

describe('a forged “newer content script started” event', () => {
  let guards = new AbortController();
  afterEach(() => {
    guards.abort();
    guards = new AbortController();
  });

  it('stops an unguarded WXT context (the attack is real)', () => {
    const ctx = new ContentScriptContext('content');
    forge('content');
    expect(ctx.isValid).toBe(false);
  });

  it('is ignored while the extension is connected', () => {
    const ctx = new ContentScriptContext('content');
    ignoreForgedRestarts(window, () => false, guards.signal);
    forge('content');
    expect(ctx.isValid).toBe(true);
    ctx.abort();
  });

  it('still retires an orphaned script, as an extension update needs', () => {
    const ctx = new ContentScriptContext('content');
    ignoreForgedRestarts(window, () => true, guards.signal);
    forge('content');
    expect(ctx.isValid).toBe(false);
  });
});
