// Hostile or broken pages are data: markup, scripts, bidi overrides, absurd names and floods of quotes give a valid dataset of inert plain text, never an exception.
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { draftToDataset } from '../../../../lib/pages/extract/to-dataset';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import { LIMITS } from '../../../../lib/shared/kb/schema';
import { articlePage, draftOf } from './helpers';

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/u;

function expectValid(json: unknown): void {
  const parsed = parseDataset(JSON.parse(JSON.stringify(json)));
  expect(parsed.ok ? [] : parsed.error).toEqual([]);
}

describe('hostile pages', () => {
  it('keeps an article about <script> tags valid: refused sentences are dropped and reported, markup stays text', () => {
    const draft = draftOf(
      articlePage(
        [
          'Security researcher Ada Byte explained how attackers hide code in web pages for the reader.',
          'A page may contain &lt;script&gt;alert(1)&lt;/script&gt; inside an ordinary paragraph. Browsers then run it.',
          'Links such as javascript:alert(1) were once common, Byte said, and &lt;b onclick=steal()&gt;bold&lt;/b&gt; tricks too.',
          '<script>document.title = "pwned"</script><img src="x" onerror="alert(2)">Byte added that <b>bold</b> and <i>italic</i> markup is harmless.',
        ],
        { rawParagraphs: true },
      ),
    );
    const dataset = draftToDataset(draft);
    expectValid(dataset);
    const text = draft.article.text;
    expect(text).not.toMatch(/<\s*script|javascript:|onclick=/i);
    expect(text).toContain('Browsers then run it.');
    expect(text).toContain('Byte added that bold and italic markup is harmless.');
    expect(text).not.toContain('pwned');
    expect(draft.omitted.filter((o) => o.what === 'sentence').map((o) => o.reason)).toEqual([
      expect.stringMatching(/<script> tag.*refuses/),
      expect.stringMatching(/(?:event-handler|javascript:).*refuses/),
    ]);
    expect(draft.candidates.find((c) => c.name === 'Ada Byte')?.kind).toBe('person');
  });

  it('strips bidi overrides from text, names and quotes', () => {
    const draft = draftOf(
      articlePage([
        'Senator Mark \u202EWarner\u202C of Virginia said on Tuesday that the hearing would go ahead as planned.',
        '“We will \u2067not\u2069 be stopped by anyone at all,” said Mark Warner.',
      ]),
    );
    const json = JSON.stringify(draftToDataset(draft));
    expect(json).not.toMatch(BIDI);
    expect(draft.candidates.find((c) => c.name === 'Mark Warner')).toBeDefined();
    expectValid(draftToDataset(draft));
  });

  it('drops a 10,000-character name with a reason and keeps the rest', () => {
    const long = `Z${'z'.repeat(9_999)}`;
    const words = Array.from(
      { length: 2_000 },
      (_, i) => `Name${String.fromCharCode(97 + (i % 26))}x`,
    ).join(' ');
    const draft = draftOf(
      articlePage([
        `Yesterday the council met ${long} in Kyiv to discuss the new budget for the coming year.`,
        `The list read ${words} and nothing else.`,
        'Mayor Vitali Klitschko said the budget would be published next week.',
      ]),
    );
    for (const c of draft.candidates) expect(c.name.length).toBeLessThanOrEqual(LIMITS.name);
    expect(draft.omitted.some((o) => o.what === 'name' && /longer than 200/.test(o.reason))).toBe(
      true,
    );
    expect(draft.candidates.find((c) => c.name === 'Vitali Klitschko')).toBeDefined();
    expectValid(draftToDataset(draft));
  });

  it('handles 500 quotes, each attributed, within the format’s limits', () => {
    const paragraphs = Array.from(
      { length: 500 },
      (_, i) =>
        `“This is statement number ${i + 1} and it matters a great deal,” said Speaker Person${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}.`,
    );
    const draft = draftOf(articlePage(paragraphs));
    expect(draft.quotes).toHaveLength(500);
    const dataset = draftToDataset(draft);
    expect(dataset.quotes.length).toBeGreaterThan(0);
    expectValid(dataset);
  }, 60_000);
});
