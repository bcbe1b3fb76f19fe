// Facts that stand on their own: each rule of lib/shared/kb/standalone.ts rejects a badly cut fact with its JSON path and accepts the well-cut one.
import { describe, expect, it } from 'vitest';
import { type Annotations, buildDataset } from '../../../../lib/shared/kb/annotations';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import {
  contextProblem,
  factTextProblems,
  reportFrames,
  standaloneIssues,
} from '../../../../lib/shared/kb/standalone';

const ARTICLE = [
  'Storm Hits Port Town',
  '“We will rebuild,” said Mayor Ana Reyes, who criticized both the governor and the Harbor Board after the storm.',
  'Harbor Board officials reported that two boats sank near Port Town.',
  'Ana Reyes accused the governor of ignoring the warnings.',
  'The storm flooded 40 homes in Port Town, officials said, making it the worst in a decade.',
  '“Help is coming,” Governor Bo Lind said in a statement.',
  'Reyes warned that if the Harbor Board delays repairs, the harbor may close within a week.',
  'For the first time, waves reached the town hall.',
  'Water rose so high that even Port Town’s library flooded.',
  'The Harbor Board met on Monday, and it approved the repairs.',
].join('\n');

type FactNote = Annotations['facts'][number];

/** A dataset over ARTICLE with the given facts (and optionally quotes and events), spans found by the builder. */
function dataset(
  facts: FactNote[],
  more: Partial<Pick<Annotations, 'quotes' | 'events'>> = {},
): Dataset {
  const annotations: Annotations = {
    id: 'storm-standalone',
    name: 'Storm',
    source: { id: 'storm' },
    entities: [
      { id: 'port-town', kind: 'place', name: 'Port Town', aliases: [] },
      { id: 'ana-reyes', kind: 'person', name: 'Ana Reyes', aliases: ['Reyes'] },
      { id: 'bo-lind', kind: 'person', name: 'Bo Lind', aliases: ['Lind'] },
      { id: 'harbor-board', kind: 'organization', name: 'Harbor Board', aliases: [] },
    ],
    facts,
    quotes: more.quotes ?? [],
    events: more.events ?? [],
    relations: [],
  };
  const built = buildDataset(annotations, ARTICLE);
  // Every dataset here is valid by parseDataset: the rules below are on top of provenance, not instead of it.
  const parsed = parseDataset(built);
  expect(parsed.ok ? [] : parsed.error).toEqual([]);
  return built;
}

/** The issues of one fact, as "path: message". */
function issuesOf(entity: string, text: string, within?: string): string[] {
  const fact: FactNote = within === undefined ? { entity, text } : { entity, text, in: within };
  return standaloneIssues(dataset([fact])).map((issue) => `${issue.path}: ${issue.message}`);
}

describe('subject: a fact cut from inside a sentence starts at its own subject', () => {
  it('rejects a relative clause ("who …"): read alone, the fact is about whoever the card names', () => {
    const issues = issuesOf(
      'harbor-board',
      'who criticized both the governor and the Harbor Board after the storm',
      'We will rebuild',
    );
    expect(issues).toEqual([
      expect.stringMatching(
        /^facts\[0\]\.text: fact "harbor-board-fact-1": starts inside a relative clause \("who criticized both the governo…"\): the fact must name who did it$/,
      ),
    ]);
    // The clause with its subject: Reyes criticized.
    expect(
      issuesOf(
        'harbor-board',
        'Mayor Ana Reyes, who criticized both the governor and the Harbor Board after the storm.',
      ),
    ).toEqual([]);
  });

  it('rejects a bare verb ("accused …"): its subject is cut off', () => {
    const issues = issuesOf('ana-reyes', 'accused the governor of ignoring the warnings');
    expect(issues[0]).toMatch(/^facts\[0\]\.text: .*starts with the verb "accused"/);
    expect(
      issuesOf('ana-reyes', 'Ana Reyes accused the governor of ignoring the warnings.'),
    ).toEqual([]);
  });

  it('rejects a subject pronoun, a conjunction and an unknown lowercase word; takes a skipped adverb', () => {
    expect(issuesOf('harbor-board', 'it approved the repairs')).toEqual([
      expect.stringMatching(/starts with the pronoun "it"/),
    ]);
    expect(issuesOf('harbor-board', 'and it approved the repairs')).toEqual([
      expect.stringMatching(/starts with the conjunction "and"/),
    ]);
    // A bare noun cannot be told from a verb by a list: the whole sentence is the fix.
    expect(issuesOf('port-town', 'waves reached the town hall')).toEqual([
      expect.stringMatching(/lowercase word "waves".*take the whole sentence/),
    ]);
    expect(issuesOf('port-town', 'For the first time, waves reached the town hall.')).toEqual([]);
    expect(
      issuesOf('harbor-board', 'The Harbor Board met on Monday, and it approved the repairs.'),
    ).toEqual([]);
    // "even" is skipped; "Port Town’s library" is the subject.
    expect(issuesOf('port-town', 'even Port Town’s library flooded')).toEqual([]);
  });
});

