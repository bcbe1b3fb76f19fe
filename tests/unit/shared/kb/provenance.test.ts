// Provenance: every fact, quote, figure, relation and description must sit verbatim inside one whole sentence of its source;
// quotes inside quotation marks, figure values as their words state them, an event's `when` as its sentences word it.
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import { isSentence, splitSentences } from '../../../../lib/shared/kb/sentences';
import { exportDataset, readDatasetFile } from '../../../../lib/shared/kb/transfer';
import { readRepoFile, SOURCE_TEXT, span, validDataset } from './fixtures';

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
      // "Three" also contradicts the value 2 (checked on its own, below).
      'events[0].figures[0].value: event "storm-event" figure 0 (boats): value 2 is not the number its text "Three boats sank" states (3)',
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

  it('fails naming the figure whose value is not the number its words state', () => {
    const dataset = validDataset();
    const figure = dataset.events[0]?.figures[0] as Dataset['events'][number]['figures'][number];
    figure.value = 3;
    expect(messages(dataset)).toEqual([
      'events[0].figures[0].value: event "storm-event" figure 0 (boats): value 3 is not the number its text "Two boats sank" states (2)',
    ]);
    figure.text = 'boats sank';
    expect(messages(dataset)).toEqual([
      'events[0].figures[0].value: event "storm-event" figure 0 (boats): value 3 is not stated by its text "boats sank", which gives no number',
    ]);
  });

  it('fails the audit’s example on the bundled dataset: 22 for “killed at least 21 people”', () => {
    const seed = JSON.parse(readRepoFile('assets/kb/seed.json')) as Dataset;
    const figure = seed.events[0]?.figures[0] as Dataset['events'][number]['figures'][number];
    expect(figure.text).toBe('killed at least 21 people');
    figure.value = 22;
    expect(messages(seed)).toEqual([
      'events[0].figures[0].value: event "kyiv-attack" figure 0 (dead): value 22 is not the number its text "killed at least 21 people" states (21)',
    ]);
  });

  it('fails naming the event whose `when` is not in any of its evidence sentences', () => {
    const dataset = validDataset();
    const event = dataset.events[0] as Dataset['events'][number];
    event.when = 'on Tuesday';
    expect(messages(dataset)).toEqual([
      'events[0].when: event "storm-event": when "on Tuesday" does not appear verbatim in any of its evidence sentences',
    ]);
    // "on Monday" is in the first evidence sentence only: without it, the event no longer says when.
    event.when = 'on Monday';
    event.evidence = [span('Two boats')];
    expect(messages(dataset)).toEqual([
      'events[0].when: event "storm-event": when "on Monday" does not appear verbatim in any of its evidence sentences',
    ]);
  });

  it('fails naming the quote whose words the source does not put in quotation marks', () => {
    const dataset = validDataset();
    (dataset.quotes[0] as Dataset['quotes'][number]).text = 'Mayor Ana Reyes said';
    expect(messages(dataset)).toEqual([
      'quotes[0].text: quote "q1": "Mayor Ana Reyes said" is not inside quotation marks (“…”, "…", ‘…’, «…») in its evidence sentence',
    ]);
  });

  it('applies the same checks to an imported file, all at once, with JSON paths', () => {
    const dataset = validDataset();
    (dataset.events[0]?.figures[0] as Dataset['events'][number]['figures'][number]).value = 22;
    (dataset.events[0] as Dataset['events'][number]).when = 'last year';
    (dataset.quotes[0] as Dataset['quotes'][number]).text = 'said';
    const result = readDatasetFile(exportDataset(dataset));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.map((issue) => issue.path)).toEqual([
        'quotes[0].text',
        'events[0].when',
        'events[0].figures[0].value',
      ]);
  });

  it('isSentence agrees with the splitter', () => {
    for (const s of splitSentences(SOURCE_TEXT))
      expect(isSentence(SOURCE_TEXT, s.start, s.end)).toBe(true);
    expect(isSentence(SOURCE_TEXT, 0, 5)).toBe(false);
  });
});
