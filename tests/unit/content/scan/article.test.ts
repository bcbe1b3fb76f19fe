// "Article only": which element a page's article body is, by each heuristic in its order, and shadow trees inside it.
import { describe, expect, it } from 'vitest';
import { findArticle, isInside } from '../../../../lib/content/scan/article';

const long = (words: number) => Array.from({ length: words }, () => 'word').join(' ');

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('findArticle', () => {
  it('takes the microdata article body, within its article (the headline is part of it)', () => {
    const doc = page(
      `<article id="teaser"><p>${long(300)}</p></article>` +
        '<article id="story"><h1>Title</h1><div itemprop="articleBody"><p>Body.</p></div></article>',
    );
    expect(findArticle(doc)?.id).toBe('story');
    page('<div id="body" itemprop="articleBody text"><p>Body.</p></div>');
    expect(findArticle(document)?.id).toBe('body');
  });

  it('else the article with the most text, not the teasers', () => {
    const doc = page(
      `<article id="a"><p>Short teaser.</p></article><article id="b"><p>${long(50)}</p></article>`,
    );
    expect(findArticle(doc)?.id).toBe('b');
  });

  it('else main', () => {
    const doc = page(`<nav>Menu</nav><main id="m"><p>${long(10)}</p></main>`);
    expect(findArticle(doc)?.id).toBe('m');
    page(`<div role="main" id="r"><p>${long(10)}</p></div>`);
    expect(findArticle(document)?.id).toBe('r');
  });

  it('else the block with the most paragraph text, if it has a few sentences', () => {
    const doc = page(
      `<div id="side"><p>${long(20)}</p></div><div id="story"><p>${long(80)}</p><p>${long(80)}</p></div>`,
    );
    expect(findArticle(doc)?.id).toBe('story');
  });

  it('else the whole body: a page of blurbs has no article, and marking nothing would be worse', () => {
    const doc = page('<div><p>One blurb.</p></div><div><p>Another.</p></div>');
    expect(findArticle(doc)).toBe(doc.body);
  });
});

describe('isInside', () => {
  it('sees through the shadow roots of elements inside the root', () => {
    const doc = page('<article><news-card></news-card></article><aside><p>Out</p></aside>');
    const article = doc.querySelector('article') as Element;
    const host = doc.querySelector('news-card') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>In</p>';
    expect(isInside(article, shadow.querySelector('p')?.firstChild as Node)).toBe(true);
    expect(isInside(article, doc.querySelector('aside p')?.firstChild as Node)).toBe(false);
  });
});
