// The article itself: what is saved as its text and metadata, what language rules apply, and when there is nothing to save.
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  extractDraft,
  extractDraftFromHtml,
  MAX_PAGE_BYTES,
} from '../../../../lib/pages/extract/extract';
import { articlePage, draftOf, parse, seedDictionary } from './helpers';

describe('the article', () => {
  it('saves the title and paragraphs joined by line breaks, without bylines, furniture or repeated captions', () => {
    const html = articlePage(
      [
        'By Jane Doe and John Roe',
        'Kyiv woke up to one of its darkest mornings in recent memory after the attack.',
        'Advertisement',
        'Continue reading the main story',
        'Rescue crews searched the rubble of collapsed apartments through the night.',
      ],
      { title: 'Attack on Kyiv' },
    ).replace(
      '</article>',
      '<figure><figcaption>Rescuers at the site on Thursday. Credit Jane Doe/Reuters</figcaption></figure><figure><figcaption>Rescuers at the site on Thursday. Credit Jane Doe/Reuters</figcaption></figure></article>',
    );
    const draft = draftOf(html);
    const lines = draft.article.text.split('\n');
    expect(lines[0]).toBe('Attack on Kyiv');
    expect(lines).toContain(
      'Kyiv woke up to one of its darkest mornings in recent memory after the attack.',
    );
    expect(lines).toContain('Rescuers at the site on Thursday.');
    expect(lines.filter((line) => line.startsWith('Rescuers at the site'))).toHaveLength(1);
    for (const furniture of [
      'By Jane Doe and John Roe',
      'Advertisement',
      'Continue reading the main story',
    ])
      expect(lines).not.toContain(furniture);
    expect(draft.article.paragraphs[0]).toMatchObject({ start: 0, heading: true });
    expect(draft.candidates.map((c) => c.name)).not.toContain('Jane Doe');
  });

  it('drops what follows the story: references, related links, menus and citations', () => {
    const html = articlePage([
      'Mozilla released a new version of its browser in San Francisco on Tuesday.',
    ]).replace(
      '</article>',
      '<p>World · Technology</p><h2>See also</h2><ul><li>Jane Doe, a history of browsers</li></ul>' +
        '<h2>References</h2><ol><li>^ Smith, John (2019). “Browser wars”. Retrieved 12 May 2019.</li></ol></article>',
    );
    const draft = draftOf(html);
    expect(draft.article.text).not.toMatch(/Jane Doe|Browser wars|World · Technology|References/);
    expect(draft.candidates.map((c) => c.name)).not.toContain('John Smith');
    expect(draft.quotes).toEqual([]);
  });

  it('drops credits glued to a caption or bracketed after a line, the print edition’s note and the author’s bio', () => {
    const html = articlePage(
      [
        'Crews repaired a cracked water main in Springfield on Monday.CreditCreditMaria Lopez/The Daily Ledger',
        'Firefighters outside the depot after the blaze. (Tom Baker/AFP/Getty Images)',
        'The city council said the repairs would take a week and cost about $2 million.',
        'Dana Whitfield covers city hall. Before joining The Ledger, she wrote about transport. @danawhit',
      ],
      { head: '<meta name="author" content="Dana Whitfield">' },
    ).replace(
      '</article>',
      '<p>, on Page</p><p>A</p><p>with the headline:</p><p>Under the City’s Streets, A Long Winter Battle</p></article>',
    );
    const draft = draftOf(html);
    const text = draft.article.text;
    expect(text).toContain('Crews repaired a cracked water main in Springfield on Monday.');
    expect(text).toContain('Firefighters outside the depot after the blaze.');
    expect(text).not.toMatch(
      /Credit|Maria Lopez|Tom Baker|Getty|Dana Whitfield|headline|Long Winter/,
    );
    const names = draft.candidates.map((c) => c.name);
    for (const name of ['Maria Lopez', 'Tom Baker', 'Dana Whitfield', 'City', 'Streets'])
      expect(names).not.toContain(name);
  });

  it('keeps lines that only look like a bio or a print note: a reporter named in the story, “On page 3”', () => {
    const draft = draftOf(
      articlePage([
        'As Mashable reports, the company raised its fares during the siege of the city.',
        'Jane Porter is a reporter for the Daily Ledger, and she said the story was not over.',
        'On page 3 of the report, the auditors listed what the repairs had cost.',
        'The mayor said the work would go on through the winter.',
      ]),
    );
    expect(draft.article.text).toContain('The mayor said the work would go on');
    expect(draft.article.text).toContain('As Mashable reports');
    expect(draft.article.text).toContain('Jane Porter is a reporter');
  });

  it('reads the publication date from meta tags, JSON-LD or <time datetime>, in that order', () => {
    const withMeta = draftOf(
      articlePage(['Text about Kyiv and the attack that happened there overnight.'], {
        head: '<meta itemprop="datePublished" content="2017-01-13T00:00:04-05:00">',
      }),
    );
    expect(withMeta.article.published).toBe('2017-01-13T00:00:04-05:00');
    expect(withMeta.article.publishedDay).toBe('2017-01-13');
    const withLd = draftOf(
      articlePage(['Text about Kyiv and the attack that happened there overnight.'], {
        head: '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Thing","datePublished":"2019-04-28"}]}</script>',
      }),
    );
    expect(withLd.article.publishedDay).toBe('2019-04-28');
    const withTime = draftOf(
      articlePage(['Text about Kyiv and the attack that happened there overnight.']).replace(
        '<h1>',
        '<time datetime="2020-02-03T10:00:00Z">3 February</time><h1>',
      ),
    );
    expect(withTime.article.publishedDay).toBe('2020-02-03');
  });

  it('finds only known entities on a page not in English, and says so', () => {
    const french = articlePage(
      [
        'Le président Volodymyr Zelensky a rencontré Emmanuel Macron à Paris jeudi pour parler de la guerre.',
        '« Nous ne céderons jamais, l’Ukraine restera libre », a déclaré le président devant la presse.',
        'Les deux dirigeants ont ensuite visité une usine dans la banlieue de Paris avec leurs ministres.',
      ],
      { lang: null, title: 'Zelensky à Paris' },
    ).replace(/<p>The situation[^<]*<\/p>/, '');
    const draft = draftOf(french, seedDictionary());
    expect(draft.knownOnly).toBe(true);
    expect(draft.article.languageFrom).toBe('detected');
    expect(draft.article.language).toBe('fra');
    expect(draft.known.map((k) => k.ref.id)).toEqual(
      expect.arrayContaining(['volodymyr-zelenskyy', 'ukraine']),
    );
    expect(draft.candidates).toEqual([]);
    expect(draft.quotes).toEqual([]);
    expect(draft.events).toEqual([]);
    expect(draft.facts.map((f) => f.about.id)).toContain('volodymyr-zelenskyy');
    expect(
      draftOf(articlePage(['Le président a parlé longuement.'], { lang: 'fr-FR' })).knownOnly,
    ).toBe(true);
  });

  it('fails, saying so, on a page with no article', () => {
    const result = extractDraft(
      parse(
        '<!doctype html><html lang="en"><body><nav><a href="/">Home</a></nav><p>Sign in</p></body></html>',
      ),
      {
        dictionary: [],
      },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.reason).toBe('no-article');
      expect(result.error.message).toMatch(/no article/i);
    }
  });

  it('refuses a page over 5 MB before parsing it, with the reason', () => {
    const huge = articlePage(['Kyiv. '.repeat(10)]).replace(
      '</footer>',
      `</footer><!--${'x'.repeat(MAX_PAGE_BYTES)}-->`,
    );
    let parsed = false;
    const result = extractDraftFromHtml(
      huge,
      (html) => {
        parsed = true;
        return parse(html);
      },
      { dictionary: [] },
    );
    expect(parsed).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.reason).toBe('too-large');
      expect(result.error.message).toMatch(/5\.0 MB/);
    }
    const direct = extractDraft(parse(huge), { dictionary: [] });
    expect(!direct.ok && direct.error.reason).toBe('too-large');
  });
});
