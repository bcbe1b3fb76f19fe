// A small valid dataset for KB tests, with spans computed from sentence text (never hand-counted), and file helpers.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset, Evidence } from '../../../../lib/shared/kb/schema';

export const SOURCE_TEXT = [
  'Storm Hits Port Town',
  'A storm hit Port Town on Monday. Mayor Ana Reyes said “We will rebuild.” Two boats sank.',
  'The Harbor Board met in Port Town, and Reyes leads the board.',
].join('\n');

/** The span of the sentence that starts with `sentenceStart` in SOURCE_TEXT. */
export function span(sentenceStart: string, source = 'storm', text = SOURCE_TEXT): Evidence {
  const start = text.indexOf(sentenceStart);
  if (start < 0) throw new Error(`not in text: ${sentenceStart}`);
  const ends = ['.”', '. ', '.\n'].map((end) => {
    const at = text.indexOf(end, start);
    return at < 0 ? Number.POSITIVE_INFINITY : at + (end === '.”' ? 2 : 1);
  });
  let end = Math.min(...ends, text.length);
  // A heading ends at its line break.
  const lineEnd = text.indexOf('\n', start);
  if (lineEnd >= 0 && lineEnd < end) end = lineEnd;
  return { source, start, end };
}

/** A fresh valid dataset (tests mutate their own copy). */
export function validDataset(): Dataset {
  return {
    schemaVersion: 1,
    id: 'storm-test',
    name: 'Storm test',
    notes: '<p>Test <b>notes</b></p>',
    sources: [
      {
        id: 'storm',
        title: 'Storm Hits Port Town',
        text: SOURCE_TEXT,
        url: 'https://example.org/storm',
      },
    ],
    entities: [
      {
        id: 'port-town',
        kind: 'place',
        name: 'Port Town',
        aliases: [{ text: 'PT', caseSensitive: true }],
      },
      {
        id: 'ana-reyes',
        kind: 'person',
        name: 'Ana Reyes',
        aliases: [{ text: 'Reyes', caseSensitive: false }],
        description: 'Mayor',
        descriptionEvidence: span('Mayor Ana Reyes'),
      },
      { id: 'harbor-board', kind: 'organization', name: 'Harbor Board', aliases: [] },
    ],
    facts: [
      {
        id: 'f1',
        entity: 'port-town',
        text: 'A storm hit Port Town on Monday.',
        evidence: span('A storm hit'),
      },
    ],
    quotes: [
      {
        id: 'q1',
        speaker: 'ana-reyes',
        text: 'We will rebuild.',
        context: 'said',
        evidence: span('Mayor Ana Reyes'),
      },
    ],
    events: [
      {
        id: 'storm-event',
        title: 'Storm in Port Town',
        when: 'on Monday',
        where: ['port-town'],
        participants: ['ana-reyes'],
        figures: [{ kind: 'boats', value: 2, text: 'Two boats sank', evidence: span('Two boats') }],
        evidence: [span('A storm hit'), span('Two boats')],
      },
    ],
    relations: [
      {
        id: 'r1',
        subject: 'ana-reyes',
        predicate: 'leads',
        object: 'harbor-board',
        text: 'Reyes leads the board',
        evidence: span('The Harbor Board met'),
      },
    ],
    ignoredNames: ['Monday'],
  };
}

/** A file of the repository, read as text. */
export function readRepoFile(path: string): string {
  // Not `new URL(path, import.meta.url)`: Vite rewrites that pattern as an asset import.
  return readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../..', path), 'utf8');
}
