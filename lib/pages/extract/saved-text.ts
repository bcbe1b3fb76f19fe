// Builds the text a saved article keeps: the title, then its paragraphs joined by "\n", without page furniture.
//
// Dropped, each for a reason a reader would agree with: lines that are page furniture
// ("Continue reading the main story", "Advertisement", "Image copyright …"), a caption's photo
// credit (also one glued to the caption, "…underground.CreditJane Doe/Agency", or bracketed after
// any line, "(Jane Doe/AFP/Getty Images)"), the print edition's note and what follows it ("…with the
// headline:"), the author's bio at the end ("Jane Doe covers the White House.", "… is a reporter
// for …"), a line seen before (a caption repeated under a gallery, the headline repeated in the body),
// and any sentence the dataset format refuses as active content (an article about "<script>" tags
// quotes them; the schema rejects such strings as a sign of a hostile file, see lib/kb/schema.ts).
// Refused sentences are dropped rather than altered, so every saved word is the page's own, and
// each drop is reported as an omission for the reviewer.
import { LIMITS } from '../../shared/kb/schema';
import { splitSentences } from '../../shared/kb/sentences';
import type { ArticleBlock } from './article';
import { preview, refusal } from './inert-text';
import { ORDINARY_STARTERS } from './name-words';
import type { Omission, Paragraph } from './types';

const FURNITURE = new RegExp(
  '^(?:' +
    [
      'advert(?:isement|ising)?',
      'sponsored(?: content)?',
      'continue reading(?: the main story| below)?',
      'read (?:more|next|also|the full|our|this)\\b.*',
      '(?:image|photo|picture|media|video) (?:copyright|credit|source)\\b.*',
      'share (?:this|on|via)\\b.*',
      'follow (?:us|@)\\b.*',
      '(?:sign up|subscribe)\\b.*',
      'click here\\b.*',
      '(?:related|recommended|more)(?: stories| articles| content| on this story| from [\\w ]+)?:?',
      'all rights reserved\\.?',
      '(?:copyright|©)\\s.*',
      'a version of this article appears in print\\b.*',
      '\\((?:video|photos?|images?|graphic) by [^)]*\\)',
      '(?:getty images|reuters|afp|ap photo|associated press)',
      // Credits: not the story, and not its people.
      '(?:additional )?(?:reporting|writing|editing|research) by\\b.*',
      '.{0,120}\\bcontributed (?:reporting|to this (?:report|story|article))\\.?',
      '(?:e-?mail|contact|follow) (?:the author|him|her|them|us)\\b.*',
      '(?:updated|published|posted|last updated):? .{0,60}',
    ].join('|') +
    ')$',
  'iu',
);

/** A byline: "By Jane Doe", "BY JANE DOE and John Roe", "Written by Jane Doe, Washington Post" (case matters: "By then, …" is text). */
const BYLINE =
  /^(?:By|BY|Written by|Posted by|Words by|Author:|Story by) \p{Lu}[\p{L}.’'-]+(?: \p{Lu}[\p{L}.’'-]+){0,3}(?:(?:,| and| &) \p{Lu}[\p{L}.’'-]+(?: \p{Lu}[\p{L}.’'-]+){0,3}){0,3}(?:,? [\p{L} ]{0,40})?$/u;

/** Headings of the matter after a story: references, links, promotions, comments, the author's bio. */
const END_MATTER =
  /^(?:references|notes|footnotes|sources|citations|bibliography|further reading|external links|see also|related(?: (?:articles|stories|coverage|content|links|topics|reading))?|more (?:from|on|in|stories)\b.*|recommended(?: for you)?|most (?:read|popular|viewed|shared)|trending(?: now)?|comments?|\d+ comments?|about the authors?|share this(?: article| story)?|you (?:may|might) also like|popular (?:now|stories)|latest (?:news|stories)|topics|tags)$/iu;

/** A reference-list entry: "Retrieved 12 May 2019", "Archived from the original", "^ a b", a DOI or ISBN. */
const CITATION =
  /^\^|\bretrieved (?:on )?\d|\barchived from the original\b|\bdoi:\s*10\.|\bisbn[- ](?:1[03]:? )?\d/iu;

