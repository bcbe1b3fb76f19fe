// draftToDataset: what Save stores is a schema-1 dataset that passes the same validator as the bundled one, on the seed article and every corpus page, with the reader's decisions applied.
// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftToDataset } from '../../../../lib/pages/extract/to-dataset';
import type { Draft } from '../../../../lib/pages/extract/types';
import { parseDataset } from '../../../../lib/shared/kb/parse';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import { findCorpusDir } from '../../../../scripts/extract-eval/corpus';
import { seedPage } from '../../../../scripts/extract-eval/labels';
import { articlePage, draftOf, repoRoot, seedDataset, seedDictionary } from './helpers';

function validated(dataset: Dataset): Dataset {
  const parsed = parseDataset(JSON.parse(JSON.stringify(dataset)));
  expect(parsed.ok ? [] : parsed.error).toEqual([]);
  return dataset;
}

describe('draftToDataset', () => {
  it('turns the seed article into a valid dataset with its people, quotes, speakers and figures', () => {
    const draft = draftOf(seedPage(seedDataset()));
    const dataset = validated(draftToDataset(draft));
    const names = dataset.entities.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Oleksandr Khilko',
        'Kaja Kallas',
        'Keir Starmer',
        'Friedrich Merz',
        'Kyiv',
      ]),
    );
    const byId = new Map(dataset.entities.map((e) => [e.id, e.name]));
    expect(dataset.quotes.map((q) => [byId.get(q.speaker), q.text])).toContainEqual([
      'Kaja Kallas',
      'No diplomatic mission should ever be a target',
    ]);
    const figures = dataset.events.flatMap((e) => e.figures);
    expect(figures).toContainEqual(
      expect.objectContaining({
        kind: 'dead',
        value: 21,
        qualifier: 'at least',
        text: 'killed at least 21 people',
      }),
    );
    expect(dataset.sources[0]?.text.startsWith('Russian Missile and Drone Attack on Kyiv')).toBe(
      true,
    );
  });

  it('passes parseDataset on every corpus page (with the seed dictionary, as a fresh install has)', () => {
    const corpus = findCorpusDir(repoRoot);
    const dictionary = seedDictionary();
    const pages = readdirSync(corpus).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = readFileSync(join(corpus, page), 'utf8');
      const draft = draftOf(html, dictionary);
      const parsed = parseDataset(JSON.parse(JSON.stringify(draftToDataset(draft))));
      expect(parsed.ok ? [] : parsed.error.slice(0, 3), page).toEqual([]);
    }
  }, 240_000);

  describe('decisions', () => {
    const page = articlePage([
      'Senator Mark Warner of Virginia met Sen. Tim Kaine in Richmond on Monday to discuss the budget.',
      '“We are close to a deal on almost every point,” Warner said after the meeting.',
      'Kaine, a former governor of the state, said talks would continue through the week.',
      'The meeting was also attended by several Pentagon officials and staff from the White House.',
    ]);
    let draft: Draft;
    const fresh = () => {
      draft = draftOf(page, seedDictionary());
      return draft;
    };
    const idOf = (name: string) => {
      const c = draft.candidates.find((x) => x.name === name);
      if (!c) throw new Error(`no candidate ${name}`);
      return c.ref.id;
    };

    it('accepts everything proposed by default, references known entities by their dictionary ids', () => {
      fresh();
      const dataset = validated(draftToDataset(draft));
      expect(dataset.entities.map((e) => e.name)).toEqual(
        expect.arrayContaining(['Mark Warner', 'Tim Kaine', 'Richmond', 'White House']),
      );
      expect(dataset.entities.find((e) => e.name === 'White House')?.id).toBe('white-house');
      expect(dataset.quotes).toHaveLength(1);
    });

    it('drops a rejected entity with its facts and quotes; keeps ids stable', () => {
      fresh();
      const warner = idOf('Mark Warner');
      const before = draftToDataset(draft);
      const dataset = validated(
        draftToDataset(draft, { candidates: { [warner]: { action: 'reject' } } }),
      );
      expect(dataset.entities.map((e) => e.id)).not.toContain(warner);
      expect(dataset.facts.some((f) => f.entity === warner)).toBe(false);
      expect(dataset.quotes).toEqual([]);
      const kept = (d: Dataset) => d.entities.filter((e) => e.id !== warner).map((e) => e.id);
      expect(kept(dataset)).toEqual(kept(before));
    });

    it('renames, re-kinds, merges and picks a speaker', () => {
      fresh();
      const warner = idOf('Mark Warner');
      const kaine = idOf('Tim Kaine');
      const richmond = idOf('Richmond');
      const quoteId = draft.quotes[0]?.id ?? '';
      const dataset = validated(
        draftToDataset(draft, {
          candidates: {
            [warner]: { action: 'accept', name: 'Mark R. Warner' },
            [richmond]: { action: 'accept', kind: 'organization' },
            [kaine]: { action: 'merge', into: { source: 'known', id: 'white-house' } },
          },
          quotes: { [quoteId]: { action: 'accept', speaker: { source: 'new', id: richmond } } },
          datasetName: 'Budget talks',
        }),
      );
      const renamed = dataset.entities.find((e) => e.id === warner);
      expect(renamed?.name).toBe('Mark R. Warner');
      expect(renamed?.aliases.map((a) => a.text)).toEqual(
        expect.arrayContaining(['Mark Warner', 'Warner']),
      );
      expect(dataset.entities.find((e) => e.id === richmond)?.kind).toBe('organization');
      expect(dataset.entities.some((e) => e.id === kaine)).toBe(false);
      expect(
        dataset.entities.find((e) => e.id === 'white-house')?.aliases.map((a) => a.text),
      ).toContain('Tim Kaine');
      expect(
        dataset.facts.some((f) => f.entity === 'white-house' && f.text.startsWith('Kaine')),
      ).toBe(true);
      expect(dataset.quotes[0]?.speaker).toBe(richmond);
      expect(dataset.name).toBe('Budget talks');
    });

    it('saves an unsure candidate only when accepted, and a blank-speaker quote only once a speaker is picked', () => {
      const blank = draftOf(
        articlePage([
          'John Smith met Peter Brown in London on Monday to discuss the merger of their companies.',
          '“We have agreed on almost everything that matters,” he said after the meeting.',
        ]),
      );
      expect(draftToDataset(blank).quotes).toEqual([]);
      const quote = blank.quotes[0];
      const smith = blank.candidates.find((c) => c.name === 'John Smith');
      if (!quote || !smith) throw new Error('fixture');
      const picked = validated(
        draftToDataset(blank, { quotes: { [quote.id]: { action: 'accept', speaker: smith.ref } } }),
      );
      expect(picked.quotes.map((q) => q.speaker)).toEqual([smith.ref.id]);

      const vague = draftOf(
        articlePage([
          'The report on the flooding was written for Ocean Crest over the summer months.',
        ]),
      );
      const unsure = vague.candidates.find((c) => c.name === 'Ocean Crest');
      expect(unsure?.status).toBe('unsure');
      if (!unsure) throw new Error('fixture');
      expect(draftToDataset(vague).entities.map((e) => e.name)).not.toContain('Ocean Crest');
      const accepted = validated(
        draftToDataset(vague, {
          candidates: { [unsure.ref.id]: { action: 'accept', kind: 'place' } },
        }),
      );
      expect(accepted.entities.find((e) => e.name === 'Ocean Crest')?.kind).toBe('place');
    });
  });
});
