// quotedSpans / isQuoted: which words of a sentence a source puts in quotation marks, with apostrophes told apart.
import { describe, expect, it } from 'vitest';
import { continuedQuotation, isQuoted, quotedSpans } from '../../../../lib/shared/kb/quotation';

const passages = (text: string) => quotedSpans(text).map((s) => text.slice(s.start, s.end));

describe('quotedSpans', () => {
  it('finds curly, straight, single, guillemet and German passages', () => {
    expect(passages('“Every time the sirens sound, I am afraid,” Khilko said.')).toEqual([
      'Every time the sirens sound, I am afraid,',
    ]);
    expect(passages('He said "no" and \'never\' and ‘later’.')).toEqual(['no', 'never', 'later']);
    expect(passages('Il a dit «non» puis „nein“.')).toEqual(['non', 'nein']);
  });

  it('keeps apostrophes and possessives out of the way', () => {
    expect(passages('“Negotiations haven’t yielded anything,” she said.')).toEqual([
      'Negotiations haven’t yielded anything,',
    ]);
    expect(passages('the Zelenskyys’ home, Putin’s war')).toEqual([]);
  });

  it('nests passages and ignores an unclosed mark', () => {
    expect(passages('“He told me ‘no’ twice,” she said; “unclosed')).toEqual([
      'no',
      'He told me ‘no’ twice,',
    ]);
  });
});

describe('isQuoted', () => {
  const sentence = 'Starmer called the strikes “senseless” and senseless again.';

  it('accepts words inside a quoted passage, whole or part', () => {
    expect(isQuoted(sentence, 'senseless')).toBe(true);
    expect(isQuoted('“Every time the sirens sound, I am afraid,” he said.', 'I am afraid')).toBe(
      true,
    );
  });

  it('rejects words outside quotation marks, or that straddle one', () => {
    expect(isQuoted(sentence, 'called the strikes')).toBe(false);
    expect(isQuoted(sentence, 'senseless” and')).toBe(false);
    expect(isQuoted(sentence, '“senseless”')).toBe(false);
  });
});

describe('continuedQuotation', () => {
  it('finds an outermost double mark left open for the next paragraph', () => {
    const text = 'He said: “We will rebuild. It will take years';
    const span = continuedQuotation(text);
    expect(span && text.slice(span.start, span.end)).toBe('We will rebuild. It will take years');
    expect(isQuoted(text, 'It will take years')).toBe(true);
    expect(isQuoted(text, 'He said')).toBe(false);
  });

  it('is undefined when every mark closes, or only a single mark is open', () => {
    expect(continuedQuotation('“Closed,” he said.')).toBeUndefined();
    expect(continuedQuotation('the Zelenskyys’ home and ‘unclosed')).toBeUndefined();
  });
});
