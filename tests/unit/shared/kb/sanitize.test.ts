// sanitizeNotes: the one markup field is reduced to simple formatting and https: links (run in jsdom, a DOM DOMPurify supports).
// @vitest-environment jsdom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import { sanitizeNotes } from '../../../../lib/shared/kb/sanitize';
import { readRepoFile } from './fixtures';

const HOSTILE =
  '<p onclick="x()">Hi <b>there</b><script>alert(1)</script><img src=x onerror=alert(1)>' +
  '<a href="javascript:alert(1)">bad</a> <a href="https://example.org">good</a></p>';

describe('sanitizeNotes', () => {
  it('keeps simple formatting and https links, drops scripts, handlers and javascript: links', () => {
    expect(sanitizeNotes(HOSTILE)).toBe(
      '<p>Hi <b>there</b><a>bad</a> <a href="https://example.org" rel="noopener noreferrer" target="_blank">good</a></p>',
    );
  });

  it('falls back to escaped text where the DOM cannot sanitize (happy-dom leaves scripts in)', () => {
    const html = sanitizeNotes(
      HOSTILE,
      new Window() as unknown as Parameters<typeof sanitizeNotes>[1],
    );
    expect(html).not.toMatch(/<script|<img|<a /);
    expect(html).toContain('&#60;script&#62;');
  });

  it('renders the bundled notes without losing their text', () => {
    const parsed = parseDataset(JSON.parse(readRepoFile('assets/kb/seed.json')));
    const notes = parsed.ok ? (parsed.value.notes ?? '') : '';
    const html = sanitizeNotes(notes);
    expect(html).toContain('Dallas Weather Forecast');
    expect(html).toContain('<strong>Partial quotes.</strong>');
    expect(html).toBe(notes);
  });
});
