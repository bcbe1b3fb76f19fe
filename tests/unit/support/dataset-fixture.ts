// A small valid dataset in lib/kb's format (every span one whole sentence of its source), and ways to break it.
import { splitSentences } from '../../../lib/shared/kb/sentences';

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

/** Every item id of the small dataset, as JSON strings; prefixed to make a second dataset that clashes with nothing. */
const ITEM_IDS =
  /"(fixture-article|maria-testova|example-council|sampletown|maria-leads-council|council-will-meet|council-meeting)"/g;

/**
 * A valid dataset of about `megabytes` MB as compact JSON: the small one (its item ids prefixed with `id`) plus
 * many one-alias people, so that indented JSON of it is ~1.7× larger (many short lines), as real datasets are.
 */
export function largeDataset(id: string, megabytes: number) {
  const base = JSON.parse(
    JSON.stringify(smallDataset(id)).replace(ITEM_IDS, `"${id}-$1"`),
  ) as FixtureDataset;
  const count = Math.round((megabytes * 1024 * 1024) / 131);
  const people = Array.from({ length: count }, (_, i) => ({
    id: `${id}-person-${i}`,
    kind: 'person',
    name: `Person number ${i}`,
    aliases: [{ text: `Person number ${i}`, caseSensitive: false }],
  }));
  return { ...base, name: `Large set ${id}`, entities: [...base.entities, ...people] };
}

/** `length` characters of lowercase words that no compressor shrinks much (browsers compress what they store). */
function noise(length: number, seed: number): string {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: the same text for the same seed, run after run.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  let out = '';
  while (out.length < length) {
    const letters = 2 + Math.floor(next() * 8);
    let word = '';
    for (let i = 0; i < letters; i++) word += String.fromCharCode(97 + Math.floor(next() * 26));
    out += `${word} `;
  }
  return out.slice(0, length).trim();
}

/**
 * A valid dataset of about `megabytes` MB whose bulk is article text (several sources of up to 1,000,000
 * characters), not items: as large as a file gets, yet quick to store, for tests of file sizes and storage room.
 */
export function bulkyDataset(id: string, megabytes: number) {
  const base = JSON.parse(
    JSON.stringify(smallDataset(id)).replace(ITEM_IDS, `"${id}-$1"`),
  ) as FixtureDataset;
  const sources = [...base.sources];
  let left = megabytes * 1024 * 1024 - JSON.stringify(base).length;
  for (let n = 1; left > 0; n++) {
    const length = Math.min(left, 990_000);
    sources.push({
      id: `${id}-notes-${n}`,
      title: `Notes, part ${n}`,
      text: noise(length, n * 7919 + id.length),
    });
    left -= length + 60;
  }
  return { ...base, name: `Bulky set ${id}`, sources };
}
