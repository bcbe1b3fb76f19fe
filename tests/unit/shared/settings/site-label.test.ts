import { domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { siteKey } from '../../../../lib/shared/settings/site-key';
import { decodePunycode, siteLabel, siteMatches } from '../../../../lib/shared/settings/site-label';

const IDN_SITES = [
  'münchen.de',
  'укрінформ.укр',
  'кремль.рф',
  'bücher.example',
  '中国政府.政务',
  '日本語.jp',
  'ελλάδα.gr',
  'straße.de',
  '💩.la',
  'españa.com',
  'ドメイン名例.jp',
  '한국.kr',
  'mañana.com',
  'ąčęėįšųūž.lt',
];

describe('siteLabel', () => {
  it.each(IDN_SITES)('shows %s as Node shows it, and back to the same key', (typed) => {
    const key = siteKey(typed);
    if (!key.ok) throw new Error(key.error);
    expect(key.value).toMatch(/xn--/);
    const label = siteLabel(key.value);
    expect(label).toBe(domainToUnicode(key.value));
    expect(siteKey(label)).toEqual(key);
  });

  it('leaves ASCII keys, IP addresses and malformed punycode as they are', () => {
    for (const key of [
      'bbc.co.uk',
      '127.0.0.1',
      '[::1]',
      'xn--.example',
      'xn--a-ecp.com',
      'xn--99999999999.com',
    ])
      expect(siteLabel(key)).toBe(key);
  });

  it('decodes RFC 3492 samples', () => {
    expect(decodePunycode('mnchen-3ya')).toBe('münchen');
    expect(decodePunycode('egbpdaj6bu4bxfgehfvwxn')).toBe('ليهمابتكلموشعربي؟');
    expect(decodePunycode('ihqwcrb4cv8a8dqg056pqjye')).toBe('他们为什么不说中文');
    expect(decodePunycode('!!')).toBeNull();
  });
});

describe('siteMatches (the site-list search)', () => {
  const key = 'xn--mnchen-3ya.de';
  it.each([
    'münchen',
    'MÜNCHEN',
    'münch',
    'xn--mnchen',
    'https://www.münchen.de/',
    'mu\u0308nchen',
    '.de',
  ])('finds %s in %s', (query) => {
    expect(siteMatches(key, query)).toBe(true);
  });

  it.each(['berlin', 'muenchen', 'bbc.co.uk'])('does not find %s', (query) => {
    expect(siteMatches(key, query)).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(siteMatches('bbc.co.uk', '  ')).toBe(true);
  });
});
