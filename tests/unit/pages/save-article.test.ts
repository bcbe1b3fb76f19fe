// "Save this article" from the panel's side, against a real store and the background's own answers: the page read
// and extracted with the store's entities and the background's matcher, every way it can fail said as a value, the
// reviewed article stored (again: replaced, with what changed), a failed save leaving nothing behind.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as extraction from '../../../lib/pages/extract';
import type { FollowedTab, PageCopyReading } from '../../../lib/pages/followed-page';
import { changeReview } from '../../../lib/pages/review';
import {
  type ReadArticle,
  type ReadDeps,
  readArticle,
  saveReviewed,
} from '../../../lib/pages/save-article';
import { MAX_PAGE_BYTES } from '../../../lib/shared/page-copy';
import { err } from '../../../lib/shared/result';
import { freshKnowledge, type TestKnowledge } from '../support/knowledge';
import { articlePage } from './extract/helpers';

const TAB: FollowedTab = { id: 7, windowId: 1, url: 'https://news.example/kyiv' };

const STORY = articlePage(
  [
    'Germany’s Chancellor Friedrich Merz met Volodymyr Zelenskyy in Kyiv on Monday, officials said.',
    '“We will not give up,” Merz told reporters after the meeting in the capital.',
    'Later, Mayor Vitali Klitschko of the Kyiv City Council said the damage would take months to repair.',
    '“The city will be rebuilt, street by street,” Klitschko said on Tuesday.',
  ],
  { title: 'Merz visits Kyiv' },
);

let knowledge: TestKnowledge;

beforeEach(async () => {
  fakeBrowser.reset();
  knowledge = await freshKnowledge();
});

/** The panel's dependencies over the test store, with the page the tab would hand over. */
function deps(page: PageCopyReading | string, change: Partial<ReadDeps> = {}): ReadDeps {
  const reading: PageCopyReading =
    typeof page === 'string'
      ? {
          kind: 'copy',
          result: { ok: true, copy: { url: TAB.url ?? '', title: 'Page', html: page, lang: 'en' } },
        }
      : page;
  return {
    tab: async () => TAB,
    copyPage: async () => reading,
    reader: knowledge.access.reader,
    extraction: async () => extraction,
    parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
    ...change,
  };
}

