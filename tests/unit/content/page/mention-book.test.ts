// The mention book: one place files a scan's mentions, one drops them, and both keep the painter in step.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter } from '../../../../lib/content/highlight/highlighter';
import type { Mention } from '../../../../lib/content/highlight/mentions';
import { WindowedPainter } from '../../../../lib/content/highlight/painter';
import { MentionBook } from '../../../../lib/content/page/mention-book';
import { createScanJob } from '../../../../lib/content/scan/scan';
import { compileMatcher } from '../../../../lib/shared/match/matcher';
import type { DictionaryEntry } from '../../../../lib/shared/messaging';
import { EverythingVisibleObserver, fakeHighlightEnv } from '../highlight/fake-env';

const ENTRIES: DictionaryEntry[] = [
  { entityId: 'kyiv', kind: 'place', aliases: [{ text: 'Kyiv', caseSensitive: false }] },
  { entityId: 'putin', kind: 'person', aliases: [{ text: 'Putin', caseSensitive: false }] },
];
const matcher = compileMatcher(ENTRIES);

let env: ReturnType<typeof fakeHighlightEnv>;
let book: MentionBook;
let dropped: Mention[];

/** Scans `root` and files every block in the book, as the page controller does. */
function fileScan(root: Element = document.body): void {
  for (const block of createScanJob(root, { matcher }).step(Number.POSITIVE_INFINITY)) {
    book.file(block, ENTRIES);
  }
}

const painted = () => [...env.painted('backstory-place'), ...env.painted('backstory-person')];

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', EverythingVisibleObserver);
  document.body.innerHTML = '<p id="a">Kyiv and Putin.</p><p id="b">Kyiv again.</p>';
  env = fakeHighlightEnv();
  const highlighter = new Highlighter(env);
  highlighter.attach();
  dropped = [];
  book = new MentionBook(new WindowedPainter(highlighter, window), (m) => dropped.push(m));
});

describe('MentionBook', () => {
  it('files and paints what a scan found, by kind', () => {
    fileScan();
    expect(book.index.size).toBe(3);
    expect(painted()).toEqual(['Kyiv', 'Kyiv', 'Putin']);
    expect(dropped).toEqual([]);
  });

  it('filing a block again replaces its old mentions, and reports each one dropped', () => {
    fileScan();
    const a = document.getElementById('a') as Element;
    (a.firstChild as Text).data = 'Kyiv alone.';
    fileScan(a);
    expect(dropped.map((m) => m.entityId).sort()).toEqual(['kyiv', 'putin']);
    expect(book.index.size).toBe(2);
    expect(painted()).toEqual(['Kyiv', 'Kyiv']);
  });

  it('forgets the mentions of given text nodes, and of text that left the page', () => {
    fileScan();
    const b = document.getElementById('b') as Element;
    expect(book.forget([b.firstChild as Text])).toBe(true);
    expect(book.forget([b.firstChild as Text])).toBe(false);
    expect(painted()).toEqual(['Kyiv', 'Putin']);
    document.getElementById('a')?.remove();
    expect(book.forgetDisconnected()).toBe(true);
    expect(book.index.size).toBe(0);
    expect(painted()).toEqual([]);
    expect(dropped).toHaveLength(3);
  });

  it('clears without reporting drops (the caller starts over)', () => {
    fileScan();
    book.clear();
    expect(book.index.size).toBe(0);
    expect(painted()).toEqual([]);
    expect(dropped).toEqual([]);
  });
});
