// Hand labels of a page (tests/fixtures/extract/labels/<page>.json), and the same labels derived from the bundled seed dataset.
import { z } from 'zod';
import type { Dataset } from '../../lib/shared/kb/schema';

const LabelledEntity = z.object({ name: z.string().min(1), aliases: z.array(z.string()) });

export const PageLabelsSchema = z.object({
  page: z.string().min(1),
  title: z.string(),
  split: z.enum(['dev', 'test']),
  people: z.array(LabelledEntity),
  organizations: z.array(LabelledEntity),
  places: z.array(LabelledEntity),
  optional: z.array(
    z.object({
      name: z.string().min(1),
      kinds: z.array(z.enum(['person', 'organization', 'place'])),
      aliases: z.array(z.string()),
    }),
  ),
  quotes: z.array(z.object({ text: z.string().min(1), speaker: z.string().nullable() })),
});

export type PageLabels = z.infer<typeof PageLabelsSchema>;

/** The labels' own scope: "every direct quotation … of four words or more". */
const MIN_QUOTE_WORDS = 4;

/**
 * Labels for the seed article, read off the hand-built seed dataset: its people, organizations and
 * places with their aliases, and its quotes of four words or more with their speakers. Entities of
 * other kinds are left out, as the labels of the corpus pages have none.
 */
export function seedLabels(seed: Dataset): PageLabels {
  const of = (kind: string) =>
    seed.entities
      .filter((entity) => entity.kind === kind)
      .map((entity) => ({ name: entity.name, aliases: entity.aliases.map((alias) => alias.text) }));
  const names = new Map(seed.entities.map((entity) => [entity.id, entity.name]));
  // A quotation over several sentences is one quote of the seed per sentence: join them back by speaker and source order.
  const quotes = seed.quotes
    .filter((quote) => quote.text.split(/\s+/).length >= MIN_QUOTE_WORDS)
    .map((quote) => ({ text: quote.text, speaker: names.get(quote.speaker) ?? null }));
  return {
    page: 'seed',
    title: seed.sources[0]?.title ?? seed.name,
    split: 'dev',
    people: of('person'),
    organizations: of('organization'),
    places: of('place'),
    optional: [],
    quotes,
  };
}

/** The seed article as a page: the title as <h1>, a line without closing punctuation as a heading, every other line a paragraph. */
export function seedPage(seed: Dataset): string {
  const source = seed.sources[0];
  if (!source) throw new Error('the seed dataset has no source');
  const escapeHtml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const [headline = '', ...lines] = source.text.split('\n');
  const body = lines
    .map((line) =>
      /[.!?”"’]$/u.test(line) ? `<p>${escapeHtml(line)}</p>` : `<h2>${escapeHtml(line)}</h2>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(source.title)}</title></head><body><article><h1>${escapeHtml(headline)}</h1>\n${body}\n</article></body></html>`;
}
