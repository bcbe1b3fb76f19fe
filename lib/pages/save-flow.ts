// The side panel's "Save this article" flow as one object: read the page, change the review, save, discard; each
// new state is reported to the view. Reading again (another "Save this article") drops what an older read brings.
import type { Result } from '../shared/result';
import { changeReview, type Review, type ReviewChange } from './review';
import type {
  EarlierCopy,
  ReadArticle,
  ReadProblem,
  SavedArticleSummary,
  SaveFailure,
  SaveSession,
} from './save-article';

export interface SaveFlowDeps {
  /** Reads the followed tab's page for review (lib/pages/save-article.ts readArticle). */
  read(): Promise<Result<ReadArticle, ReadProblem>>;
  /** Stores the reviewed article (saveReviewed). */
  save(
    review: Review,
    earlier: EarlierCopy | undefined,
  ): Promise<Result<SavedArticleSummary, SaveFailure>>;
}

export class SaveFlow {
  private session: SaveSession | null = null;
  /** Bumped by each read and discard: an answer for an older one is dropped. */
  private run = 0;

  constructor(
    private readonly deps: SaveFlowDeps,
    private readonly onSession: (session: SaveSession | null) => void,
  ) {}

  get current(): SaveSession | null {
    return this.session;
  }

  private set(session: SaveSession | null): void {
    this.session = session;
    this.onSession(session);
  }

  /** Reads the page (again): the review of any earlier read is dropped. Resolves once read. */
  async start(): Promise<void> {
    const run = ++this.run;
    this.set({ phase: 'reading' });
    const read = await this.deps.read();
    if (run !== this.run) return;
    this.set(
      read.ok
        ? { phase: 'review', article: read.value }
        : { phase: 'unreadable', problem: read.error },
    );
  }

  /** One change by the reader to the review on show. */
  change(change: ReviewChange): void {
    const session = this.session;
    if (session?.phase !== 'review') return;
    const review = changeReview(session.article.review, change);
    if (review === session.article.review) return;
    this.set({ ...session, article: { ...session.article, review } });
  }

  /** Stores the review on show; on failure the review stays, with why, to try again. */
  async save(): Promise<void> {
    const session = this.session;
    if (session?.phase !== 'review') return;
    const run = this.run;
    const { article } = session;
    this.set({ phase: 'saving', article });
    const saved = await this.deps.save(article.review, article.earlier);
    // A new read started meanwhile: the save happened (or not), but the panel shows the new page.
    if (run !== this.run) return;
    this.set(
      saved.ok
        ? { phase: 'saved', summary: saved.value }
        : { phase: 'review', article, failure: saved.error },
    );
  }

  /** Drops the review: nothing is stored. */
  discard(): void {
    this.run++;
    this.set(null);
  }
}
