// Pages no extension may run on are named as such (no reload hint, no dead switch); other pages are asked first.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPage } from '../../../lib/pages/followed-page';
import { DEFAULT_MARKING } from '../../../lib/shared/marking';
import { tabMessenger } from '../../../lib/shared/messaging';
import { isRestrictedUrl } from '../../../lib/shared/platform';

describe('isRestrictedUrl', () => {
  it.each([
    'chrome://settings/',
    'chrome-extension://abcdefghijklmnop/options.html',
    'moz-extension://6f1c3a52-0b7e-4d5a-9c1e-8a2b4c6d8e10/sidepanel.html',
    'about:addons',
    'about:reader?url=https://news.example/a',
    'view-source:https://news.example/a',
    'edge://extensions',
    'file:///home/reader/article.html',
    'data:text/html,<p>Kyiv</p>',
    'blob:https://news.example/1234',
  ])('every address that is not http(s): %s', (url) => {
    expect(isRestrictedUrl(url)).toBe(true);
  });

  it('the Chrome web store at both addresses, the Edge add-ons store', () => {
    expect(isRestrictedUrl('https://chromewebstore.google.com/detail/backstory/abc')).toBe(true);
    expect(isRestrictedUrl('https://chrome.google.com/webstore')).toBe(true);
    expect(isRestrictedUrl('https://chrome.google.com/webstore/detail/abc?hl=en')).toBe(true);
    expect(isRestrictedUrl('https://microsoftedge.microsoft.com/addons/detail/abc')).toBe(true);
    // Other pages of the same host, and look-alikes, are ordinary pages.
    expect(isRestrictedUrl('https://chrome.google.com/webstorefront')).toBe(false);
    expect(isRestrictedUrl('https://chrome.google.com/intl/en/chrome/')).toBe(false);
    expect(isRestrictedUrl('https://chromewebstore.google.com.news.example/')).toBe(false);
  });

  it.each([
    'accounts-static.cdn.mozilla.net',
    'accounts.firefox.com',
    'addons.cdn.mozilla.net',
    'addons.mozilla.org',
    'api.accounts.firefox.com',
    'content.cdn.mozilla.net',
    'discovery.addons.mozilla.org',
    'oauth.accounts.firefox.com',
    'profile.accounts.firefox.com',
    'support.mozilla.org',
    'sync.services.mozilla.com',
  ])("Firefox's restricted domain %s", (host) => {
    expect(isRestrictedUrl(`https://${host}/en-US/some/page`)).toBe(true);
    expect(isRestrictedUrl(`https://${host.toUpperCase()}/`)).toBe(true);
  });

  it('only those exact hosts: mozilla.org and its other subdomains are ordinary pages', () => {
    expect(isRestrictedUrl('https://www.mozilla.org/en-US/firefox/')).toBe(false);
    expect(isRestrictedUrl('https://blog.mozilla.org/')).toBe(false);
    expect(isRestrictedUrl('https://addons.mozilla.org.news.example/')).toBe(false);
  });

  it('PDFs, which open in the browser’s own viewer', () => {
    expect(isRestrictedUrl('https://news.example/report.pdf')).toBe(true);
    expect(isRestrictedUrl('https://news.example/files/Report.PDF?download=0#page=2')).toBe(true);
    expect(isRestrictedUrl('https://news.example/pdf-guide.html')).toBe(false);
  });

  it('news pages are not restricted; no address or a broken one is', () => {
    expect(isRestrictedUrl('https://news.example/world/kyiv-attack')).toBe(false);
    expect(isRestrictedUrl('http://127.0.0.1:8080/demo.html')).toBe(false);
    expect(isRestrictedUrl(undefined)).toBe(true);
    expect(isRestrictedUrl('not a url')).toBe(true);
  });
});

describe('readPage', () => {
  const mentions = {
    url: 'https://addons.mozilla.org/',
    active: true,
    marking: DEFAULT_MARKING,
    entities: [],
  };
  let ping: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    fakeBrowser.reset();
    ping = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
  });
  afterEach(() => vi.restoreAllMocks());

  it('a restricted page whose script does not answer is restricted, not “reload it”', async () => {
    ping.mockRejectedValue(new Error('Could not establish connection.'));
    for (const url of ['https://support.mozilla.org/kb/', 'https://news.example/a.pdf']) {
      expect(await readPage({ id: 3, windowId: 1, url })).toEqual({ kind: 'restricted' });
    }
  });

  it('an ordinary page whose script does not answer is unreachable (not read yet)', async () => {
    ping.mockRejectedValue(new Error('Could not establish connection.'));
    expect(await readPage({ id: 3, windowId: 1, url: 'https://news.example/a' })).toEqual({
      kind: 'unreachable',
      url: 'https://news.example/a',
    });
    // The browser hides the address of its own pages: that is said honestly by the views.
    expect(await readPage({ id: 3, windowId: 1 })).toEqual({ kind: 'unreachable' });
  });

  it('a page that answers is read, even on a host the other browser restricts', async () => {
    ping.mockResolvedValue(undefined);
    vi.spyOn(tabMessenger, 'sendMessage').mockResolvedValue(mentions);
    expect(await readPage({ id: 3, windowId: 1, url: 'https://addons.mozilla.org/' })).toEqual({
      kind: 'mentions',
      mentions,
    });
  });
});
