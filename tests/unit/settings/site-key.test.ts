import { describe, expect, it } from 'vitest';
import { siteKey } from '../../../lib/settings/site-key';

function key(input: string): string {
  const result = siteKey(input);
  if (!result.ok) throw new Error(`expected ${input} to normalise, got: ${result.error}`);
  return result.value;
}

function problem(input: string): string {
  const result = siteKey(input);
  if (result.ok) throw new Error(`expected ${input} to be refused, got ${result.value}`);
  return result.error;
}

describe('siteKey', () => {
  it.each([
    ['example.com', 'example.com'],
    ['EXAMPLE.Com', 'example.com'],
    ['  example.com  ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['WWW.Example.COM.', 'example.com'],
    ['example.com.', 'example.com'],
    ['https://www.bbc.co.uk/news/world-europe-123?x=1#top', 'bbc.co.uk'],
    ['http://news.example.com:8080/path', 'news.example.com'],
    ['example.com:8443', 'example.com'],
    ['example.com/some/path', 'example.com'],
    ['https://user:pass@example.com/', 'example.com'],
    ['*.example.com', 'example.com'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['https://www.München.de/', 'xn--mnchen-3ya.de'],
    ['укрінформ.укр', 'xn--j1aeceicql4n.xn--j1amh'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['localhost:3000', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['www.com', 'www.com'],
  ])('%s → %s', (input, expected) => {
    expect(key(input)).toBe(expected);
  });

  it('treats equivalent spellings as one key', () => {
    const spellings = [
      'Kyivindependent.com',
      'https://kyivindependent.com/',
      'www.kyivindependent.com.',
    ];
    expect(new Set(spellings.map(key))).toEqual(new Set(['kyivindependent.com']));
  });

  it('refuses empty input with a hint', () => {
    expect(problem('   ')).toMatch(/Type a site/);
  });

  it.each([
    'javascript:alert(1)',
    'ftp://example.com',
    'file:///etc/passwd',
    'mailto:a@b.c',
    'chrome://settings',
  ])('refuses the non-web address %s and names its scheme', (input) => {
    expect(problem(input)).toMatch(/Only web sites \(http or https\)/);
  });

  it.each([
    'exa mple.com',
    'http://',
    'exa_mple.com',
    '-example.com',
    'example..com',
    '<script>.com',
  ])('refuses the malformed hostname %s', (input) => {
    expect(problem(input)).toMatch(/not|no hostname/);
  });

  it('refuses a single word and suggests a full hostname', () => {
    expect(problem('news')).toBe('“news” is not a full hostname; did you mean news.com?');
  });
});
