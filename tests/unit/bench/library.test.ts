// The generated library the bench measures with: every article is a valid saved article, and saved into the store
// its recurring names merge only as the rules say (the same full name), never its traps.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateLibrary } from '../../../bench/lib/library.mjs';
import { parseDataset } from '../../../lib/shared/kb/parse';
import { freshKnowledge, type TestKnowledge } from '../support/knowledge';

let knowledge: TestKnowledge;

beforeEach(async () => {
  fakeBrowser.reset();
  knowledge = await freshKnowledge();
});

describe('generated library', () => {
  it('is the same library for the same options and has the totals it claims', () => {
    const a = generateLibrary({ articles: 12 });
    const b = generateLibrary({ articles: 12 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.totals).toMatchObject({
      articles: 12,
      entities: 240,
      facts: 1200,
      quotes: 60,
      events: 36,
    });
    const chars = a.articles.reduce(
      (n, { dataset }) => n + (dataset.sources[0]?.text.length ?? 0),
      0,
    );
    expect(a.totals.textChars).toBe(chars);
  });

  it('gives articles that pass the dataset checks an import or a save makes', () => {
    for (const { dataset } of generateLibrary({ articles: 25, seed: 7 }).articles) {
      const parsed = parseDataset(dataset);
      expect(parsed.ok ? [] : parsed.error.slice(0, 3)).toEqual([]);
    }
  });

  it('saved into the store, merges a name that comes back and leaves the traps apart', async () => {
    const { articles } = generateLibrary({
      articles: 20,
      recurring: 30,
      factsPerArticle: 10,
      seed: 3,
    });
    for (const { dataset, mentions } of articles) {
      const saved = await knowledge.access.requests.saveArticle({ dataset, mentions });
      expect(saved.ok).toBe(true);
    }
    const { reader } = knowledge.access;
    const entities = articles.flatMap(({ dataset }) => dataset.entities);
    const byName = new Map<string, string[]>();
    for (const entity of entities) {
      byName.set(entity.name, [...(byName.get(entity.name) ?? []), entity.id]);
    }
    // A two-word name in several articles: one entity once saved (the others merged into it).
    const repeated = [...byName].filter(([name, ids]) => name.includes(' ') && ids.length > 1);
    expect(repeated.length).toBeGreaterThan(0);
    for (const [, ids] of repeated) {
      const into = new Set(await Promise.all(ids.map((id) => reader.resolve(id))));
      expect(into.size).toBe(1);
    }
    // One-word names and other spellings are never merged by themselves (the seed's own aliases aside: it names
    // "Volodymyr Zelensky" and "Kiev" as Zelenskyy and Kyiv, so those merge with it, as they should).
    expect(byName.get('Washington')?.length).toBeGreaterThan(1);
    expect(byName.get('Georgia')?.length).toBeGreaterThan(1);
    for (const trap of ['Washington', 'Georgia', 'Muammar Gaddafi', 'Muammar Qaddafi']) {
      for (const id of byName.get(trap) ?? []) {
        const into = await reader.resolve(id);
        const target = entities.find((entity) => entity.id === into);
        expect(target?.name, `${id} → ${into}`).toBe(trap);
      }
    }
  }, 30_000);
});
