import { describe, expect, it } from 'vitest';
import { siteKey } from '../../../../lib/shared/settings/site-key';

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
    // "www." is kept where what remains would be a public suffix (a whole registry, not a site).
    ['www.co.uk', 'www.co.uk'],
    ['https://www.github.io/', 'www.github.io'],
    ['www.com.au', 'www.com.au'],
    ['www.example.github.io', 'example.github.io'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['example.com:', 'example.com'],
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

  it.each([
    ['1.2.3', '1.2.0.3'],
    ['0x7f.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['http://192.168.010.1/', '192.168.8.1'],
  ])('refuses %s instead of reading it as the address %s', (input, reading) => {
    const message = problem(input);
    expect(message).toMatch(/is not a complete IP address: write four numbers/);
    expect(message).not.toContain(reading);
  });

  it.each([
    ['example.com:abc', 'abc', 'example.com'],
    ['localhost:port', 'port', 'localhost'],
    ['news.example.com:80a/path', '80a', 'news.example.com'],
  ])('refuses %s as a bad port, not a scheme', (input, port, host) => {
    const message = problem(input);
    expect(message).toBe(
      `“${port}” is not a port number: type ${host} alone, or with a port in digits (${host}:8080).`,
    );
  });

  it('refuses a single word and suggests a full hostname', () => {
    expect(problem('news')).toBe('“news” is not a full hostname; did you mean news.com?');
  });
});
