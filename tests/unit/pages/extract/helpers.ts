// Builds small news pages for the extraction tests and runs the extractor on them as the side panel would (DOMParser, then extractDraft).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractDraft } from '../../../../lib/pages/extract/extract';
import type { Draft, EntityCandidate, EntityRef } from '../../../../lib/pages/extract/types';
import { type DictionaryItem, dictionaryItem } from '../../../../lib/shared/kb/dictionary';
import type { Dataset } from '../../../../lib/shared/kb/schema';

export const repoRoot = resolve(__dirname, '../../../..');

export function seedDataset(): Dataset {
  return JSON.parse(readFileSync(resolve(repoRoot, 'assets/kb/seed.json'), 'utf8')) as Dataset;
}

export function seedDictionary(): DictionaryItem[] {
  return seedDataset().entities.map(dictionaryItem);
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Sentences with no names, numbers or quotes, so a short test article is long enough to be read as an article. */
const FILLER =
  'The situation remained tense through the day as residents waited for further news from the authorities. ' +
  'Many shops stayed closed and the streets were quieter than usual for the time of year.';

export interface PageOptions {
  title?: string;
  lang?: string | null;
  head?: string;
  /** Raw HTML paragraphs (already escaped or deliberately not). */
  rawParagraphs?: boolean;
}

/** A news page whose article is `paragraphs`, one <p> each, plus one plain paragraph of filler. */
export function articlePage(paragraphs: readonly string[], options: PageOptions = {}): string {
  const lang = options.lang === undefined ? 'en' : options.lang;
  const body = paragraphs
    .map((p) => `<p>${options.rawParagraphs ? p : escapeHtml(p)}</p>`)
    .join('\n');
  return `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><title>${escapeHtml(options.title ?? 'Test report')}</title>${options.head ?? ''}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>${escapeHtml(options.title ?? 'Test report')}</h1>
${body}
<p>${FILLER}</p></article></main><footer>© Example News</footer></body></html>`;
}

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The draft of a page, failing the test if extraction fails. */
export function draftOf(html: string, dictionary: readonly DictionaryItem[] = []): Draft {
  const result = extractDraft(parse(html), { dictionary });
  if (!result.ok) throw new Error(`extraction failed: ${result.error.message}`);
  return result.value;
}

export function candidate(draft: Draft, name: string): EntityCandidate | undefined {
  return draft.candidates.find((c) => c.name === name);
}

/** The name a reference stands for in the draft. */
export function nameOf(draft: Draft, ref: EntityRef | undefined): string | undefined {
  if (!ref) return undefined;
  if (ref.source === 'known') return draft.known.find((k) => k.ref.id === ref.id)?.name;
  return draft.candidates.find((c) => c.ref.id === ref.id)?.name;
}

/** Each quote's words (parts joined) and its speaker's name, or null when blank. */
export function quotesOf(draft: Draft): { text: string; speaker: string | null }[] {
  return draft.quotes.map((quote) => ({
    text: quote.parts.map((part) => part.text).join(' '),
    speaker:
      quote.attribution.status === 'attributed'
        ? (nameOf(draft, quote.attribution.speaker) ?? null)
        : null,
  }));
}
