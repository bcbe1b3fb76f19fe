import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/shared/settings/schema';
import {
  isHighlightingOn,
  setSiteHighlighting,
  toggleSite,
} from '../../../../lib/shared/settings/site-list';

const except = (sites: string[]): Settings => ({
  ...DEFAULT_SETTINGS,
  mode: 'everywhere-except',
  sites,
});
const only = (sites: string[]): Settings => ({ ...DEFAULT_SETTINGS, mode: 'only-listed', sites });

describe('isHighlightingOn', () => {
  it('is on everywhere by default', () => {
    expect(isHighlightingOn(DEFAULT_SETTINGS, 'https://www.bbc.com/news')).toBe(true);
  });

  it('is off everywhere when the global switch is off', () => {
    expect(isHighlightingOn({ ...only(['bbc.com']), enabled: false }, 'https://bbc.com/')).toBe(
      false,
    );
  });

  it('skips listed sites and their subdomains in "everywhere except" mode', () => {
    const settings = except(['bbc.co.uk']);
    expect(isHighlightingOn(settings, 'https://www.bbc.co.uk/news')).toBe(false);
    expect(isHighlightingOn(settings, 'https://news.bbc.co.uk/')).toBe(false);
    expect(isHighlightingOn(settings, 'https://notbbc.co.uk/')).toBe(true);
    expect(isHighlightingOn(settings, 'https://bbc.co.uk.evil.example/')).toBe(true);
  });

  it('highlights only listed sites in "only listed" mode', () => {
    const settings = only(['kyivindependent.com']);
    expect(isHighlightingOn(settings, 'https://KyivIndependent.com:443/x')).toBe(true);
    expect(isHighlightingOn(settings, 'https://www.reuters.com/')).toBe(false);
  });

  it('never highlights non-web pages', () => {
    expect(isHighlightingOn(DEFAULT_SETTINGS, 'chrome://extensions')).toBe(false);
    expect(isHighlightingOn(DEFAULT_SETTINGS, 'file:///tmp/a.html')).toBe(false);
    expect(isHighlightingOn(DEFAULT_SETTINGS, 'not a url')).toBe(false);
  });
});

describe('toggleSite', () => {
  it('adds an absent site and removes a present one', () => {
    const added = toggleSite(except(['a.com']), 'b.com');
    expect(added.sites).toEqual(['a.com', 'b.com']);
    expect(toggleSite(added, 'a.com').sites).toEqual(['b.com']);
  });

  it('does not change the settings it was given', () => {
    const settings = except(['a.com']);
    toggleSite(settings, 'a.com');
    expect(settings.sites).toEqual(['a.com']);
  });
});

describe('setSiteHighlighting', () => {
  it('turning a site on in "everywhere except" removes the parent domain that excluded it', () => {
    const next = setSiteHighlighting(except(['bbc.co.uk', 'x.com']), 'news.bbc.co.uk', true);
    expect(next.sites).toEqual(['x.com']);
    expect(isHighlightingOn(next, 'https://news.bbc.co.uk/')).toBe(true);
  });

  it('turning a site off in "everywhere except" lists it once, however often repeated', () => {
    let settings = except([]);
    settings = setSiteHighlighting(settings, 'bbc.com', false);
    settings = setSiteHighlighting(settings, 'bbc.com', false);
    expect(settings.sites).toEqual(['bbc.com']);
  });

  it('in "only listed" mode on lists the site and off unlists it', () => {
    const on = setSiteHighlighting(only([]), 'bbc.com', true);
    expect(isHighlightingOn(on, 'https://bbc.com/')).toBe(true);
    const off = setSiteHighlighting(on, 'bbc.com', false);
    expect(isHighlightingOn(off, 'https://bbc.com/')).toBe(false);
  });
});
