// A small, valid dataset over the real seed article, for testing the panel's models against the real KB class.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset, Evidence } from '../../../lib/shared/kb/schema';
import { sentenceAt } from '../../../lib/shared/kb/sentences';

export const seedText = readFileSync(
  resolve(__dirname, '../../../../shared/seed/000_933baf935723bedd.txt'),
  'utf8',
);

/** The whole sentence containing `words` (its first occurrence), as evidence. */
export function evidenceFor(words: string): Evidence {
  const at = seedText.indexOf(words);
  if (at === -1) throw new Error(`not in the seed: ${words}`);
  const sentence = sentenceAt(seedText, at);
  if (!sentence) throw new Error(`no sentence at ${words}`);
  return { source: 'seed', start: sentence.start, end: sentence.end };
}

const alias = (text: string, caseSensitive = false) => ({ text, caseSensitive });

export const seedDataset: Dataset = {
  schemaVersion: 1,
  id: 'test-seed',
  name: 'Test seed',
  sources: [{ id: 'seed', title: 'Russian Missile and Drone Attack on Kyiv', text: seedText }],
  entities: [
    { id: 'kyiv', kind: 'place', name: 'Kyiv', aliases: [alias('Kyiv'), alias('Kiev')] },
    {
      id: 'keir-starmer',
      kind: 'person',
      name: 'Keir Starmer',
      aliases: [alias('Starmer')],
      description: 'British Prime Minister',
    },
    {
      id: 'vladimir-putin',
      kind: 'person',
      name: 'Vladimir Putin',
      aliases: [alias('Putin')],
      description: 'Russian President',
    },
    {
      id: 'volodymyr-zelenskyy',
      kind: 'person',
      name: 'Volodymyr Zelenskyy',
      aliases: [alias('Zelenskyy'), alias('Zelensky')],
      description: 'Ukrainian President',
    },
    { id: 'donald-trump', kind: 'person', name: 'Donald Trump', aliases: [alias('Trump')] },
    { id: 'alaska', kind: 'place', name: 'Alaska', aliases: [] },
    { id: 'russia', kind: 'place', name: 'Russia', aliases: [] },
    { id: 'washington', kind: 'place', name: 'Washington', aliases: [] },
  ],
  facts: [
    {
      id: 'starmer-senseless',
      entity: 'keir-starmer',
      text: 'called the strikes “senseless”',
      evidence: evidenceFor('Keir Starmer called the strikes'),
    },
  ],
  quotes: [
    {
      id: 'zelenskyy-ballistics',
      speaker: 'volodymyr-zelenskyy',
      text: 'Russia chooses ballistics instead of the negotiating table',
      context: 'said in a statement',
      evidence: evidenceFor('Russia chooses ballistics'),
    },
  ],
  events: [
    // Listed out of article order on purpose: the timeline must follow the article.
    {
      id: 'arms-sale',
      title: 'U.S. approves $825 million arms package for Ukraine',
      where: ['washington'],
      participants: [],
      figures: [
        {
          kind: 'money',
          value: 825_000_000,
          unit: 'USD',
          text: '$825 million',
          evidence: evidenceFor('approved an $825 million arms package'),
        },
      ],
      evidence: [evidenceFor('approved an $825 million arms package')],
    },
    {
      id: 'kyiv-attack',
      title: 'Russian missile and drone attack on Kyiv',
      when: 'Thursday',
      where: ['kyiv'],
      participants: ['russia'],
      figures: [
        {
          kind: 'dead',
          value: 21,
          qualifier: 'at least',
          text: 'at least 21',
          evidence: evidenceFor('killed at least 21 people'),
        },
        {
          kind: 'drones',
          value: 598,
          unit: 'drones and decoys',
          text: '598 drones and decoys',
          evidence: evidenceFor('598 drones and decoys'),
        },
      ],
      evidence: [
        evidenceFor('In the early hours of Thursday'),
        evidenceFor('killed at least 21 people'),
      ],
    },
    {
      id: 'alaska-meeting',
      title: 'Trump meets Putin in Alaska',
      when: 'Just weeks ago',
      where: ['alaska'],
      participants: ['donald-trump', 'vladimir-putin'],
      figures: [],
      evidence: [evidenceFor('met with Putin in Alaska')],
    },
  ],
  relations: [
    {
      id: 'starmer-accuses-putin',
      subject: 'keir-starmer',
      predicate: 'accused',
      object: 'vladimir-putin',
      text: 'accused Russian President Vladimir Putin',
      evidence: evidenceFor('Keir Starmer called the strikes'),
    },
  ],
};
