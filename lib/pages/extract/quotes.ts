// Finds the direct quotations of an article: passages in quotation marks of four words or more, kept whole across paragraphs.
//
// Rules (news style):
// - The marks are the language's: “…”, "…", «…», „…“, ‘…’ (lib/kb/quotation.ts tells
//   apostrophes from single marks). Only outermost passages count; a quote inside a quote is part of it.
// - Fewer than four words is a scare quote or a term ("senseless", "wins"), not a quotation;
//   a passage whose words are all capitalised is a title ("The Art of the Deal").
// - A paragraph that leaves its quotation open continues it in the next paragraph that opens with
//   a mark: one quotation, several parts.
// - “I think,” he said, “we will win.”: a quotation interrupted by its attribution inside one
//   sentence is one quotation; “A,” she said. “B.” is two (the attribution ends a sentence).
// - Headings are skipped: a headline's quote repeats the body's.
// Each part lies inside one sentence of the text (the unit of evidence); a part that does not is dropped.

import { continuedQuotation, isQuoted, quotedSpans } from '../../shared/kb/quotation';
import { LIMITS } from '../../shared/kb/schema';
import { type SentenceSpan, sentenceAt } from '../../shared/kb/sentences';
import { CUE_VERBS } from './cue-verbs';
import { preview } from './inert-text';
import type { Omission, Paragraph } from './types';

export interface QuotationPart {
  /** The quoted words (marks excluded, trimmed) as offsets into the text. */
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  readonly sentence: SentenceSpan;
}

export interface Quotation {
  readonly parts: readonly [QuotationPart, ...QuotationPart[]];
  /**
   * False for a passage under four words ("senseless"): not a quote of the draft, but its
   * attribution still tells who holds the floor (“Nobody knows,” he said. “We wait and see.”).
   */
  readonly counts: boolean;
}

interface Passage {
  start: number;
  end: number;
  open: boolean;
}

const MIN_WORDS = 4;
const OPENING_MARK = /^[“„«"‘]/u;

function outerPassages(paragraph: string): Passage[] {
  const closed = quotedSpans(paragraph);
  const continued = continuedQuotation(paragraph);
  const all: Passage[] = closed.map((span) => ({ ...span, open: false }));
  if (continued) all.push({ ...continued, open: true });
  return all
    .filter(
      (span) =>
        !all.some(
          (other) =>
            other !== span &&
            other.start <= span.start &&
            span.end <= other.end &&
            (other.start < span.start || other.end > span.end),
        ),
    )
    .sort((a, b) => a.start - b.start);
}

/** Trims spaces and a trailing comma (the one before an attribution) off a passage. */
function trimPassage(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s] ?? '')) s++;
  while (e > s && /[\s,]/u.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Words that announce a title or a name in quotation marks, not speech: "a report titled “…”", "the slogan “…”". */
const TITLE_CUE =
  /\b(?:titled|entitled|called|named|dubbed|headlined|nicknamed|known as|under the (?:banner|headline|title)|the (?:book|film|movie|song|album|show|series|episode|essay|poem|play|slogan|hashtag|motto|headline|campaign|programme|program|podcast|exhibition|documentary))\s*[“"‘«„]$/iu;

const TITLE_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'to',
  'for',
  'at',
  'by',
  'with',
  'from',
]);

/** "The Art of the Deal": every word but the small ones capitalised, no closing punctuation. */
function looksLikeTitle(text: string): boolean {
  if (/[.!?,]$/u.test(text)) return false;
  const words = text.split(/\s+/).filter((word) => word !== '' && !TITLE_SMALL_WORDS.has(word));
  return words.length >= 2 && words.every((word) => /^[\p{Lu}\p{N}]/u.test(word));
}

/**
 * True if the words between two passages of one sentence are only their attribution:
 * `“I think,” he said, “we will win.”` (`closing` is the first passage's closing mark, `opening` the second's opening mark).
 */
