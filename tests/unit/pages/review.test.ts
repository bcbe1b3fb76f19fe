// The review before Save: what starts kept, each change the reader can make, and what Save would then store.
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  changeReview,
  decisionsOf,
  mergeChoices,
  nameProblem,
  quoteOutcome,
  type Review,
  type ReviewChange,
  reviewCounts,
  reviewedDataset,
  reviewMentions,
  reviewProblems,
  savedAs,
  speakerChoices,
  startReview,
} from '../../../lib/pages/review';
import { parseDataset } from '../../../lib/shared/kb/parse';
import { articlePage, draftOf, seedDictionary } from './extract/helpers';

// Known: Germany, Friedrich Merz, Volodymyr Zelenskyy, Kyiv. New: Olena Marchuk (unsure), Kyiv City Council
// (proposed). Quotes: Merz's, and one by "one resident" (no speaker).
const draft = draftOf(
  articlePage([
    'Germany’s Chancellor Friedrich Merz met Volodymyr Zelenskyy in Kyiv on Monday, officials said.',
    '“We will not give up,” Merz told reporters after the meeting in the capital.',
    '“Nobody knows what comes next,” one resident said near the station.',
    'Later, Olena Marchuk of the Kyiv City Council said the damage would take months to repair.',
  ]),
  seedDictionary(),
);
const [merzQuote, residentQuote] = draft.quotes.map((quote) => quote.id) as [string, string];
const marchuk = { source: 'new', id: 'olena-marchuk' } as const;
const council = { source: 'new', id: 'kyiv-city-council' } as const;
const merz = { source: 'known', id: 'friedrich-merz' } as const;

function reviewed(...changes: ReviewChange[]): Review {
  return changes.reduce(changeReview, startReview(draft));
}

const ids = (review: Review) => reviewedDataset(review).entities.map((entity) => entity.id);

function valid(review: Review) {
  const parsed = parseDataset(JSON.parse(JSON.stringify(reviewedDataset(review))));
  expect(parsed.ok ? [] : parsed.error).toEqual([]);
}

describe('the draft as extracted', () => {
  it('has what these tests rely on', () => {
    expect(draft.known.map((k) => k.ref.id)).toEqual(
      expect.arrayContaining(['friedrich-merz', 'kyiv']),
    );
    expect(draft.candidates.map((c) => [c.ref.id, c.status])).toEqual([
      ['olena-marchuk', 'unsure'],
      ['kyiv-city-council', 'proposed'],
    ]);
    expect(draft.quotes.map((q) => q.attribution.status)).toEqual(['attributed', 'blank']);
  });
});

describe('starting a review', () => {
  it('keeps what the extractor is sure of; an unsure entity and a quote without speaker are shown, not saved', () => {
    const review = startReview(draft);
    expect(ids(review)).toContain('kyiv-city-council');
    expect(ids(review)).not.toContain('olena-marchuk');
    expect(quoteOutcome(review, merzQuote)).toEqual({ saved: true, speaker: 'Friedrich Merz' });
    expect(quoteOutcome(review, residentQuote)).toEqual({ saved: false, why: 'no-speaker' });
    expect(reviewCounts(review, reviewedDataset(review))).toMatchObject({
      newEntities: 1,
      knownEntities: 4,
      quotes: 1,
      unsureLeftOut: 1,
      quotesWithoutSpeaker: 1,
    });
    valid(review);
  });

  it('is what draftToDataset gives with no decisions', () => {
    const review = startReview(draft);
    expect(reviewedDataset(review)).toEqual(reviewedDataset({ ...review }));
    expect(decisionsOf(review).candidates?.['olena-marchuk']).toEqual({ action: 'reject' });
  });
});

