// The panel's save flow: one state at a time, an older read never overwrites a newer one, a failed save keeps the
// review, a discard leaves nothing.
import { describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../../lib/pages/extract/types';
import { startReview } from '../../../lib/pages/review';
import type { ReadArticle, SaveSession } from '../../../lib/pages/save-article';
import { SaveFlow, type SaveFlowDeps } from '../../../lib/pages/save-flow';
import { err, ok } from '../../../lib/shared/result';

/** The smallest draft a flow can carry (the flow never looks inside). */
function article(title: string): ReadArticle {
  const draft = {
    datasetId: `saved-${title}`,
    sourceId: title,
    article: { title },
    knownOnly: false,
    known: [],
    candidates: [
      { ref: { source: 'new', id: 'ada' }, kind: 'person', name: 'Ada', status: 'unsure' },
    ],
    quotes: [],
    facts: [],
    events: [],
    omitted: [],
  } as unknown as Draft;
  return { review: startReview(draft), took: 1 };
}

const summary = {
  datasetId: 'saved-a',
  sourceId: 'a',
  title: 'a',
  counts: { entities: 1, quotes: 0, events: 0 },
};

function flow(deps: Partial<SaveFlowDeps> = {}) {
  const states: (SaveSession | null)[] = [];
  const saving = new SaveFlow(
    {
      read: async () => ok(article('a')),
      save: async () => ok(summary),
      ...deps,
    },
    (session) => states.push(session),
  );
  return { saving, phases: () => states.map((state) => state?.phase ?? null) };
}

describe('SaveFlow', () => {
  it('reads, reviews, saves', async () => {
    const save = vi.fn<SaveFlowDeps['save']>(async () => ok(summary));
    const { saving, phases } = flow({ save });
    await saving.start();
    saving.change({ type: 'keep-candidate', id: 'ada', keep: true });
    await saving.save();
    expect(phases()).toEqual(['reading', 'review', 'review', 'saving', 'saved']);
    expect(save.mock.calls[0]?.[0].candidates.ada?.keep).toBe(true);
  });

  it('a page that can’t be read is a state of its own; changes and saves then do nothing', async () => {
    const { saving, phases } = flow({ read: async () => err({ kind: 'restricted' }) });
    await saving.start();
    saving.change({ type: 'accept-all' });
    await saving.save();
    expect(phases()).toEqual(['reading', 'unreadable']);
  });

  it('an older read finishing late is dropped: the panel shows the page asked for last', async () => {
    let finishFirst: (value: ReturnType<typeof ok<ReadArticle>>) => void = () => undefined;
    const reads = [
      new Promise<ReturnType<typeof ok<ReadArticle>>>((resolve) => {
        finishFirst = resolve;
      }),
      Promise.resolve(ok(article('second'))),
    ];
    const { saving } = flow({
      read: () => reads.shift() as Promise<ReturnType<typeof ok<ReadArticle>>>,
    });
    const first = saving.start();
    await saving.start();
    finishFirst(ok(article('first')));
    await first;
    const current = saving.current;
    expect(current?.phase === 'review' && current.article.review.draft.article.title).toBe(
      'second',
    );
  });

  it('a failed save keeps the review, with why', async () => {
    const { saving } = flow({ save: async () => err({ kind: 'quota', message: 'No room.' }) });
    await saving.start();
    await saving.save();
    expect(saving.current).toMatchObject({ phase: 'review', failure: { kind: 'quota' } });
  });

  it('a change that changes nothing reports nothing; discard leaves nothing', async () => {
    const { saving, phases } = flow();
    await saving.start();
    saving.change({ type: 'keep-fact', id: 'nothing', keep: false });
    saving.discard();
    expect(phases()).toEqual(['reading', 'review', null]);
  });
});