/** A short run of labels joined by separators: "World · Europe", "Live coverage · 6 min read", "Home | News | World". */
function isMenu(text: string): boolean {
  if (/[.!?:;]$/u.test(text) || text.split(' ').length > 10) return false;
  return /\s[·|•›»/]\s/u.test(text) || /^\d+ min(?:ute)?s? read$/iu.test(text);
}

/** Caption prefixes some sites print before the caption itself. */
const CAPTION_PREFIX = /^(?:image|media|video) caption\s+/iu;
/** A credit at the end of a caption: "… agents. Credit Ashraf Shazly/AFP", "Photograph: Jane Doe/Reuters". */
const CAPTION_CREDIT =
  /(^|[.!?”"’]\s+)(?:credits?|photograph|photo|picture|image|illustration)(?: by)?:?\s+\S[^.!?]*$/iu;
/** A credit in brackets or after a slash at the end of a caption: "(AP Photo/Jane Doe)", "Jane Doe/Getty Images". */
const CAPTION_AGENCY =
  /\s*(?:\([^()]*(?:\b(?:photo|photograph|image|credit)\b|\/)[^()]*\)|\p{Lu}[\p{L}.’' -]{0,60}\/[\p{L}.’' -]{0,40}\b(?:getty images|afp|reuters|ap|epa|shutterstock|bloomberg|pa|alamy)\b[^.]*)$/iu;

/** A credit glued to the end of a caption: "…seeped underground.CreditCreditJane Doe/The Daily News". */
const GLUED_CREDIT = /(?<=[.!?”"’)])(?:Credit)+(?=\p{Lu})[^\n]*$/u;

/** A bracketed agency credit ending any line: "(Jane Doe/AFP/Getty Images)", "(AP Photo/Jane Doe)". */
const BRACKETED_CREDIT =
  /\s*\((?=[^()]*\/)[^()]*\b(?:getty images|afp|reuters|ap|ap photo|epa|shutterstock|bloomberg|pa|alamy|associated press)\b[^()]*\)$/iu;

/** The print edition's note, split over lines by its markup: "A version of this article appears in print on …, on Page A1 … with the headline: …". */
const PRINT_EDITION =
  /^(?:,? ?on page(?: [a-z]?\d+)?|(?:of the [\p{L} ]{1,40} edition )?with the headline:.*)$/iu;

/** What an author's bio says first: "Jane Doe covers …", "… is a reporter for …", "… has covered economics since 2012". */
const BIO_VERB =
  /^(?:is|was) (?:a|an|the) (?:[\p{L}-]+ ){0,4}(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|producer|critic|fellow)\b|^(?:covers|has covered|writes|has written)\b/u;

/** The words of the byline that can be names ("By GILLIAN MOHNEY March 11" → gillian, mohney, march). */
function bylineWords(byline: string | undefined): Set<string> {
  return new Set(
    (byline ?? '')
      .replace(/\d+/gu, ' ')
      .split(/[^\p{L}.’'-]+/u)
      .filter((word) => /^\p{Lu}/u.test(word) && word.toLowerCase() !== 'by')
      .map((word) => word.toLowerCase()),
  );
}

/**
 * True for an author's bio: a line that opens with a name (two to four capitalised words) and then says what the
 * author does ("Steven Mufson covers the White House."), or opens with the byline's own name and says who they are.
 */
function isAuthorBio(text: string, byline: ReadonlySet<string>): boolean {
  const name = /^((?:\p{Lu}[\p{L}.’'-]*\s){1,3}\p{Lu}[\p{L}’'-]*)\s+(.*)$/u.exec(text);
  if (!name?.[1] || name[2] === undefined || !BIO_VERB.test(name[2])) return false;
  const words = name[1].split(/\s+/u).map((word) => word.toLowerCase());
  if (words.some((word) => ORDINARY_STARTERS.has(word))) return false;
  return (
    /\bfollow (?:him|her|them) on\b|@\w+\W*$/iu.test(text) ||
    words.filter((word) => byline.has(word)).length >= 2
  );
}

/** A short line with no closing punctuation whose longer words are all capitalised: a section heading. */
function looksLikeHeading(text: string): boolean {
  if (/[.!?:;,”"’)]$/u.test(text)) return false;
  const words = text.split(' ');
  if (words.length > 14) return false;
  const content = words.filter((word) => word.replace(/[^\p{L}]/gu, '').length > 3);
  return content.length > 0 && content.every((word) => /^[\p{Lu}\p{N}“"‘'(]/u.test(word));
}

export interface SavedText {
  text: string;
  paragraphs: Paragraph[];
  omitted: Omission[];
}

/** Drops the sentences of a line the dataset format refuses, reporting each. */
function withoutRefused(line: string, omitted: Omission[]): string {
  if (refusal(line) === null) return line;
  const kept: string[] = [];
  for (const span of splitSentences(line)) {
    const sentence = line.slice(span.start, span.end);
    const reason = refusal(sentence);
    if (reason === null) kept.push(sentence);
    else
      omitted.push({
        what: 'sentence',
        preview: preview(sentence),
        reason: `${reason}, which the dataset format refuses as active content`,
      });
  }
  return kept.join(' ');
}

/** The saved text of an article with this title and these blocks. */
export function buildSavedText(
  title: string,
  blocks: readonly ArticleBlock[],
  byline?: string,
): SavedText {
  const authors = bylineWords(byline);
  const omitted: Omission[] = [];
  const lines: { text: string; heading: boolean }[] = [];
  const seen = new Set<string>();
  let length = 0;
  const add = (raw: string, heading: boolean, what: string) => {
    let text = raw;
    const key = text.toLowerCase();
    if (seen.has(key)) {
      omitted.push({ what: 'text', preview: preview(text), reason: `repeats an earlier ${what}` });
      return;
    }
    seen.add(key);
    text = withoutRefused(text, omitted);
    if (text === '') return;
    // "<" ending one line and "script" starting the next would read as a tag across the join.
    const previous = lines[lines.length - 1]?.text ?? '';
    const junction = refusal(`${previous.slice(-40)}\n${text.slice(0, 40)}`);
    if (junction !== null) {
      omitted.push({
        what: 'text',
        preview: preview(text),
        reason: `${junction} together with the line before it`,
      });
      return;
    }
    if (length + text.length + 1 > LIMITS.sourceText) {
      omitted.push({
        what: 'text',
        preview: preview(text),
        reason: `the saved text would exceed ${LIMITS.sourceText} characters`,
      });
      return;
    }
    length += text.length + 1;
    lines.push({ text, heading });
  };
  if (title !== '') add(title, true, 'line');
  let endMatter: string | undefined;
  let storyEnd: string | undefined;
  for (const block of blocks) {
    let text = block.text.replace(CAPTION_PREFIX, '');
    // "References", "See also", "Related stories": what follows such a heading is not the story.
    if (block.heading || looksLikeHeading(text))
      endMatter = END_MATTER.test(text) ? text : undefined;
    if (endMatter !== undefined) {
      omitted.push({
        what: 'text',
        preview: preview(text),
        reason: `under "${preview(endMatter)}", not the story`,
      });
      continue;
    }
    if (FURNITURE.test(text) || BYLINE.test(text) || CITATION.test(text) || isMenu(text)) {
      omitted.push({
        what: 'text',
        preview: preview(text),
        reason: 'page furniture, not article text',
      });
      continue;
    }
    // "…with the headline: …", "Jane Doe covers the White House.": the story is over; the rest is the page's.
    if (storyEnd === undefined && (PRINT_EDITION.test(text) || isAuthorBio(text, authors)))
      storyEnd = text;
    if (storyEnd !== undefined) {
      omitted.push({
        what: 'text',
        preview: preview(text),
        reason: `after "${preview(storyEnd)}" (the author’s bio or the print edition’s note), not the story`,
      });
      continue;
    }
    text = text.replace(GLUED_CREDIT, '').replace(BRACKETED_CREDIT, '').trim();
    if (block.caption) text = text.replace(CAPTION_CREDIT, '$1').replace(CAPTION_AGENCY, '').trim();
    if (text === '') continue;
    add(text, block.heading || looksLikeHeading(text), block.caption ? 'caption' : 'line');
  }
  const paragraphs: Paragraph[] = [];
  let at = 0;
  for (const line of lines) {
    paragraphs.push({ start: at, end: at + line.text.length, heading: line.heading });
    at += line.text.length + 1;
  }
  return { text: lines.map((line) => line.text).join('\n'), paragraphs, omitted };
}
