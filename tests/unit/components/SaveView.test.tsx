// The save view as a reader meets it: why a page can't be saved, the review (new and known entities apart, unsure
// ones and speakerless quotes shown but not saved, every change a click away), what was saved, and dataset text
// that stays text.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SaveView } from '../../../components/SaveView';
import type { Draft } from '../../../lib/pages/extract/types';
import { startReview } from '../../../lib/pages/review';
import type { ReadProblem, SaveSession } from '../../../lib/pages/save-article';
import { SaveFlow, type SaveFlowDeps } from '../../../lib/pages/save-flow';
import { err, ok } from '../../../lib/shared/result';
import { articlePage, draftOf, seedDictionary } from '../pages/extract/helpers';

afterEach(cleanup);

const draft = draftOf(
  articlePage(
    [
      'Germany’s Chancellor Friedrich Merz met Volodymyr Zelenskyy in Kyiv on Monday, officials said.',
      '“We will not give up,” Merz told reporters after the meeting in the capital.',
      '“Nobody knows what comes next,” one resident said near the station.',
      'Later, Olena Marchuk of the Kyiv City Council said the damage would take months to repair.',
    ],
    { title: 'Merz visits Kyiv' },
  ),
  seedDictionary(),
);

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** The view over a real SaveFlow, the way the side panel wires them; `save` answers as the background would. */
function Harness(props: {
  read?: SaveFlowDeps['read'];
  save?: SaveFlowDeps['save'];
  onDiscard?: () => void;
  onOpenSource?: (id: string) => void;
}) {
  const [session, setSession] = useState<SaveSession | null>(null);
  const [flow] = useState(
    () =>
      new SaveFlow(
        {
          read: props.read ?? (async () => ok({ review: startReview(draft), took: 12 })),
          save:
            props.save ??
            (async () =>
              ok({
                datasetId: draft.datasetId,
                sourceId: draft.sourceId,
                title: 'Merz visits Kyiv',
                counts: { entities: 5, quotes: 1, events: 0 },
              })),
        },
        setSession,
      ),
  );
  return (
    <SaveView
      session={session}
      onStart={() => void flow.start()}
      onChange={(change) => flow.change(change)}
      onSave={() => void flow.save()}
      onDiscard={() => {
        flow.discard();
        props.onDiscard?.();
      }}
      onOpenSource={props.onOpenSource ?? (() => undefined)}
      onShowPage={() => undefined}
    />
  );
}

async function openReview(props: Parameters<typeof Harness>[0] = {}) {
  render(<Harness {...props} />);
  fireEvent.click(screen.getByRole('button', { name: 'Save this article' }));
  await settle();
}

const summary = () => screen.getByText(/^Save keeps/).textContent;

