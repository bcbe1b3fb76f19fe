// The page controller: what gets painted, and how it follows page changes, mutes and the site switch.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter } from '../../../../lib/content/highlight/highlighter';
import { PageController } from '../../../../lib/content/page/controller';
import type { SliceScheduler, SliceTask } from '../../../../lib/content/page/slices';
import { DEFAULT_MARKING } from '../../../../lib/shared/marking';
import { buildMatcherTables } from '../../../../lib/shared/match/matcher';
import { encodePageEntries } from '../../../../lib/shared/match/page-entries';
import { encodeTables } from '../../../../lib/shared/match/tables-transfer';
import type { DictionaryEntry, PageState } from '../../../../lib/shared/messaging';
import { DEFAULT_STYLES } from '../../../../lib/shared/settings/schema';
import { EverythingVisibleObserver, fakeHighlightEnv } from '../highlight/fake-env';

/** A dictionary as the background sends it to a frame: through JSON, entries in the frame's form. */
function asSent(entries: readonly DictionaryEntry[]) {
  return JSON.parse(
    JSON.stringify({
      entries: encodePageEntries(entries),
      tables: encodeTables(buildMatcherTables(entries)),
    }),
  );
}

const ci = (text: string) => ({ text, caseSensitive: false });
const DICTIONARY: DictionaryEntry[] = [
  { entityId: 'putin', kind: 'person', aliases: [ci('Vladimir Putin'), ci('Putin')] },
  { entityId: 'kyiv', kind: 'place', aliases: [ci('Kyiv'), ci('Kiev')] },
  { entityId: 'nato', kind: 'organization', aliases: [{ text: 'NATO', caseSensitive: true }] },
  { entityId: 'ww', kind: 'event', aliases: [ci('Thursday attack')] },
];

/** Runs queued slices only when the test says so, so every step is observable. */
function manualScheduler(): SliceScheduler & { flush(): void } {
  const queue: SliceTask[] = [];
  return {
    run: (_urgent, task) => void queue.push(task),
    cancel: () => void queue.splice(0),
    flush() {
      while (queue.length > 0) {
        const task = queue[0] as SliceTask;
        if (task(Number.POSITIVE_INFINITY)) queue.shift();
      }
    },
  };
}

const state = (over: Partial<PageState> = {}): PageState => ({
  on: true,
  styles: DEFAULT_STYLES,
  muted: [],
  marking: DEFAULT_MARKING,
  dictionaryVersion: '1',
  ...over,
});