describe('changes', () => {
  it('accept all: one step keeps everything, unsure entities included', () => {
    const review = reviewed(
      { type: 'keep-known', id: 'kyiv', keep: false },
      { type: 'keep-quote', id: merzQuote, keep: false },
      { type: 'accept-all' },
    );
    expect(ids(review)).toEqual(
      expect.arrayContaining(['olena-marchuk', 'kyiv', 'kyiv-city-council']),
    );
    expect(quoteOutcome(review, merzQuote).saved).toBe(true);
    // A quote without a speaker still needs one: accepting all invents none.
    expect(quoteOutcome(review, residentQuote)).toEqual({ saved: false, why: 'no-speaker' });
    valid(review);
  });

  it('reject a known entity: it is not named, its facts go', () => {
    const review = reviewed({ type: 'keep-known', id: 'kyiv', keep: false });
    const dataset = reviewedDataset(review);
    expect(ids(review)).not.toContain('kyiv');
    expect(dataset.facts.map((fact) => fact.entity)).not.toContain('kyiv');
    expect(reviewMentions(review, dataset).map((m) => m.entity)).not.toContain('kyiv');
  });

  it('accept an unsure entity, rename it and change its kind', () => {
    const review = reviewed(
      { type: 'keep-candidate', id: 'olena-marchuk', keep: true },
      { type: 'rename', id: 'olena-marchuk', name: '  Olena M. Marchuk ' },
      { type: 'set-kind', id: 'kyiv-city-council', kind: 'place' },
    );
    const entities = reviewedDataset(review).entities;
    const olena = entities.find((e) => e.id === 'olena-marchuk');
    expect(olena?.name).toBe('Olena M. Marchuk');
    // The name the article used stays an alias, so the page still finds her by it.
    expect(olena?.aliases.map((a) => a.text)).toContain('Olena Marchuk');
    expect(entities.find((e) => e.id === 'kyiv-city-council')?.kind).toBe('place');
    valid(review);
  });

  it('a name that can’t be saved is named as a problem, and the extractor’s name is kept meanwhile', () => {
    for (const name of ['   ', 'x'.repeat(201), '<script>alert(1)</script>']) {
      const review = reviewed({ type: 'rename', id: 'kyiv-city-council', name });
      expect(reviewProblems(review)['kyiv-city-council']).toBe(nameProblem(name));
      expect(reviewedDataset(review).entities.find((e) => e.id === 'kyiv-city-council')?.name).toBe(
        'Kyiv City Council',
      );
    }
    expect(nameProblem('<b>Bold</b> & Co')).toBeNull();
    // A rejected entity's name is nobody's problem.
    const rejected = reviewed(
      { type: 'rename', id: 'kyiv-city-council', name: '' },
      { type: 'keep-candidate', id: 'kyiv-city-council', keep: false },
    );
    expect(reviewProblems(rejected)).toEqual({});
  });

  it('merge a new entity into a known one: its facts and mentions go to the known one', () => {
    const review = reviewed({ type: 'merge', id: 'olena-marchuk', into: merz });
    const dataset = reviewedDataset(review);
    expect(ids(review)).not.toContain('olena-marchuk');
    const olenaFact = draft.facts.find(
      (f) => f.about.source === 'new' && f.about.id === 'olena-marchuk',
    );
    expect(dataset.facts.find((f) => f.id === olenaFact?.id)?.entity).toBe('friedrich-merz');
    const merzMentions = draft.known.find((k) => k.ref.id === 'friedrich-merz')?.mentions ?? 0;
    expect(reviewMentions(review, dataset)).toContainEqual({
      entity: 'friedrich-merz',
      count: merzMentions + 1,
    });
    expect(savedAs(review, marchuk)).toEqual(merz);
    valid(review);
    // Undone: an entity of its own again, saved since the merge accepted it.
    expect(ids(changeReview(review, { type: 'merge', id: 'olena-marchuk', into: null }))).toContain(
      'olena-marchuk',
    );
  });

  it('refuses a merge into itself, into nothing, or that leads back to it', () => {
    const start = reviewed({ type: 'merge', id: 'olena-marchuk', into: council });
    expect(changeReview(start, { type: 'merge', id: 'kyiv-city-council', into: marchuk })).toBe(
      start,
    );
    expect(changeReview(start, { type: 'merge', id: 'kyiv-city-council', into: council })).toBe(
      start,
    );
    expect(
      changeReview(start, {
        type: 'merge',
        id: 'kyiv-city-council',
        into: { source: 'known', id: 'atlantis' },
      }),
    ).toBe(start);
    expect(mergeChoices(start, 'kyiv-city-council').map((c) => c.ref.id)).not.toContain(
      'olena-marchuk',
    );
    expect(mergeChoices(start, 'kyiv-city-council').map((c) => c.ref.id)).toContain(
      'friedrich-merz',
    );
  });

  it('pick a speaker for a quote without one: it is saved, with that speaker', () => {
    const review = reviewed({ type: 'set-speaker', id: residentQuote, speaker: merz });
    expect(quoteOutcome(review, residentQuote)).toEqual({ saved: true, speaker: 'Friedrich Merz' });
    const quote = reviewedDataset(review).quotes.find(
      (q) => q.text === 'Nobody knows what comes next',
    );
    expect(quote?.speaker).toBe('friedrich-merz');
    valid(review);
  });

  it('picking an unsure new entity as speaker keeps that entity', () => {
    const review = reviewed({ type: 'set-speaker', id: residentQuote, speaker: marchuk });
    expect(ids(review)).toContain('olena-marchuk');
    expect(quoteOutcome(review, residentQuote)).toEqual({ saved: true, speaker: 'Olena Marchuk' });
  });

  it('clear a speaker: the quote is shown but not saved', () => {
    const review = reviewed({ type: 'set-speaker', id: merzQuote, speaker: null });
    expect(quoteOutcome(review, merzQuote)).toEqual({ saved: false, why: 'no-speaker' });
    expect(reviewedDataset(review).quotes.map((q) => q.text)).not.toContain('We will not give up');
  });

  it('a quote whose speaker is rejected is not saved, and says why', () => {
    const review = reviewed(
      { type: 'set-speaker', id: residentQuote, speaker: council },
      { type: 'keep-candidate', id: 'kyiv-city-council', keep: false },
    );
    expect(quoteOutcome(review, residentQuote)).toEqual({ saved: false, why: 'speaker-not-saved' });
  });

  it('speakers to pick from: people, then organizations, of what Save would store', () => {
    const choices = speakerChoices(
      reviewed({ type: 'keep-known', id: 'volodymyr-zelenskyy', keep: false }),
    );
    const kinds = choices.map((c) => c.kind);
    expect(kinds.indexOf('organization')).toBeGreaterThan(kinds.lastIndexOf('person'));
    expect(choices.map((c) => c.name)).toContain('Kyiv City Council');
    expect(choices.map((c) => c.name)).not.toContain('Volodymyr Zelenskyy');
    expect(choices.map((c) => c.kind)).not.toContain('place');
  });

  it('reject facts and events one by one', () => {
    const fact = draft.facts[0]?.id as string;
    const review = reviewed({ type: 'keep-fact', id: fact, keep: false });
    expect(reviewedDataset(review).facts.map((f) => f.id)).not.toContain(fact);
    expect(reviewCounts(review, reviewedDataset(review)).facts).toBe(
      reviewCounts(startReview(draft), reviewedDataset(startReview(draft))).facts - 1,
    );
  });

  it('a change that names nothing in the draft changes nothing', () => {
    const review = startReview(draft);
    for (const change of [
      { type: 'keep-candidate', id: 'nobody', keep: true },
      { type: 'keep-fact', id: 'nothing', keep: false },
      { type: 'set-speaker', id: residentQuote, speaker: { source: 'new', id: 'nobody' } },
      { type: 'set-speaker', id: 'no-quote', speaker: merz },
    ] as const) {
      expect(changeReview(review, change)).toBe(review);
    }
  });
});

describe('mentions sent with the article', () => {
  it('name every entity the saved article names, with how often, and nothing it does not store', () => {
    const review = startReview(draft);
    const dataset = reviewedDataset(review);
    const mentions = reviewMentions(review, dataset);
    expect(mentions.map((m) => m.entity).sort()).toEqual(dataset.entities.map((e) => e.id).sort());
    expect(mentions.find((m) => m.entity === 'kyiv')?.count).toBe(
      draft.known.find((k) => k.ref.id === 'kyiv')?.mentions,
    );
    expect(mentions.every((m) => m.count >= 1)).toBe(true);
  });
});