function isInterruption(text: string, closing: number, opening: number): boolean {
  if (text[closing - 1] !== ',') return false;
  const gap = text.slice(closing + 1, opening);
  if (gap.length > 80 || /[.!?;]/u.test(gap) || !/,\s*$/u.test(gap)) return false;
  const words = gap.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.some((word) => CUE_VERBS.has(word));
}

export interface FoundQuotations {
  quotations: Quotation[];
  omitted: Omission[];
}

/** Every quotation of the text's body paragraphs, in text order. */
export function findQuotations(text: string, paragraphs: readonly Paragraph[]): FoundQuotations {
  const omitted: Omission[] = [];
  const quotations: QuotationPart[][] = [];
  let pending: QuotationPart[] | undefined;
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.heading) {
      pending = undefined;
      return;
    }
    const body = text.slice(paragraph.start, paragraph.end);
    const passages = outerPassages(body);
    const continues = pending !== undefined && OPENING_MARK.test(body) && passages[0]?.start === 1;
    if (!continues) pending = undefined;
    let previous: QuotationPart[] | undefined;
    let previousEnd = -1;
    passages.forEach((passage, n) => {
      const { start, end } = trimPassage(
        text,
        paragraph.start + passage.start,
        paragraph.start + passage.end,
      );
      if (end <= start) return;
      const sentence = sentenceAt(text, start);
      if (!sentence || sentence.end < end) {
        omitted.push({
          what: 'quote',
          preview: preview(text.slice(start, end)),
          reason: 'it runs over a sentence boundary the sentence splitter does not see as quoted',
        });
        return;
      }
      const part: QuotationPart = { start, end, paragraph: index, sentence };
      if (n === 0 && continues && pending) {
        pending.push(part);
        previous = pending;
      } else if (
        previous &&
        previous[previous.length - 1]?.sentence.start === sentence.start &&
        isInterruption(text, previousEnd, paragraph.start + passage.start - 1)
      ) {
        previous.push(part);
      } else {
        previous = [part];
        quotations.push(previous);
      }
      previousEnd = paragraph.start + passage.end;
      pending = passage.open ? previous : undefined;
    });
    if (passages.length === 0) pending = undefined;
  });

  const out: Quotation[] = [];
  for (const parts of quotations) {
    const joined = parts.map((part) => text.slice(part.start, part.end)).join(' ');
    if (looksLikeTitle(joined)) continue;
    const counts = wordCount(joined) >= MIN_WORDS;
    const head = parts[0] as QuotationPart;
    if (TITLE_CUE.test(text.slice(Math.max(head.sentence.start, head.start - 40), head.start)))
      continue;
    const tooLong = parts.find((part) => part.end - part.start > LIMITS.text);
    if (tooLong) {
      omitted.push({
        what: 'quote',
        preview: preview(joined),
        reason: `longer than ${LIMITS.text} characters`,
      });
      continue;
    }
    const unquoted = parts.find(
      (part) =>
        !isQuoted(
          text.slice(part.sentence.start, part.sentence.end),
          text.slice(part.start, part.end),
        ),
    );
    if (unquoted) {
      omitted.push({
        what: 'quote',
        preview: preview(joined),
        reason: 'its marks do not pair up inside its sentence',
      });
      continue;
    }
    out.push({ parts: parts as [QuotationPart, ...QuotationPart[]], counts });
  }
  return { quotations: out, omitted };
}

const PERSONAL = /\b(?:I|I’m|I'm|I’ve|I've|we|we’re|we're|us|our|my|me|you|your)\b/u;

/**
 * Whether an unattributed quotation reads as something said: a sentence (closing punctuation, or
 * the comma before an attribution, inside the marks) or words in the first or second person.
 */
export function soundsSpoken(text: string, quotation: Quotation): boolean {
  const last = quotation.parts[quotation.parts.length - 1] ?? quotation.parts[0];
  const words = quotation.parts.map((part) => text.slice(part.start, part.end)).join(' ');
  // The trimmed part ends before a trailing comma: “…,” leaves the comma at `last.end`.
  return /[.!?…]$/u.test(words) || text[last.end] === ',' || PERSONAL.test(words);
}
