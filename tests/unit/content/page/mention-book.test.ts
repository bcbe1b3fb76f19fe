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
function fileScan(root: Element = document.body, scanWith = matcher): void {
  for (const block of createScanJob(root, { matcher: scanWith }).step(Number.POSITIVE_INFINITY)) {
    book.file(block);
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
  book.reset(ENTRIES, 'en', 'every');
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

describe('MentionBook: names the page decides', () => {
  const ci = (text: string) => ({ text, caseSensitive: false });
  const SHARED: DictionaryEntry[] = [
    { entityId: 'kaja', kind: 'person', aliases: [ci('Kaja Kallas')] },
    { entityId: 'siim', kind: 'person', aliases: [ci('Siim Kallas')] },
    { among: [0, 1], aliases: [ci('Kallas')] },
    { entityId: 'washington', kind: 'place', aliases: [ci('Washington, D.C.')] },
    { other: 'Washington (US state)', aliases: [ci('Washington state')] },
    { among: [3, 4], aliases: [ci('Washington')] },
    { entityId: 'us', kind: 'place', aliases: [ci('United States')] },
    { among: [6], lang: 'en', aliases: [{ text: 'America', caseSensitive: true }] },
  ];
  const shared = compileMatcher(SHARED);
  const people = () => env.painted('backstory-person');

  it('a surname is painted as the person the page names in full, and unpainted when that name goes', () => {
    book.reset(SHARED, 'en', 'every');
    document.body.innerHTML = '<p>Kallas spoke first.</p><p id="full">Kaja Kallas said so.</p>';
    fileScan(document.body, shared);
    expect(people().sort()).toEqual(['Kaja Kallas', 'Kallas']);
    expect(book.index.counts().get('kaja')).toBe(2);
    const full = document.getElementById('full') as Element;
    book.forget([full.firstChild as Text]);
    expect(people()).toEqual([]);
    expect(dropped.map((m) => m.entityId)).toEqual(['kaja', 'kaja']);
    expect(book.index.size).toBe(0);
  });

  it('a surname after the full name is decided at once, in the same block or a later one', () => {
    book.reset(SHARED, 'en', 'every');
    document.body.innerHTML = '<p>Siim Kallas led.</p><p>Kallas said. Kallas left.</p>';
    fileScan(document.body, shared);
    expect(people().sort()).toEqual(['Kallas', 'Kallas', 'Siim Kallas']);
    book.reset(SHARED, 'en', 'every');
    document.body.innerHTML = '<p>Siim Kallas led; Kallas said.</p>';
    fileScan(document.body, shared);
    expect(people().sort()).toEqual(['Kallas', 'Siim Kallas']);
  });

  it('a surname two people named in full share stays unpainted', () => {
    book.reset(SHARED, 'en', 'every');
    document.body.innerHTML = '<p>Kaja Kallas and Siim Kallas. Kallas said.</p>';
    fileScan(document.body, shared);
    expect(people().sort()).toEqual(['Kaja Kallas', 'Siim Kallas']);
  });

  it('“Washington state” on the page: the short name is the state, never painted as the capital', () => {
    book.reset(SHARED, 'en', 'every');
    document.body.innerHTML = '<p>Washington state sued.</p><p>Washington said no.</p>';
    fileScan(document.body, shared);
    expect(env.painted('backstory-place')).toEqual([]);
    expect(book.index.size).toBe(0);
    // The page now names the capital too: the short name is still undecided.
    document.body.insertAdjacentHTML('beforeend', '<p id="dc">In Washington, D.C. it did.</p>');
    fileScan(document.getElementById('dc') as Element, shared);
    expect(env.painted('backstory-place')).toEqual(['Washington, D.C.']);
  });

  it('a name written for English needs the page’s evidence on a page in another language', () => {
    document.body.innerHTML = '<p>America first.</p>';
    book.reset(SHARED, 'pt', 'every');
    fileScan(document.body, shared);
    expect(env.painted('backstory-place')).toEqual([]);
    book.reset(SHARED, 'en', 'every');
    fileScan(document.body, shared);
    expect(env.painted('backstory-place')).toEqual(['America']);
  });
});

describe('MentionBook: first mention only', () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<p id="a">Kyiv and Putin.</p><p id="b">Kyiv again, Putin again.</p><p id="c">Kyiv.</p>';
    book.reset(ENTRIES, 'en', 'first');
  });

  it('paints the first mention of each entity, keeps counting all of them', () => {
    fileScan();
    expect(painted()).toEqual(['Kyiv', 'Putin']);
    expect(book.index.size).toBe(5);
    expect(book.index.counts().get('kyiv')).toBe(3);
    const [first] = book.index.list();
    expect(first && book.isPainted(first)).toBe(true);
    const later = book.index.list()[2];
    expect(later && book.isPainted(later)).toBe(false);
  });

  it('a mention found later but earlier in the page takes the paint (the visible part is scanned first)', () => {
    fileScan(document.getElementById('b') as Element);
    const paintedB = env.ranges('backstory-place');
    expect(paintedB).toHaveLength(1);
    fileScan(document.getElementById('a') as Element);
    const [range] = env.ranges('backstory-place');
    expect(range?.startContainer).toBe(document.getElementById('a')?.firstChild);
    expect(painted()).toEqual(['Kyiv', 'Putin']);
  });

  it('when the first goes, the next one in the page is painted', () => {
    fileScan();
    const a = document.getElementById('a') as Element;
    book.forget([a.firstChild as Text]);
    const [range] = env.ranges('backstory-place');
    expect(range?.startContainer).toBe(document.getElementById('b')?.firstChild);
    expect(painted()).toEqual(['Kyiv', 'Putin']);
  });
});

describe('MentionBook: scope', () => {
  it('files only the mentions inside the scope', () => {
    const b = document.getElementById('b') as Element;
    for (const block of createScanJob(document.body, { matcher }).step(Number.POSITIVE_INFINITY)) {
      book.file(block, (node) => b.contains(node));
    }
    expect(painted()).toEqual(['Kyiv']);
    expect(book.index.size).toBe(1);
  });
});
