// Test data shared by the store's and the library's tests.
import { parseDataset } from '../../../lib/shared/kb/parse';
import type { Dataset } from '../../../lib/shared/kb/schema';
import { splitSentences } from '../../../lib/shared/kb/sentences';

/**
 * An article as extraction makes it: one source, Maria Testova (new, or a copy when known), Kyiv as a copy of the
 * bundled entity, a fact about each. `extra`: the source's publisher and date.
 */
export function savedArticle(
  key: string,
  text: string,
  extra: { published?: string; publisher?: string } = {},
): Dataset {
  const [first, second] = splitSentences(text);
  if (!first || !second) throw new Error('the article needs two sentences');
  const source = `${key}-article`;
  const span = (s: { start: number; end: number }) => ({ source, start: s.start, end: s.end });
  const dataset = {
    schemaVersion: 1,
    id: `saved-${key}`,
    name: `Article ${key}`,
    sources: [
      { id: source, title: `Article ${key}`, text, url: `https://news.example/${key}`, ...extra },
    ],
    entities: [
      {
        id: 'maria-testova',
        kind: 'person',
        name: 'Maria Testova',
        aliases: [{ text: 'Testova', caseSensitive: true }],
      },
      {
        id: 'kyiv',
        kind: 'place',
        name: 'Kyiv',
        aliases: [{ text: 'Kyiv', caseSensitive: false }],
      },
    ],
    facts: [
      {
        id: `${key}-fact-1`,
        entity: 'maria-testova',
        text: text.slice(first.start, first.end),
        evidence: span(first),
      },
      {
        id: `${key}-fact-2`,
        entity: 'kyiv',
        text: text.slice(second.start, second.end),
        evidence: span(second),
      },
    ],
    quotes: [],
    events: [],
    relations: [],
  };
  const parsed = parseDataset(dataset);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}
