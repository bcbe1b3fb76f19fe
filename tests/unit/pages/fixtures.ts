// Test data shaped like the seed article's knowledge base, as the panel's plain models.
import type { EntityDetail, EventDetail, SourceDocument } from '../../../lib/pages/models';
import type { SearchCorpus } from '../../../lib/pages/search';

const src = (start: number, end: number) => ({ sourceId: 'seed', start, end });

export const corpus: SearchCorpus = {
  entities: [
    {
      id: 'zelenskyy',
      name: 'Volodymyr Zelenskyy',
      kind: 'person',
      aliases: ['Zelenskyy', 'Zelensky', 'Zelenskiy', 'Зеленський'],
      description: 'President of Ukraine',
    },
    {
      id: 'kyiv',
      name: 'Kyiv',
      kind: 'place',
      aliases: ['Kiev'],
      description: 'Capital of Ukraine',
    },
    {
      id: 'starmer',
      name: 'Keir Starmer',
      kind: 'person',
      aliases: ['Starmer'],
      description: 'British Prime Minister',
    },
    {
      id: 'putin',
      name: 'Vladimir Putin',
      kind: 'person',
      aliases: ['Putin'],
      description: 'Russian President',
    },
    { id: 'ukraine', name: 'Ukraine', kind: 'place', aliases: [] },
    { id: 'russia', name: 'Russia', kind: 'place', aliases: ['Moscow'] },
    { id: 'eu', name: 'European Union', kind: 'organization', aliases: ['EU'] },
    {
      id: 'kallas',
      name: 'Kaja Kallas',
      kind: 'person',
      aliases: ['Kallas'],
      description: 'The EU’s top diplomat',
    },
    {
      id: 'trump',
      name: 'Donald Trump',
      kind: 'person',
      aliases: ['Trump'],
      description: 'U.S. President',
    },
    { id: 'alaska', name: 'Alaska', kind: 'place', aliases: [] },
    { id: 'vinnytsia', name: 'Vinnytsia', kind: 'place', aliases: [] },
  ],
  quotes: [
    {
      id: 'q-zelenskyy',
      text: 'Russia chooses ballistics instead of the negotiating table',
      speaker: { id: 'zelenskyy', name: 'Volodymyr Zelenskyy', kind: 'person' },
      span: src(300, 380),
    },
    {
      id: 'q-kallas',
      text: 'No diplomatic mission should ever be a target',
      speaker: { id: 'kallas', name: 'Kaja Kallas', kind: 'person' },
      span: src(400, 460),
    },
    {
      id: 'q-unattributed',
      text: 'The strike killed at least 21 people',
      speaker: null,
      span: src(62, 99),
    },
  ],
  events: [
    {
      id: 'e-attack',
      title: 'Russian missile and drone attack on Kyiv',
      when: 'Thursday',
      where: 'Kyiv',
      participants: ['Russia', 'Kyiv'],
    },
    {
      id: 'e-alaska',
      title: 'Trump–Putin meeting in Alaska',
      when: 'just weeks ago',
      where: 'Alaska',
      participants: ['Donald Trump', 'Vladimir Putin'],
    },
  ],
};

export const starmer: EntityDetail = {
  id: 'starmer',
  name: 'Keir Starmer',
  kind: 'person',
  description: 'British Prime Minister',
  aliases: ['Starmer'],
  facts: [
    {
      id: 'f1',
      text: 'Called the strikes “senseless”',
      sentence:
        'British Prime Minister Keir Starmer called the strikes “senseless” and accused Russian President Vladimir Putin of sabotaging peace efforts.',
      span: src(100, 230),
    },
  ],
  quotes: [
    {
      id: 'q1',
      text: 'senseless',
      speaker: { id: 'starmer', name: 'Keir Starmer', kind: 'person' },
      context: 'On the strikes on Kyiv',
      sentence: 'British Prime Minister Keir Starmer called the strikes “senseless”…',
      span: src(100, 230),
    },
  ],
  events: [
    {
      id: 'e-attack',
      title: 'Russian missile and drone attack on Kyiv',
      when: 'Thursday',
      where: 'Kyiv',
      placement: 'undated',
    },
  ],
  related: [{ id: 'putin', name: 'Vladimir Putin', kind: 'person', relation: 'accused' }],
  merged: [],
  candidates: [],
};

export const attack: EventDetail = {
  id: 'e-attack',
  title: 'Russian missile and drone attack on Kyiv',
  when: 'Thursday',
  where: 'Kyiv',
  participants: [
    { id: 'russia', name: 'Russia', kind: 'place' },
    { id: 'kyiv', name: 'Kyiv', kind: 'place' },
  ],
  figures: [
    { label: 'dead', value: '21', qualifier: 'at least' },
    { label: 'wounded', value: '48' },
    { label: 'drones and decoys', value: '598' },
    { label: 'missiles', value: '31' },
  ],
  sentences: [
    {
      text: 'The strike, which included a rare direct hit on the city center, killed at least 21 people, wounded 48 more…',
      span: src(10, 60),
    },
  ],
};

export const source: SourceDocument = {
  id: 'seed',
  title: 'Russian Missile and Drone Attack on Kyiv Leaves 21 Dead as Peace Talks Stall',
  paragraphs: [
    [
      { text: 'Kyiv', entity: { id: 'kyiv', name: 'Kyiv', kind: 'place' } },
      { text: ' woke up to one of its darkest mornings in recent memory. ' },
      {
        text: 'The strike killed at least 21 people.',
        emphasised: true,
      },
    ],
    [
      { text: 'British Prime Minister ' },
      { text: 'Keir Starmer', entity: { id: 'starmer', name: 'Keir Starmer', kind: 'person' } },
      { text: ' called the strikes “senseless”.' },
    ],
  ],
};
