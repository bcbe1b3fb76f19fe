// The side panel's "Save this article" view: reading the page, why it can't be saved, the review, and what was saved.
import { useEffect, useRef } from 'preact/hooks';
import type { ReviewChange } from '../lib/pages/review';
import type { ReadProblem, SaveSession } from '../lib/pages/save-article';
import { formatBytes } from '../lib/shared/format';
import { ArticleReview, countsText } from './ArticleReview';
import { EmptyState } from './EmptyState';
import { Notice } from './Notice';

export interface SaveViewProps {
  /** null: nothing read yet (the view reached by Back or Forward after a discard). */
  session: SaveSession | null;
  /** Reads the followed tab's page (again). */
  onStart(): void;
  onChange(change: ReviewChange): void;
  onSave(): void;
  onDiscard(): void;
  onOpenSource(sourceId: string): void;
  onShowPage(): void;
}

export function SaveView(props: SaveViewProps) {
  const { session } = props;
  const root = useRef<HTMLDivElement | null>(null);
  // Each new state moves focus to its heading: the reader (and a screen reader) lands on what changed.
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [session?.phase]);
  return <div ref={root}>{body(props)}</div>;
}

function body(props: SaveViewProps) {
  const { session } = props;
  if (!session) {
    return (
      <EmptyState
        title="Nothing to save yet"
        action={
          <button type="button" class="primary" onClick={props.onStart}>
            Save this article
          </button>
        }
      >
        <p>Read the page in this tab and review what Backstory would keep from it.</p>
      </EmptyState>
    );
  }
  switch (session.phase) {
    case 'reading':
      return (
        <section aria-labelledby="save-title" aria-busy="true">
          <p class="eyebrow">Save this article</p>
          <h1 id="save-title" class="view-heading" tabIndex={-1}>
            Reading the article…
          </h1>
          <p class="muted">
            Finding its people, organizations, places, quotes and events, here on your device.
          </p>
        </section>
      );
    case 'unreadable':
      return <Unreadable problem={session.problem} onStart={props.onStart} />;
    case 'review':
    case 'saving':
      return (
        <ArticleReview
          article={session.article}
          failure={session.phase === 'review' ? session.failure : undefined}
          saving={session.phase === 'saving'}
          onChange={props.onChange}
          onSave={props.onSave}
          onDiscard={props.onDiscard}
        />
      );
    case 'saved': {
      const { summary } = session;
      return (
        <section aria-labelledby="save-title">
          <p class="eyebrow">Saved</p>
          <h1 id="save-title" class="view-heading" tabIndex={-1}>
            {summary.title}
          </h1>
          <Notice
            tone="success"
            actions={
              <>
                <button type="button" onClick={() => props.onOpenSource(summary.sourceId)}>
                  Show the saved article
                </button>
                <button type="button" onClick={props.onShowPage}>
                  Back to this page
                </button>
              </>
            }
          >
            <p>
              Saved with {countsText(summary.counts)}. Its names are highlighted in your open tabs
              now.
            </p>
            {summary.replaced ? (
              <p>
                It replaces the copy you saved before, which had {countsText(summary.replaced)}.
              </p>
            ) : null}
          </Notice>
        </section>
      );
    }
  }
}

const TRY_AGAIN = 'Try again';

/** Why the page can't be saved, and what to do about it. Nothing was stored. */
function Unreadable({ problem, onStart }: { problem: ReadProblem; onStart(): void }) {
  const again = (
    <button type="button" onClick={onStart}>
      {TRY_AGAIN}
    </button>
  );
  const state = (title: string, text: string, action?: boolean) => (
    <section aria-labelledby="save-title">
      <p class="eyebrow">Save this article</p>
      <h1 id="save-title" class="view-heading" tabIndex={-1}>
        {title}
      </h1>
      <EmptyState title="Nothing was saved" action={action ? again : undefined}>
        <p>{text}</p>
      </EmptyState>
    </section>
  );
  switch (problem.kind) {
    case 'no-tab':
      return state(
        'There is no page to save',
        'Open a news article in this window, then choose Save this article again.',
        true,
      );
    case 'restricted':
      return state(
        'Backstory can’t read this page',
        'Browser pages, PDFs and extension stores don’t allow extensions to read them, so they can’t be saved. Open the article as a web page and save it from there.',
      );
    case 'unreachable':
      return state(
        problem.host ? 'This page hasn’t been read yet' : 'Backstory can’t read this page',
        problem.host
          ? 'It may still be loading, or it was open before Backstory was installed or updated. Reload the tab, then try again.'
          : 'Browser pages, PDFs and extension stores don’t allow extensions to read them. If this is a web page, reload it and try again.',
        true,
      );
    case 'too-large':
      return state(
        'This page is too large to save',
        `It is ${formatBytes(problem.bytes)}; Backstory saves pages of up to ${formatBytes(problem.limit)}, so it was not read.`,
      );
    case 'no-article':
      return state(
        'No article found on this page',
        'Backstory looks for the main text of an article and found none here: a home page, a list of links or an app has nothing to save. Open the article itself and try again.',
      );
    case 'failed':
      return state(
        'The article could not be read',
        `${problem.detail} Try again; if it keeps failing, reload the tab.`,
        true,
      );
  }
}
