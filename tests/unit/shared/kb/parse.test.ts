// parseDataset: a valid dataset passes; each kind of broken input is reported with its JSON path and reason, all at once.
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset, DatasetIssue } from '../../../../lib/shared/kb/schema';
import { span, validDataset } from './fixtures';

/** The issues of a dataset changed by `mutate` (fails the test if it unexpectedly passes). */
function issuesOf(mutate: (d: Dataset & Record<string, unknown>) => void): DatasetIssue[] {
  const dataset = validDataset() as Dataset & Record<string, unknown>;
  mutate(dataset);
  const result = parseDataset(JSON.parse(JSON.stringify(dataset)));
  if (result.ok) throw new Error('expected the dataset to be rejected');
  return result.error;
}

function expectIssue(issues: DatasetIssue[], path: string, message: RegExp): void {
  expect(issues, JSON.stringify(issues, null, 1)).toContainEqual({
    path,
    message: expect.stringMatching(message),
  });
}

describe('parseDataset', () => {
  it('accepts a valid dataset and returns it unchanged', () => {
    const dataset = validDataset();
    const result = parseDataset(JSON.parse(JSON.stringify(dataset)));
    expect(result).toEqual({ ok: true, value: dataset });
  });

  it('rejects a value that is not an object', () => {
    for (const value of [null, 42, 'dataset', [1, 2]]) {
      const result = parseDataset(value);
      expect(result.ok).toBe(false);
    }
  });

  it('rejects the wrong schemaVersion', () => {
    expectIssue(
      issuesOf((d) => {
        (d as Record<string, unknown>).schemaVersion = 2;
      }),
      'schemaVersion',
      /must be 1/,
    );
  });

  it('accepts an event date as a day, month or year and rejects any other form', () => {
    const dated = validDataset();
    const event = dated.events[0];
    if (!event) throw new Error('fixture has an event');
    for (const date of ['2025-08-28', '2025-08', '1997']) {
      event.date = date;
      expect(parseDataset(JSON.parse(JSON.stringify(dated))).ok).toBe(true);
    }
    for (const date of ['2025-13-01', '28 Aug 2025', '2025-08-28T10:00:00Z']) {
      expectIssue(
        issuesOf((d) => {
          (d.events[0] as Record<string, unknown>).date = date;
        }),
        'events[0].date',
        /YYYY/,
      );
    }
  });

  it('rejects wrong types with the path of the field', () => {
    const issues = issuesOf((d) => {
      (d.entities[0] as Record<string, unknown>).name = 7;
      (d.entities[1]?.aliases[0] as Record<string, unknown>).caseSensitive = 'yes';
      (d.events[0]?.figures[0] as Record<string, unknown>).value = '2';
    });
    expectIssue(issues, 'entities[0].name', /string/i);
    expectIssue(issues, 'entities[1].aliases[0].caseSensitive', /boolean/i);
    expectIssue(issues, 'events[0].figures[0].value', /number/i);
  });

  it('rejects a quote without a speaker, and one whose speaker is not an entity', () => {
    const issues = issuesOf((d) => {
      const quote = d.quotes[0] as Record<string, unknown>;
      delete quote.speaker;
      d.quotes.push({ ...(d.quotes[0] as Dataset['quotes'][number]), id: 'q2', speaker: 'nobody' });
    });
    expectIssue(issues, 'quotes[0].speaker', /expected string/i);
    expectIssue(issues, 'quotes[1].speaker', /speaker "nobody" is not an entity/);
  });

  it('rejects references to unknown entities in facts, events and relations', () => {
    const issues = issuesOf((d) => {
      (d.facts[0] as Dataset['facts'][number]).entity = 'atlantis';
      (d.events[0] as Dataset['events'][number]).where.push('atlantis');
      (d.events[0] as Dataset['events'][number]).participants.push('ghost');
      (d.relations[0] as Dataset['relations'][number]).object = 'ghost';
    });
    expectIssue(issues, 'facts[0].entity', /fact "f1".*"atlantis"/);
    expectIssue(issues, 'events[0].where[1]', /event "storm-event".*place "atlantis"/);
    expectIssue(issues, 'events[0].participants[1]', /participant "ghost"/);
    expectIssue(issues, 'relations[0].object', /relation "r1".*"ghost"/);
  });

  it('rejects duplicate ids, naming both places', () => {
    const issues = issuesOf((d) => {
      d.entities.push({ ...(d.entities[0] as Dataset['entities'][number]) });
      d.facts.push({ ...(d.facts[0] as Dataset['facts'][number]) });
    });
    expectIssue(issues, 'entities[3].id', /duplicate id "port-town" \(also entities\[0\]\)/);
    expectIssue(issues, 'facts[1].id', /duplicate id "f1"/);
  });

  it('rejects a span outside the source text', () => {
    const issues = issuesOf((d) => {
      (d.facts[0] as Dataset['facts'][number]).evidence = {
        source: 'storm',
        start: 10,
        end: 99999,
      };
    });
    expectIssue(issues, 'facts[0].evidence.end', /fact "f1": span 10–99999 lies outside the text/);
  });

  it('rejects an evidence span whose end is not after its start, and a negative start', () => {
    const issues = issuesOf((d) => {
      (d.facts[0] as Dataset['facts'][number]).evidence = { source: 'storm', start: 5, end: 5 };
      (d.quotes[0] as Dataset['quotes'][number]).evidence = { source: 'storm', start: -1, end: 5 };
    });
    expectIssue(issues, 'facts[0].evidence.end', /greater than start/);
    expectIssue(issues, 'quotes[0].evidence.start', /0/);
  });

  it('rejects evidence from an unknown source', () => {
    const issues = issuesOf((d) => {
      (d.facts[0] as Dataset['facts'][number]).evidence = {
        ...span('A storm hit'),
        source: 'other',
      };
    });
    expectIssue(issues, 'facts[0].evidence.source', /unknown source "other"/);
  });

  it('rejects script tags, event handlers and javascript: links in plain-text fields', () => {
    const issues = issuesOf((d) => {
      (d.entities[0] as Dataset['entities'][number]).name = 'Port <script>alert(1)</script>';
      (d.entities[1]?.aliases[0] as Dataset['entities'][number]['aliases'][number]).text =
        '<img src=x onerror="alert(1)">';
      (d.quotes[0] as Dataset['quotes'][number]).context = 'see javascript:alert(1)';
      (d.sources[0] as Dataset['sources'][number]).title = '<iframe src="https://evil.example">';
    });
    expectIssue(issues, 'entities[0].name', /<script>/);
    expectIssue(issues, 'entities[1].aliases[0].text', /event-handler/);
    expectIssue(issues, 'quotes[0].context', /javascript:/);
    expectIssue(issues, 'sources[0].title', /embedded-content/);
  });

  it('keeps harmless angle brackets in plain text as they are', () => {
    const dataset = validDataset();
    (dataset.entities[0] as Dataset['entities'][number]).name = 'Port Town <est. 1820> & Co';
    const result = parseDataset(dataset);
    expect(result.ok && result.value.entities[0]?.name).toBe('Port Town <est. 1820> & Co');
  });

  it('rejects a script in notes even though notes may hold markup', () => {
    expectIssue(
      issuesOf((d) => {
        d.notes = '<p>hi</p><script>steal()</script>';
      }),
      'notes',
      /<script>/,
    );
  });

  it('rejects javascript:, data: and http: urls', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'http://example.org',
      '/relative',
    ]) {
      const issues = issuesOf((d) => {
        (d.sources[0] as Dataset['sources'][number]).url = url;
      });
      expectIssue(issues, 'sources[0].url', /https/);
    }
  });

  it('rejects malformed ids and kinds', () => {
    const issues = issuesOf((d) => {
      (d.entities[0] as Dataset['entities'][number]).id = 'Port Town';
      (d.entities[1] as Dataset['entities'][number]).kind = 'Person!';
      (d.relations[0] as Dataset['relations'][number]).predicate = 'Leads The';
    });
    expectIssue(issues, 'entities[0].id', /lowercase/);
    expectIssue(issues, 'entities[1].kind', /lowercase/);
    expectIssue(issues, 'relations[0].predicate', /lowercase/);
  });

  it('rejects strings over their length limit and empty names', () => {
    const issues = issuesOf((d) => {
      (d.entities[0] as Dataset['entities'][number]).name = 'x'.repeat(201);
      (d.entities[2] as Dataset['entities'][number]).name = '';
    });
    expectIssue(issues, 'entities[0].name', /at most 200/);
    expectIssue(issues, 'entities[2].name', /empty/);
  });

  it('rejects missing sections and unknown fields', () => {
    const issues = issuesOf((d) => {
      delete (d as Record<string, unknown>).quotes;
      (d.entities[0] as Record<string, unknown>).html = '<b>x</b>';
    });
    expectIssue(issues, 'quotes', /expected array/i);
    expectIssue(issues, 'entities[0]', /unrecognized key.*html/i);
  });

  it('rejects an exclusion that contains none of the entity’s names (it would exclude nothing of its own)', () => {
    const issues = issuesOf((d) => {
      const town = d.entities[0] as Dataset['entities'][number];
      town.excludes = [
        { text: 'Port Town Harbour', caseSensitive: false },
        { text: 'Portside', caseSensitive: false },
        // "PT" is case-sensitive: "pt cruiser" does not contain it.
        { text: 'pt cruiser', caseSensitive: false },
      ];
    });
    expect(issues).toEqual([
      {
        path: 'entities[0].excludes[1].text',
        message:
          'entity "port-town": exclusion "Portside" contains none of its names, so it excludes nothing',
      },
      {
        path: 'entities[0].excludes[2].text',
        message:
          'entity "port-town": exclusion "pt cruiser" contains none of its names, so it excludes nothing',
      },
    ]);
  });

  it('rejects an event without evidence', () => {
    expectIssue(
      issuesOf((d) => {
        (d.events[0] as Dataset['events'][number]).evidence = [];
      }),
      'events[0].evidence',
      /at least one evidence/,
    );
  });

  it('reports every problem at once, including cross-item ones next to malformed items', () => {
    const issues = issuesOf((d) => {
      (d as Record<string, unknown>).schemaVersion = 3;
      (d.entities[0] as Record<string, unknown>).kind = 5;
      (d.facts[0] as Dataset['facts'][number]).text = 'A storm hit Port Town on Tuesday.';
      (d.relations[0] as Dataset['relations'][number]).subject = 'ghost';
    });
    expectIssue(issues, 'schemaVersion', /must be 1/);
    expectIssue(issues, 'entities[0].kind', /string/i);
    expectIssue(issues, 'facts[0].text', /does not appear verbatim/);
    expectIssue(issues, 'relations[0].subject', /"ghost"/);
    // The malformed entity still exists, so references to it are not reported twice.
    expect(issues.some((issue) => /"port-town" is not an entity/.test(issue.message))).toBe(false);
  });
});
