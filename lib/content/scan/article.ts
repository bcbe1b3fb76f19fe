// Finds a page's article body with cheap heuristics (no Readability: that parses a copy of the page, far too much for
// a content script): what "article only" reads, so menus, teasers, sidebars and footers stay unmarked.
//
// In order, the first that is there:
// 1. The microdata article body (`[itemprop~=articleBody]`), or the `article` around it (headline and standfirst
//    are part of what a reader reads).
// 2. The `article` with the most text: pages put teasers in small ones, the story in the big one.
// 3. `main` (or `[role=main]`).
// 4. The element holding the most paragraph text: the parent of the page's `p`s with the most characters, at least
//    MIN_BODY of them (a page of short blurbs has no body).
// None of these: the whole body, rather than marking nothing on a page whose markup says nothing.

/** Paragraph text a block needs before it counts as the article (a few sentences). */
const MIN_BODY = 500;

export function findArticle(doc: Document): Element | null {
  const body = doc.querySelector('[itemprop~="articleBody"]');
  if (body) return body.closest('article') ?? body;
  let best: Element | null = null;
  let most = -1;
  for (const article of doc.querySelectorAll('article')) {
    const length = article.textContent?.length ?? 0;
    if (length > most) [best, most] = [article, length];
  }
  return best ?? doc.querySelector('main,[role=main]') ?? densest(doc) ?? doc.body;
}

function densest(doc: Document): Element | null {
  const text = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (parent) text.set(parent, (text.get(parent) ?? 0) + (p.textContent?.length ?? 0));
  }
  let best: Element | null = null;
  let most = MIN_BODY - 1;
  for (const [element, length] of text) if (length > most) [best, most] = [element, length];
  return best;
}

/** Whether `node` is inside `root`, its shadow trees included. */
export function isInside(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = (n.getRootNode() as ShadowRoot).host ?? null) {
    if (root.contains(n)) return true;
  }
  return false;
}