describe('attribution: a fact the sentence attributes keeps who says so', () => {
  it('rejects a reported clause without "X reported that"', () => {
    const issues = issuesOf('port-town', 'two boats sank near Port Town');
    expect(issues).toEqual([
      expect.stringMatching(
        /^facts\[0\]\.text: .*leaves out who says so: its sentence attributes it \("Harbor Board officials reported that"\), so the fact must keep "reported" and who$/,
      ),
    ]);
    expect(
      issuesOf('port-town', 'Harbor Board officials reported that two boats sank near Port Town.'),
    ).toEqual([]);
  });

  it('rejects a claim cut before its "…, officials said"', () => {
    expect(issuesOf('port-town', 'The storm flooded 40 homes in Port Town')).toEqual([
      expect.stringMatching(/leaves out who says so: .*\("officials said"\)/),
    ]);
    expect(
      issuesOf(
        'port-town',
        'The storm flooded 40 homes in Port Town, officials said, making it the worst in a decade.',
      ),
    ).toEqual([]);
  });

  it('rejects the quoted words without "said X"', () => {
    expect(issuesOf('bo-lind', '“Help is coming,”')).toEqual([
      expect.stringMatching(/leaves out who says so: .*"Governor Bo Lind said in a statement"/),
    ]);
  });
});

describe('says something: a fact is more than who spoke', () => {
  it('rejects "X said in a statement" and accepts the speaker with what the sentence says of them', () => {
    expect(issuesOf('bo-lind', 'Governor Bo Lind said in a statement')).toEqual([
      expect.stringMatching(
        /^facts\[0\]\.text: .*only says who spoke \("Governor Bo Lind said in a statement"\): what was said is outside the fact/,
      ),
    ]);
    expect(issuesOf('bo-lind', '“Help is coming,” Governor Bo Lind said in a statement.')).toEqual(
      [],
    );
  });
});