const flushMutations = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PageController', () => {
  let env: ReturnType<typeof fakeHighlightEnv>;
  let scheduler: ReturnType<typeof manualScheduler>;
  let controller: PageController;

  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', EverythingVisibleObserver);
    document.body.innerHTML =
      '<article><p>Vladimir <b>Putin</b> struck Kyiv.</p><p>NATO allies and nato fans.</p></article>';
    env = fakeHighlightEnv();
    scheduler = manualScheduler();
    controller = new PageController(document, new Highlighter(env), {
      isOwnUi: (node) => node.nodeName === 'BACKSTORY-CARD',
      scheduler,
    });
    // As the background sends it: the dictionary with its matcher's tables, through JSON.
    controller.setDictionary(asSent(DICTIONARY));
  });

  it('paints every mention once, by kind, across inline tags', () => {
    controller.setState(state());
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual(['Vladimir Putin']);
    expect(env.painted('backstory-place')).toEqual(['Kyiv']);
    expect(env.painted('backstory-organization')).toEqual(['NATO']);
    expect(controller.mentions().map((m) => m.entityId)).toEqual(['putin', 'kyiv', 'nato']);
  });

  it('puts kinds it has no style for under "other", and styles them', () => {
    document.body.innerHTML = '<p>After the Thursday attack.</p>';
    controller.setState(state());
    scheduler.flush();
    expect(env.painted('backstory-other')).toEqual(['Thursday attack']);
    expect(env.sheet().css).toContain('::highlight(backstory-other)');
  });

  it('changes nothing in the DOM', () => {
    const before = document.documentElement.outerHTML;
    controller.setState(state());
    scheduler.flush();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('highlights added content and forgets removed content', async () => {
    controller.setState(state());
    scheduler.flush();
    const p = document.createElement('p');
    p.textContent = 'Later, Kiev again.';
    document.querySelector('article')?.append(p);
    await flushMutations();
    scheduler.flush();
    expect(env.painted('backstory-place')).toEqual(['Kyiv', 'Kiev']);

    document.querySelector('p')?.remove();
    await flushMutations();
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual([]);
    expect(controller.mentions().map((m) => m.entityId)).toEqual(['nato', 'kyiv']);
  });

  it('rescans the block that lost inline text: what is left may now read as a name', async () => {
    document.body.innerHTML = '<p>Putin<span>ism</span> is a word; <b>Kyiv</b><i>x</i> too.</p>';
    controller.setState(state());
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual([]);
    document.querySelector('span')?.remove();
    await flushMutations();
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual(['Putin']);
  });

  it('highlights text an attribute change shows: hidden removed, display: none undone, details opened', async () => {
    document.body.innerHTML =
      '<p hidden id="a">Kiev at first hidden.</p>' +
      '<div id="b" style="display: none"><p>Putin, hidden by style.</p></div>' +
      '<div id="c" class="collapsed"><p><span style="display: none" id="d">NATO in a closed box.</span></p></div>';
    controller.setState(state());
    scheduler.flush();
    expect(controller.mentions()).toEqual([]);

    document.getElementById('a')?.removeAttribute('hidden');
    (document.getElementById('b') as HTMLElement).style.display = '';
    await flushMutations();
    scheduler.flush();
    expect(env.painted('backstory-place')).toEqual(['Kiev']);
    expect(env.painted('backstory-person')).toEqual(['Putin']);

    // A class on an ancestor that does not show it yet: rescanned, still hidden, still remembered.
    document.getElementById('c')?.classList.remove('collapsed');
    await flushMutations();
    scheduler.flush();
    expect(env.painted('backstory-organization')).toEqual([]);
    (document.getElementById('d') as HTMLElement).style.display = 'inline';
    await flushMutations();
    scheduler.flush();
    expect(env.painted('backstory-organization')).toEqual(['NATO']);
  });

  it('drops the names of text that becomes hidden or editable', async () => {
    controller.setState(state());
    scheduler.flush();
    document.querySelector('p')?.setAttribute('hidden', '');
    document.querySelectorAll('p')[1]?.setAttribute('contenteditable', 'true');
    await flushMutations();
    scheduler.flush();
    expect(controller.mentions()).toEqual([]);
  });

  it('tells its listeners when names go with text that became hidden (the badge and panel read again)', async () => {
    controller.setState(state());
    scheduler.flush();
    let changes = 0;
    controller.onChange(() => changes++);
    document.querySelector('p')?.setAttribute('hidden', '');
    await flushMutations();
    expect(changes).toBe(1);
    expect(controller.distinctCount()).toBe(1);
  });

  it('rescans edited text: a renamed name loses its highlight', async () => {
    controller.setState(state());
    scheduler.flush();
    const text = document.querySelector('b')?.firstChild as Text;
    text.data = 'Putinism';
    await flushMutations();
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual([]);
  });

  it('leaves muted entities unpainted but keeps counting them when unmuted', () => {
    controller.setState(state({ muted: ['putin'] }));
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual([]);
    expect(controller.summary('https://x.test/').entities.map((e) => e.entityId)).toEqual([
      'kyiv',
      'nato',
    ]);
    controller.setState(state({ muted: [] }));
    expect(env.painted('backstory-person')).toEqual(['Vladimir Putin']);
  });

  it('turning the site off removes every highlight; on again brings them back', () => {
    controller.setState(state());
    scheduler.flush();
    controller.setState(state({ on: false }));
    expect(env.registry.has('backstory-person')).toBe(false);
    expect(controller.summary('https://x.test/')).toEqual({
      url: 'https://x.test/',
      active: false,
      marking: DEFAULT_MARKING,
      entities: [],
    });
    controller.setState(state({ on: true }));
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual(['Vladimir Putin']);
  });

  it('never scans its own UI', () => {
    document.body.insertAdjacentHTML('beforeend', '<backstory-card><p>Putin</p></backstory-card>');
    controller.setState(state());
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual(['Vladimir Putin']);
  });

  it('steps through mentions of one entity, cycling, with the focus highlight', () => {
    document.body.innerHTML = '<p>Kyiv, then Putin, then Kyiv again.</p>';
    controller.setState(state());
    scheduler.flush();
    const first = controller.step({ entityId: 'kyiv', direction: 1, openCard: false });
    expect(first.result).toEqual({ found: true, index: 0, total: 2 });
    const second = controller.step({ entityId: 'kyiv', direction: 1, openCard: false });
    expect(second.result).toEqual({ found: true, index: 1, total: 2 });
    expect(controller.step({ entityId: 'kyiv', direction: 1, openCard: false }).result).toEqual({
      found: true,
      index: 0,
      total: 2,
    });
    expect(env.painted('backstory-focus')).toEqual(['Kyiv']);
    expect(controller.step({ direction: -1, openCard: false }).mention?.entityId).toBe('kyiv');
    expect(controller.step({ entityId: 'nobody', direction: 1, openCard: false }).result).toEqual({
      found: false,
    });
  });

  it('goes to the mention of a snippet (listed in scan order), then steps on from there', async () => {
    document.body.innerHTML = '<p>Kyiv is here.</p><p>Kiev too.</p>';
    controller.setState(state());
    scheduler.flush();
    // Added later at the top: found last, so its snippet comes last, though it is first on the page.
    document.body.insertAdjacentHTML('afterbegin', '<p>Kyiv on top.</p>');
    await flushMutations();
    scheduler.flush();
    const kyiv = controller.summary('https://x.test/').entities.find((e) => e.entityId === 'kyiv');
    expect(kyiv?.snippets).toEqual(['Kyiv is here.', 'Kiev too.', 'Kyiv on top.']);
    const text = (step: ReturnType<PageController['step']>) =>
      step.mention?.range.startContainer.textContent;
    const too = controller.step({ entityId: 'kyiv', direction: 1, openCard: false, index: 1 });
    expect(too.result).toEqual({ found: true, index: 2, total: 3 });
    expect(text(too)).toBe('Kiev too.');
    const top = controller.step({ entityId: 'kyiv', direction: 1, openCard: false, index: 2 });
    expect(top.result).toEqual({ found: true, index: 0, total: 3 });
    expect(text(top)).toBe('Kyiv on top.');
    expect(env.painted('backstory-focus')).toEqual(['Kyiv']);
    expect(text(controller.step({ entityId: 'kyiv', direction: 1, openCard: false }))).toBe(
      'Kyiv is here.',
    );
    // A snippet no longer there is an ordinary step.
    expect(
      controller.step({ entityId: 'kyiv', direction: 1, openCard: false, index: 7 }).result,
    ).toEqual({ found: true, index: 2, total: 3 });
  });

  it('summarises mentions per entity with counts and snippets', () => {
    document.body.innerHTML = '<p>Kyiv is large.</p><p>Kyiv again, and Putin.</p>';
    controller.setState(state());
    scheduler.flush();
    const summary = controller.summary('https://news.test/a');
    expect(summary.entities).toEqual([
      {
        entityId: 'kyiv',
        kind: 'place',
        count: 2,
        snippets: ['Kyiv is large.', 'Kyiv again, and Putin.'],
      },
      { entityId: 'putin', kind: 'person', count: 1, snippets: ['Kyiv again, and Putin.'] },
    ]);
  });

  it('“first mention only”, switched live: one painted per entity, every mention still counted and steppable', () => {
    document.body.innerHTML =
      '<p>Kyiv is large.</p><p>Kyiv again, and Putin.</p><p>Putin, Kyiv.</p>';
    controller.setState(state());
    scheduler.flush();
    expect(env.painted('backstory-place')).toEqual(['Kyiv', 'Kyiv', 'Kyiv']);
    const changes = vi.fn();
    controller.onChange(changes);
    controller.setState(state({ marking: { density: 'first', scope: 'page' } }));
    expect(changes).toHaveBeenCalled();
    scheduler.flush();
    expect(env.painted('backstory-place')).toEqual(['Kyiv']);
    expect(env.painted('backstory-person')).toEqual(['Putin']);
    expect(controller.summary('https://news.test/a').entities.map((e) => e.count)).toEqual([3, 2]);
    expect(controller.step({ entityId: 'kyiv', direction: 1, openCard: false }).result).toEqual({
      found: true,
      index: 0,
      total: 3,
    });
    controller.setState(state());
    scheduler.flush();
    expect(env.painted('backstory-place')).toHaveLength(3);
  });

  it('“article only”, switched live: names outside the article are neither painted nor counted', () => {
    document.body.innerHTML =
      '<nav><a>Putin</a> <a>Kyiv</a></nav><article><p>Kyiv woke up.</p></article><footer>NATO</footer>';
    controller.setState(state());
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual(['Putin']);
    controller.setState(state({ marking: { density: 'every', scope: 'article' } }));
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual([]);
    expect(env.painted('backstory-organization')).toEqual([]);
    expect(env.painted('backstory-place')).toEqual(['Kyiv']);
    expect(controller.summary('https://news.test/a').entities).toHaveLength(1);
    // A single-page app replaces the article: the new one is read.
    document
      .querySelector('article')
      ?.replaceWith(
        Object.assign(document.createElement('article'), { innerHTML: '<p>Vladimir Putin.</p>' }),
      );
    controller.setState(state({ marking: { density: 'every', scope: 'page' } }));
    controller.setState(state({ marking: { density: 'every', scope: 'article' } }));
    scheduler.flush();
    expect(env.painted('backstory-person')).toEqual(['Vladimir Putin']);
  });

  it('reads the page’s language: a name written for English waits for evidence on a page in Portuguese', () => {
    const entries: DictionaryEntry[] = [
      { entityId: 'us', kind: 'place', aliases: [ci('United States')] },
      { among: [0], lang: 'en', aliases: [{ text: 'America', caseSensitive: true }] },
    ];
    controller.setDictionary(asSent(entries));
    document.body.innerHTML = '<p>America first.</p>';
    document.documentElement.lang = 'pt-BR';
    try {
      controller.setState(state());
      scheduler.flush();
      expect(env.painted('backstory-place')).toEqual([]);
      document.body.insertAdjacentHTML('beforeend', '<p>United States.</p>');
      controller.setState(state({ on: false }));
      controller.setState(state());
      scheduler.flush();
      expect(env.painted('backstory-place').sort()).toEqual(['America', 'United States']);
    } finally {
      document.documentElement.lang = '';
    }
  });
});

describe('PageController and components the page defines late', () => {
  it('scans the shadow root a custom element gets when the page defines it after the scan', async () => {
    vi.stubGlobal('IntersectionObserver', EverythingVisibleObserver);
    document.body.innerHTML = '<p>Putin spoke.</p><late-news></late-news>';
    const env = fakeHighlightEnv();
    const scheduler = manualScheduler();
    const controller = new PageController(document, new Highlighter(env), {
      isOwnUi: () => false,
      scheduler,
    });
    controller.setDictionary(asSent(DICTIONARY));
    controller.setState(state());
    scheduler.flush();
    expect(controller.mentions().map((m) => m.entityId)).toEqual(['putin']);

    // The page defines the element now: its shadow root comes with no mutation in the document.
    customElements.define(
      'late-news',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>NATO met in Kyiv.</p>';
        }
      },
    );
    await new Promise((done) => setTimeout(done, 400));
    scheduler.flush();
    expect(
      controller
        .mentions()
        .map((m) => m.entityId)
        .sort(),
    ).toEqual(['kyiv', 'nato', 'putin']);
    expect(env.painted('backstory-place')).toEqual(['Kyiv']);
    controller.stop();
  });
});