describe('the review', () => {
  test('new and known entities apart; the unsure one and the speakerless quote shown, not saved', async () => {
    await openReview();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Merz visits Kyiv');
    const fresh = screen.getByRole('region', { name: /^New/ });
    expect(within(fresh).getByRole('textbox', { name: 'Name of Kyiv City Council' })).toBeTruthy();
    const unsure = screen.getByRole('region', { name: /^Unsure/ });
    expect(
      (within(unsure).getByRole('checkbox', { name: 'Keep Olena Marchuk' }) as HTMLInputElement)
        .checked,
    ).toBe(false);
    const known = screen.getByRole('region', { name: /^Already in your knowledge base/ });
    expect(within(known).getByText('Friedrich Merz')).toBeTruthy();
    expect(within(known).queryByRole('textbox')).toBeNull();
    const quotes = screen.getByRole('region', { name: /^Quotes/ });
    expect(within(quotes).getByText('Saved, said by Friedrich Merz.')).toBeTruthy();
    expect(within(quotes).getByText('Not saved: pick who said it to save it.')).toBeTruthy();
    expect(within(quotes).getByText(/a group or an unnamed person said it/)).toBeTruthy();
    expect(summary()).toBe('Save keeps 1 new entity, 4 known ones, 1 quote, 6 facts and 1 event.');
  });

  test('accept, reject, rename, change kind: each one click, and the summary follows', async () => {
    await openReview();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep Olena Marchuk' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep Volodymyr Zelenskyy' }));
    expect(summary()).toMatch(/^Save keeps 2 new entities, 3 known ones/);
    fireEvent.input(screen.getByRole('textbox', { name: 'Name of Olena Marchuk' }), {
      target: { value: 'Olena V. Marchuk' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of Kyiv City Council' }), {
      target: { value: 'place' },
    });
    const council = document.querySelector('[data-candidate-id="kyiv-city-council"]');
    expect(council?.getAttribute('data-kind')).toBe('place');
    expect(
      (screen.getByRole('textbox', { name: 'Name of Olena Marchuk' }) as HTMLInputElement).value,
    ).toBe('Olena V. Marchuk');
  });

  test('a name that can’t be saved is said at the field, and Save waits for it', async () => {
    await openReview();
    fireEvent.input(screen.getByRole('textbox', { name: 'Name of Kyiv City Council' }), {
      target: { value: '<script>alert(1)</script>' },
    });
    expect(
      screen.getByText('This name contains a <script> tag: names are plain text.'),
    ).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('merge a new entity into a known one, and undo it', async () => {
    await openReview();
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Same as another entity…' })[0] as HTMLElement,
    );
    const select = screen.getByRole('combobox', { name: /is the same as/ });
    fireEvent.change(select, { target: { value: 'known:friedrich-merz' } });
    expect(screen.getByText(/Saved as part of/).textContent).toContain('Friedrich Merz');
    fireEvent.click(screen.getByRole('button', { name: 'Keep Kyiv City Council apart' }));
    expect(screen.queryByText(/Saved as part of/)).toBeNull();
  });

  test('pick a speaker for the quote without one, then clear it again', async () => {
    await openReview();
    fireEvent.click(screen.getByRole('button', { name: 'Pick speaker of quote 2' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Said by' }), {
      target: { value: 'known:volodymyr-zelenskyy' },
    });
    expect(screen.getByText('Saved, said by Volodymyr Zelenskyy.')).toBeTruthy();
    expect(summary()).toMatch(/2 quotes/);
    fireEvent.click(screen.getByRole('button', { name: 'Clear speaker of quote 2' }));
    expect(summary()).toMatch(/1 quote,/);
  });

  test('accept all is one click: the unsure entity too', async () => {
    await openReview();
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(
      (screen.getByRole('checkbox', { name: 'Keep Olena Marchuk' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(summary()).toMatch(/^Save keeps 2 new entities/);
  });

  test('save: what was stored, and what the earlier copy had', async () => {
    const save = vi.fn(async () =>
      ok({
        datasetId: 'saved-1',
        sourceId: 'merz-visits-kyiv-1',
        title: 'Merz visits Kyiv',
        counts: { entities: 5, quotes: 1, events: 0 },
        replaced: { entities: 4, quotes: 2, events: 1 },
      }),
    );
    const onOpenSource = vi.fn();
    await openReview({ save, onOpenSource });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(save).toHaveBeenCalledOnce();
    expect(screen.getByText(/^Saved with 5 entities, 1 quote, 0 events/)).toBeTruthy();
    expect(
      screen.getByText(
        'It replaces the copy you saved before, which had 4 entities, 2 quotes, 1 event.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the saved article' }));
    expect(onOpenSource).toHaveBeenCalledWith('merz-visits-kyiv-1');
  });

  test('a failed save says what happened, stores nothing, and keeps the review to try again', async () => {
    await openReview({
      save: async () =>
        err({
          kind: 'invalid',
          issues: [{ path: 'entities[0].id', message: 'id "kyiv-city-council" is already used' }],
        }),
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep Olena Marchuk' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Nothing was saved');
    expect(alert.textContent).toContain('entities[0].id: id "kyiv-city-council" is already used');
    expect(
      (screen.getByRole('checkbox', { name: 'Keep Olena Marchuk' }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  test('discard: nothing stored, the view says there is nothing to review', async () => {
    const onDiscard = vi.fn();
    await openReview({ onDiscard });
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(onDiscard).toHaveBeenCalledOnce();
    expect(screen.getByText('Nothing to save yet')).toBeTruthy();
  });
});

describe('pages that can’t be saved', () => {
  const cases: [ReadProblem, RegExp, RegExp][] = [
    [{ kind: 'restricted' }, /can’t read this page/, /PDFs and extension stores/],
    [
      { kind: 'unreachable', host: 'news.example' },
      /hasn’t been read yet/,
      /Reload the tab, then try again/,
    ],
    [
      { kind: 'too-large', bytes: 6_500_000, limit: 5 * 1024 * 1024 },
      /too large to save/,
      /It is 6\.2 MB; Backstory saves pages of up to 5\.0 MB/,
    ],
    [{ kind: 'no-article', detail: 'no article' }, /No article found/, /Open the article itself/],
    [{ kind: 'no-tab' }, /no page to save/, /Open a news article/],
    [
      { kind: 'failed', detail: 'The tab closed.' },
      /could not be read/,
      /^The tab closed\. Try again/,
    ],
  ];
  test.each(cases)('%o', async (problem, title, text) => {
    await openReview({ read: async () => err(problem) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(title);
    expect(screen.getByText(text)).toBeTruthy();
    expect(screen.getByText('Nothing was saved')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  test('a page not in English: known entities only, and the review says so', async () => {
    const french: Draft = {
      ...draft,
      knownOnly: true,
      candidates: [],
      quotes: [],
      events: [],
      article: { ...draft.article, language: 'fr' },
    };
    await openReview({ read: async () => ok({ review: startReview(french), took: 1 }) });
    expect(screen.getByText('This page is not in English')).toBeTruthy();
    expect(screen.getByText(/no new names, quotes or events \(language: fr\)/)).toBeTruthy();
    expect(screen.getByText('Not looked for on this page.')).toBeTruthy();
  });
});

describe('hostile text is shown as text', () => {
  test('markup, bidi overrides and a 10,000-character name never become elements', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1"><b>bold</b>';
    const long = `Z${'z'.repeat(9_999)}`;
    const [first] = draft.candidates;
    if (!first) throw new Error('no candidate');
    const evil: Draft = {
      ...draft,
      article: { ...draft.article, title: `${hostile}\u202Egnp.exe` },
      candidates: [
        { ...first, name: hostile, why: [hostile] },
        { ...first, ref: { source: 'new', id: 'long' }, name: long },
      ],
      omitted: [
        {
          what: 'sentence',
          preview: '<script>alert(1)</script>',
          reason: 'contains a <script> tag',
        },
      ],
    };
    await openReview({ read: async () => ok({ review: startReview(evil), took: 1 }) });
    const view = document.querySelector('.save-view') as HTMLElement;
    expect(view.querySelector('img, b, script')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(`${hostile}\u202Egnp.exe`);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(view.textContent).toContain('<script>alert(1)</script>');
    expect(screen.getByRole('checkbox', { name: `Keep ${long}` })).toBeTruthy();
  });

  test('500 quotes: the first 50 at once, the rest on request', async () => {
    const [quote] = draft.quotes;
    if (!quote) throw new Error('no quote');
    const many: Draft = {
      ...draft,
      quotes: Array.from({ length: 500 }, (_, i) => ({ ...quote, id: `q-${i}` })),
    };
    await openReview({ read: async () => ok({ review: startReview(many), took: 1 }) });
    expect(document.querySelectorAll('.review-quote')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 500 (another 450)' }));
    expect(document.querySelectorAll('.review-quote')).toHaveLength(500);
    // One speaker list at a time, not 500.
    expect(document.querySelectorAll('.review-quote select')).toHaveLength(0);
  });
});
