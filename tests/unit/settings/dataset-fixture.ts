// A small valid dataset in lib/kb's format (every span one whole sentence of its source), and ways to break it.
import { splitSentences } from '../../../lib/kb/sentences';

const TEXT =
  'Maria Testova leads the Example Council in Sampletown. She said “the council will meet again.” The meeting lasted 3 hours.';

/** The span of the n-th sentence of the fixture source. */
function sentence(n: number): { source: string; start: number; end: number } {
  const span = splitSentences(TEXT)[n];
  if (!span) throw new Error(`the fixture text has no sentence ${n}`);
  return { source: 'fixture-article', start: span.start, end: span.end };
}

export function smallDataset(id = 'fixture-set') {
  return {
    schemaVersion: 1,
    id,
    name: 'Fixture set',
    sources: [{ id: 'fixture-article', title: 'A fixture article', text: TEXT }],
    entities: [
      {
        id: 'maria-testova',
        kind: 'person',
        name: 'Maria Testova',
        aliases: [{ text: 'Maria Testova', caseSensitive: false }],
        description: 'leads the Example Council',
        descriptionEvidence: sentence(0),
      },
      {
        id: 'example-council',
        kind: 'organization',
        name: 'Example Council',
        aliases: [{ text: 'Example Council', caseSensitive: false }],
      },
      {
        id: 'sampletown',
        kind: 'place',
        name: 'Sampletown',
        aliases: [{ text: 'Sampletown', caseSensitive: false }],
      },
    ],
    facts: [
      {
        id: 'maria-leads-council',
        entity: 'maria-testova',
        text: 'leads the Example Council',
        evidence: sentence(0),
      },
    ],
    quotes: [
      {
        id: 'council-will-meet',
        speaker: 'maria-testova',
        text: 'the council will meet again',
        evidence: sentence(1),
      },
    ],
    events: [
      {
        id: 'council-meeting',
        title: 'Council meeting',
        where: ['sampletown'],
        participants: ['maria-testova', 'example-council'],
        figures: [],
        evidence: [sentence(2)],
      },
    ],
    relations: [],
  };
}

export type FixtureDataset = ReturnType<typeof smallDataset>;