async function read(
  page: PageCopyReading | string,
  change?: Partial<ReadDeps>,
): Promise<ReadArticle> {
  const result = await readArticle(deps(page, change));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('reading the article for review', () => {
  it('finds known entities by the background’s matcher and proposes new ones; nothing is stored', async () => {
    const { review, earlier, took } = await read(STORY);
    expect(review.draft.known.map((k) => k.name)).toEqual(
      expect.arrayContaining(['Friedrich Merz', 'Volodymyr Zelenskyy', 'Kyiv']),
    );
    expect(review.draft.candidates.map((c) => c.name)).toContain('Vitali Klitschko');
    expect(review.draft.article.title).toBe('Merz visits Kyiv');
    expect(earlier).toBeUndefined();
    expect(took).toBeGreaterThanOrEqual(0);
    expect((await knowledge.access.reader.datasets()).map((row) => row.origin)).toEqual([
      'bundled',
    ]);
  });

  it('says why it can’t: no tab, a restricted page, a page not read yet, a page over 5 MB', async () => {
    const problem = async (page: PageCopyReading | string, change?: Partial<ReadDeps>) => {
      const result = await readArticle(deps(page, change));
      return result.ok ? null : result.error;
    };
    expect(await problem(STORY, { tab: async () => null })).toEqual({ kind: 'no-tab' });
    expect(await problem({ kind: 'restricted' })).toEqual({ kind: 'restricted' });
    expect(await problem({ kind: 'unreachable', url: 'https://www.news.example/a' })).toEqual({
      kind: 'unreachable',
      host: 'news.example',
    });
    const refusal = { reason: 'too-large', bytes: 6_000_000, limit: MAX_PAGE_BYTES } as const;
    expect(await problem({ kind: 'copy', result: { ok: false, refusal } })).toEqual({
      kind: 'too-large',
      bytes: 6_000_000,
      limit: MAX_PAGE_BYTES,
    });
  });

  it('a page with no article says so and offers nothing to save', async () => {
    const result = await readArticle(
      deps('<html lang="en"><body><nav><a href="/">Home</a></nav><p>Sign in</p></body></html>'),
    );
    expect(result.ok ? null : result.error.kind).toBe('no-article');
  });

  it('a page not in English: known entities only', async () => {
    const french = articlePage(
      [
        'Le chancelier Friedrich Merz a rencontré Volodymyr Zelenskyy à Kyiv lundi, selon des responsables.',
        'Le maire Vitali Klitschko a déclaré que les dégâts seraient réparés en plusieurs mois de travail.',
        'La situation restait tendue dans la capitale ukrainienne pendant toute la journée de lundi.',
      ],
      { lang: 'fr', title: 'Merz à Kyiv' },
    );
    const { review } = await read(french);
    expect(review.draft.knownOnly).toBe(true);
    expect(review.draft.candidates).toEqual([]);
    expect(review.draft.known.map((k) => k.name)).toContain('Friedrich Merz');
  });

  it('when the knowledge keeps changing while it reads, it says so', async () => {
    let version = 0;
    const reader = knowledge.access.reader;
    const restless = {
      version: async () => ++version,
      dictionaryEntities: () => reader.dictionaryEntities(),
      entityIds: () => reader.entityIds(),
      datasets: () => reader.datasets(),
      source: (id: string) => reader.source(id),
    };
    const result = await readArticle(deps(STORY, { reader: restless }));
    expect(result.ok ? null : result.error).toEqual({
      kind: 'failed',
      detail: expect.stringContaining('kept changing'),
    });
  });

  it('an error on the way is a value, not a crash', async () => {
    const result = await readArticle(
      deps(STORY, {
        extraction: async () => {
          throw new Error('Failed to fetch dynamically imported module');
        },
      }),
    );
    expect(result.ok ? null : result.error).toEqual({
      kind: 'failed',
      detail: 'Failed to fetch dynamically imported module',
    });
  });
});

describe('saving the reviewed article', () => {
  it('stores it in one step: its entities join the dictionary every tab matches with', async () => {
    const { review } = await read(STORY);
    const saved = await saveReviewed(review, undefined, knowledge.access);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    expect(saved.value.title).toBe('Merz visits Kyiv');
    expect(saved.value.replaced).toBeUndefined();
    const { reader } = knowledge.access;
    expect((await reader.datasets()).find((row) => row.id === saved.value.datasetId)?.origin).toBe(
      'saved',
    );
    const ids = (await knowledge.owner.dictionary()).entries.map((entry) =>
      'entityId' in entry ? entry.entityId : undefined,
    );
    expect(ids).toContain('vitali-klitschko');
    // Known entities are named, not copied; the article counts for them.
    expect((await reader.entity('kyiv'))?.dataset).toBe('seed-kyiv-attack');
    expect(await reader.sourcesNaming('kyiv')).toBe(1);
    const klitschko = await reader.facts('vitali-klitschko');
    expect(klitschko[0]?.evidence.source).toBe(saved.value.sourceId);
  });

  it('saved again: found as known from the earlier copy, replaced, with what changed and the roles kept', async () => {
    const first = await read(STORY);
    const stored = await saveReviewed(first.review, undefined, knowledge.access);
    if (!stored.ok) throw new Error('not saved');
    const role = (await knowledge.access.reader.entity('vitali-klitschko'))?.description;
    expect(role).toBe('Mayor');

    const second = await read(STORY);
    expect(second.earlier?.row.id).toBe(stored.value.datasetId);
    expect(second.earlier?.entityIds).toContain('vitali-klitschko');
    const review = changeReview(second.review, {
      type: 'keep-known',
      id: 'volodymyr-zelenskyy',
      keep: false,
    });
    const again = await saveReviewed(review, second.earlier, knowledge.access);
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(again.value.replaced).toEqual(stored.value.counts);
    expect(again.value.counts.entities).toBe(stored.value.counts.entities - 1);
    expect((await knowledge.access.reader.entity('vitali-klitschko'))?.description).toBe('Mayor');
    expect(
      (await knowledge.access.reader.datasets()).filter((r) => r.origin === 'saved'),
    ).toHaveLength(1);
  });

  it('a refused or failed save stores nothing and says what happened', async () => {
    const { review } = await read(STORY);
    const refused = await saveReviewed(review, undefined, {
      ...knowledge.access,
      requests: {
        ...knowledge.access.requests,
        saveArticle: async () => err({ kind: 'quota', message: 'The article did not fit.' }),
      },
    });
    expect(refused).toEqual({
      ok: false,
      error: { kind: 'quota', message: 'The article did not fit.' },
    });
    const failed = await saveReviewed(review, undefined, {
      ...knowledge.access,
      requests: {
        ...knowledge.access.requests,
        saveArticle: async () => {
          throw new Error('Could not establish connection. Receiving end does not exist.');
        },
      },
    });
    expect(failed.ok ? null : failed.error.kind).toBe('failed');
    expect((await knowledge.access.reader.datasets()).map((row) => row.origin)).toEqual([
      'bundled',
    ]);
  });
});

describe('hostile pages are saved as text', () => {
  it('markup, script-like strings, a 10,000-character name, bidi overrides and 500 quotes', async () => {
    const quotes = Array.from(
      { length: 500 },
      (_, i) =>
        `“Statement ${i + 1} &lt;i&gt;alert(document.cookie)&lt;/i&gt; stands,” said Speaker Person${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}.`,
    );
    const page = articlePage(
      [
        'Security researcher Ada Byte explained how &lt;script&gt; tags hide code in pages; readers rarely notice.',
        `Yesterday Byte met Z${'z'.repeat(9_999)} in Kyiv to talk about the &lt;b&gt;bold&lt;/b&gt; plans.`,
        'Senator Mark \u202EWarner\u202C said the hearing on <b>markup</b> would go ahead as planned.',
        ...quotes,
      ],
      { rawParagraphs: true, title: 'How <script> tags hide code' },
    );
    const { review } = await read(page);
    const saved = await saveReviewed(
      changeReview(review, { type: 'accept-all' }),
      undefined,
      knowledge.access,
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const file = await knowledge.access.reader.datasetFile(saved.value.datasetId);
    const json = JSON.stringify(file);
    expect(json).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(json).not.toMatch(/<\s*script|onerror\s*=/i);
    expect(file?.quotes.length).toBeGreaterThan(400);
    expect(file?.entities.every((entity) => entity.name.length <= 200)).toBe(true);
    // Markup in the article's words is kept as the characters the reader saw.
    expect(file?.sources[0]?.text).toContain('the <b>bold</b> plans');
    expect(file?.quotes[0]?.text).toContain('<i>alert(document.cookie)</i>');
  }, 60_000);
});