describe('conditions: a condition and its outcome stay together', () => {
  it('rejects the condition without its outcome, and the outcome without its condition', () => {
    expect(issuesOf('ana-reyes', 'Reyes warned that if the Harbor Board delays repairs')).toEqual([
      expect.stringMatching(
        /^facts\[0\]\.text: .*states a condition \("if the Harbor Board delays repairs"\) without the clause it conditions \("the harbor may close within a week"\)$/,
      ),
    ]);
    const outcome = issuesOf('port-town', 'the harbor may close within a week');
    expect(outcome).toContainEqual(
      expect.stringMatching(/states an outcome without its condition \("if the Harbor Board/),
    );
    expect(outcome).toContainEqual(
      expect.stringMatching(/leaves out who says so: .*"Reyes warned that"/),
    );
    expect(
      issuesOf(
        'ana-reyes',
        'Reyes warned that if the Harbor Board delays repairs, the harbor may close within a week.',
      ),
    ).toEqual([]);
  });
});

describe('quote context: the source’s own words', () => {
  const quote = (context: string) =>
    standaloneIssues(
      dataset([], {
        quotes: [{ id: 'lind-help', speaker: 'bo-lind', text: 'Help is coming', context }],
      }),
    ).map((issue) => `${issue.path}: ${issue.message}`);

  it('rejects an editor’s note or a paraphrase, naming the path; accepts words of the sentence', () => {
    expect(quote('said in a statement (a partial quote)')).toEqual([
      expect.stringMatching(
        /^quotes\[0\]\.context: quote "lind-help": context "said in a statement \(a partial quote\)" is not the source's words: it must appear verbatim in the quote's evidence sentence \(an editor’s note/,
      ),
    ]);
    expect(quote('said while touring the harbor')).toEqual([
      expect.stringMatching(/^quotes\[0\]\.context: .*not the source's words/),
    ]);
    expect(quote('said in a statement')).toEqual([]);
    expect(contextProblem('said', '“Help is coming,” Lind said.')).toBeNull();
  });
});

describe('events: participants are people and organizations, where lists places', () => {
  const event = (where: string[], participants: string[]) =>
    standaloneIssues(
      dataset([], {
        events: [
          {
            id: 'storm',
            title: 'Storm',
            where,
            participants,
            figures: [],
            evidence: ['The storm flooded 40 homes'],
          },
        ],
      }),
    ).map((issue) => `${issue.path}: ${issue.message}`);

  it('rejects a place among the participants and a person as a place', () => {
    expect(event(['ana-reyes'], ['harbor-board', 'port-town'])).toEqual([
      'events[0].participants[1]: event "storm": "port-town" is a place: participants are the people and organizations involved; a place belongs in where',
      'events[0].where[0]: event "storm": "ana-reyes" is a person, not a place: where lists places; people and organizations are participants',
    ]);
    expect(event(['port-town'], ['harbor-board', 'ana-reyes'])).toEqual([]);
  });
});

describe('report frames', () => {
  const frames = (sentence: string) =>
    reportFrames(sentence).map((f) => [
      sentence.slice(f.cue.start, f.cue.end),
      sentence.slice(f.frame.start, f.frame.end).trim(),
      sentence.slice(f.content.start, f.content.end),
    ]);

  it('finds the speaker and the reported words before and after the verb', () => {
    expect(
      frames('“No mission should be a target,” said Kaja Kallas, the EU’s top diplomat.'),
    ).toEqual([['said', 'said Kaja Kallas', '“No mission should be a target,']]);
    expect(
      frames('At least 33 locations were damaged, officials said, making this the worst.'),
    ).toEqual([['said', 'officials said', 'At least 33 locations were damaged']]);
    expect(
      frames('The United Nations will meet, and U.S. officials confirmed that envoys will go.'),
    ).toEqual([['confirmed', 'U.S. officials confirmed that', 'envoys will go']]);
    expect(frames('Russia reported shooting down 102 drones.')).toEqual([
      ['reported', 'Russia reported', 'shooting down 102 drones'],
    ]);
    expect(frames('X, according to the ministry.')).toEqual([
      ['according to', 'according to the ministry', 'X'],
    ]);
  });

  it('does not take a verb that reports nothing here for a frame', () => {
    // "called in" an ambassador is no quotation; "insists on" and "shows" without "that" report no clause.
    expect(
      frames('The UK also called in Russia’s ambassador after the office was “severely damaged.”'),
    ).toEqual([]);
    expect(frames('While Washington pushes for talks, Moscow insists on escalation.')).toEqual([]);
    expect(frames('The map shows 10 districts.')).toEqual([]);
  });

  it('applies to a fact given by its text (for the extractor’s review)', () => {
    const sentence = 'Ana Reyes accused the governor of ignoring the warnings.';
    expect(factTextProblems(sentence, 'the governor of ignoring the warnings')).toEqual([
      expect.stringMatching(/leaves out who says so: .*"Ana Reyes accused"/),
    ]);
    expect(factTextProblems(sentence, sentence)).toEqual([]);
  });
});
