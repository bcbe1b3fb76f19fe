// Finds the article in a page with Readability (on a copy, never the page itself) and lists its blocks of text.
import { Readability } from '@mozilla/readability';
import type { Result } from '../../shared/result';
import { cleanLine } from './inert-text';

/** One block of the article as a reader sees it: a paragraph, heading, list item or caption. */
export interface ArticleBlock {
  text: string;
  heading: boolean;
  caption: boolean;
}

export interface ArticleBody {
  title: string;
  byline: string | undefined;
  siteName: string | undefined;
  published: string | undefined;
  blocks: ArticleBlock[];
}

/** Elements that start a new block of text; anything else is inline and joins its neighbours. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON']);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** An article shorter than this is not an article (a log-in wall, an index page, an error). */
const MIN_ARTICLE_CHARS = 140;

/** The blocks of text under `root`, in document order; a <br> ends a block as a paragraph would. */
export function blocksOf(root: Node): ArticleBlock[] {
  const out: ArticleBlock[] = [];
  let buffer = '';
  let heading = false;
  let caption = false;
  const flush = () => {
    const text = cleanLine(buffer);
    if (text !== '') out.push({ text, heading, caption });
    buffer = '';
  };
  const walk = (node: Node, inHeading: boolean, inCaption: boolean) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (buffer === '') {
          heading = inHeading;
          caption = inCaption;
        }
        buffer += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      if (tag === 'BR') {
        flush();
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        flush();
        walk(child, inHeading || HEADINGS.has(tag), inCaption || tag === 'FIGCAPTION');
        flush();
      } else {
        // Inline markup (<b>, <a>, <span>) is part of the running text: a space would split "Zelens<b>kyy</b>".
        walk(child, inHeading, inCaption);
      }
    }
  };
  walk(root, false, false);
  flush();
  return out;
}

/**
 * Runs Readability on a deep copy of `doc` (Readability rewrites the tree it is given).
 * Fails, saying so, when the page has no article to read.
 */
export function readArticle(doc: Document): Result<ArticleBody, string> {
  const copy = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(copy, { serializer: (node) => node }).parse();
  } catch (error) {
    return { ok: false, error: `Readability failed on this page (${String(error)})` };
  }
  if (!parsed?.content) return { ok: false, error: 'No article found on this page.' };
  const blocks = blocksOf(parsed.content);
  const length = blocks.reduce((sum, block) => sum + (block.heading ? 0 : block.text.length), 0);
  if (length < MIN_ARTICLE_CHARS)
    return {
      ok: false,
      error: `No article found on this page (only ${length} characters of text).`,
    };
  return {
    ok: true,
    value: {
      title: cleanLine(parsed.title ?? ''),
      byline: parsed.byline ?? undefined,
      siteName: parsed.siteName ?? undefined,
      published: parsed.publishedTime ?? undefined,
      blocks,
    },
  };
}
