import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/shared/settings/schema';
import {
  markingFor,
  siteMarkingFor,
  withoutSiteMarking,
  withSiteMarking,
} from '../../../../lib/shared/settings/site-marking';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  marking: { density: 'first', scope: 'page' },
  siteMarking: {
    'bbc.co.uk': { scope: 'article' },
    'news.bbc.co.uk': { density: 'every' },
  },
};

describe('markingFor', () => {
  it('is the default on a site without choices of its own', () => {
    expect(markingFor(settings, 'https://example.com/a')).toEqual({
      density: 'first',
      scope: 'page',
    });
    expect(markingFor(DEFAULT_SETTINGS, 'https://example.com/a')).toEqual({
      density: 'every',
      scope: 'page',
    });
  });

  it('takes a site’s own choices over the default, field by field', () => {
    expect(markingFor(settings, 'https://www.bbc.co.uk/news')).toEqual({
      density: 'first',
      scope: 'article',
    });
  });

  it('a parent domain’s choices hold on its subdomains, unless one has its own', () => {
    expect(siteMarkingFor(settings, 'https://sport.bbc.co.uk/')?.key).toBe('bbc.co.uk');
    expect(siteMarkingFor(settings, 'https://news.bbc.co.uk/')).toEqual({
      key: 'news.bbc.co.uk',
      own: { density: 'every' },
    });
    // The subdomain's own choice does not inherit the parent's: each site is one set of choices.
    expect(markingFor(settings, 'https://news.bbc.co.uk/')).toEqual({
      density: 'every',
      scope: 'page',
    });
    expect(siteMarkingFor(settings, 'https://notbbc.co.uk/')).toBeNull();
    expect(siteMarkingFor(settings, 'chrome://extensions')).toBeNull();
  });
});

describe('editing a site’s choices', () => {
  it('adds to what the site has, and keeps a choice equal to the default (the reader made it)', () => {
    const next = withSiteMarking(settings, 'bbc.co.uk', { density: 'first' });
    expect(next.siteMarking['bbc.co.uk']).toEqual({ scope: 'article', density: 'first' });
    expect(settings.siteMarking['bbc.co.uk']).toEqual({ scope: 'article' });
  });

  it('drops them all, and only that site’s', () => {
    expect(withoutSiteMarking(settings, 'bbc.co.uk').siteMarking).toEqual({
      'news.bbc.co.uk': { density: 'every' },
    });
  });
});
