// Provenance: every fact, quote, figure, relation and description must sit verbatim inside one whole sentence of its source.
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../lib/kb/parse';
import type { Dataset } from '../../../lib/kb/schema';
import { isSentence, splitSentences } from '../../../lib/kb/sentences';
import { SOURCE_TEXT, span, validDataset } from './fixtures';

function messages(dataset: Dataset): string[] {
  const result = parseDataset(dataset);
  return result.ok ? [] : result.error.map((issue) => `${issue.path}: ${issue.message}`);
}

describe('sentence splitting', () => {
  const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

  it('ends sentences at lines, end marks and quotations that end in an end mark', () => {
    expect(sentences(SOURCE_TEXT)).toEqual([
      'Storm Hits Port Town',
      'A storm hit Port Town on Monday.',
      'Mayor Ana Reyes said “We will rebuild.”',
      'Two boats sank.',
      'The Harbor Board met in Port Town, and Reyes leads the board.',
    ]);
  });

  it('does not split after U.S. or other abbreviations, nor inside a quotation', () => {
    expect(
      sentences(
        'Just weeks ago, U.S. President Donald Trump met Mr. Putin. “Not yet. Sadly, no,” she said. Then 2 left.',
      ),
    ).toEqual([
      'Just weeks ago, U.S. President Donald Trump met Mr. Putin.',
      '“Not yet. Sadly, no,” she said.',
      'Then 2 left.',
    ]);
  });

  it('does not split before a lowercase continuation', () => {
    expect(sentences('It cost approx. ten. e.g. this one.')).toEqual([
      'It cost approx. ten. e.g. this one.',
    ]);
  });
});

describe('provenance check', () => {
  it('passes for items whose text is in their sentence', () => {
    expect(messages(validDataset())).toEqual([]);
  });

  it('fails naming the quote when its text is not verbatim at its span', () => {
    const dataset = validDataset();
    (dataset.quotes[0] as Dataset['quotes'][number]).text = 'We shall rebuild.';
    expect(messages(dataset)).toEqual([
      'quotes[0].text: quote "q1": "We shall rebuild." does not appear verbatim in its evidence sentence',
    ]);
  });

  it('fails naming the fact when its span points at another sentence', () => {
    const dataset = validDataset();
    (dataset.facts[0] as Dataset['facts'][number]).evidence = span('Two boats');
    expect(messages(dataset)).toEqual([
      'facts[0].text: fact "f1": "A storm hit Port Town on Monday." does not appear verbatim in its evidence sentence',
    ]);
  });

  it('fails when a span is part of a sentence or spans two', () => {
    const dataset = validDataset();
    const whole = span('A storm hit');
    (dataset.facts[0] as Dataset['facts'][number]).evidence = { ...whole, end: whole.end - 1 };
    const two = span('Mayor Ana Reyes');
    (dataset.quotes[0] as Dataset['quotes'][number]).evidence = {
      ...two,
      end: span('Two boats').end,
    };
    const result = messages(dataset);
    expect(result).toHaveLength(2);
    expect(result[0]).toMatch(
      /^facts\[0\]\.evidence: fact "f1": span \d+–\d+ of "storm" is not exactly one sentence/,
    );
    expect(result[1]).toMatch(/^quotes\[0\]\.evidence: quote "q1": .* is not exactly one sentence/);
  });

  it('checks figures, relations and descriptions too', () => {
    const dataset = validDataset();
    (dataset.events[0]?.figures[0] as Dataset['events'][number]['figures'][number]).text =
      'Three boats sank';
    (dataset.relations[0] as Dataset['relations'][number]).text = 'Reyes chairs the board';
    (dataset.entities[1] as Dataset['entities'][number]).description = 'Governor';
    expect(messages(dataset)).toEqual([
      'entities[1].description: entity "ana-reyes": "Governor" does not appear verbatim in its evidence sentence',
      'events[0].figures[0].text: event "storm-event" figure 0 (boats): "Three boats sank" does not appear verbatim in its evidence sentence',
      'relations[0].text: relation "r1": "Reyes chairs the board" does not appear verbatim in its evidence sentence',
    ]);
  });

  it('treats every event evidence span as a sentence', () => {
    const dataset = validDataset();
    (dataset.events[0] as Dataset['events'][number]).evidence.push({
      source: 'storm',
      start: 2,
      end: 9,
    });
    expect(messages(dataset)).toEqual([
      'events[0].evidence[2]: event "storm-event": span 2–9 of "storm" is not exactly one sentence ("orm Hit")',
    ]);
  });

  it('isSentence agrees with the splitter', () => {
    for (const s of splitSentences(SOURCE_TEXT))
      expect(isSentence(SOURCE_TEXT, s.start, s.end)).toBe(true);
    expect(isSentence(SOURCE_TEXT, 0, 5)).toBe(false);
  });
});
