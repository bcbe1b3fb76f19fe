import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SidePanel, type SidePanelProps } from '../../../components/SidePanel';
import type { PageStatus } from '../../../lib/pages/followed-page';
import { groupPageEntities } from '../../../lib/pages/group';
import {
  canGoBack,
  canGoForward,
  currentView,
  goBack,
  goForward,
  navigate,
  type PanelView,
  startHistory,
} from '../../../lib/pages/history';
import type { PageGroup } from '../../../lib/pages/models';
import { DEFAULT_MARKING } from '../../../lib/shared/marking';
import { source } from '../pages/fixtures';
import { entityRef, knowledge } from './panel-fixture';

afterEach(cleanup);

/** Lets the views' reads (promises) finish and render. */
async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const readyPage: PageStatus<PageGroup[]> = {
  status: 'ready',
  marking: DEFAULT_MARKING,
  host: 'news.example',
  found: groupPageEntities(
    [
      { entityId: 'kyiv', kind: 'place', count: 9, snippets: ['Kyiv'] },
      { entityId: 'starmer', kind: 'person', count: 1, snippets: ['Keir Starmer'] },
      { entityId: 'zelenskyy', kind: 'person', count: 3, snippets: ['Zelenskyy'] },
      { entityId: 'eu', kind: 'organization', count: 4, snippets: ['EU'] },
    ],
    entityRef,
  ),
};

/** The panel with real history, the way the side panel page wires it. */
function Panel(props: Partial<SidePanelProps> & { start?: PanelView }) {
  const [history, setHistory] = useState(() => startHistory(props.start ?? { view: 'page' }));
  return (
    <SidePanel
      knowledge={knowledge}
      knowledgeVersion={0}
      library={{
        onDelete: async () => null,
        onUndoDelete: async () => null,
        onExport: async () => null,
        onImport: async () => ({ tone: 'success', title: 'Imported' }),
      }}
      across={{
        merge: async () => null,
        unmerge: async () => undefined,
        notSame: async () => undefined,
      }}
      page={readyPage}
      focusPosition={null}
      onShowOnPage={() => undefined}
      onTurnOn={() => undefined}
      onSaveArticle={() => undefined}
      onReviewChange={() => undefined}
      onSaveReviewed={() => undefined}
      onDiscardReview={() => undefined}
      onRemoveSaved={() => undefined}
      {...props}
      save={props.save ?? null}
      view={currentView(history)}
      canGoBack={canGoBack(history)}
      canGoForward={canGoForward(history)}
      onBack={() => setHistory(goBack)}
      onForward={() => setHistory(goForward)}
      onNavigate={(view) => setHistory((h) => navigate(h, view))}
    />
  );
}

describe('On this page', () => {
  test('groups entities by kind with counts, most mentioned first', async () => {
    render(<Panel />);
    await settle();
    const people = screen.getByRole('region', { name: /People/ });
    const names = within(people)
      .getAllByRole('button', { name: /mention/ })
      .map((button) => button.textContent);
    expect(names).toEqual(['Volodymyr Zelenskyy3, 3 mentions', 'Keir Starmer1, 1 mention']);
    expect(screen.getByRole('region', { name: /Places/ }).textContent).toContain('Kyiv');
    expect(screen.getByRole('region', { name: /Organizations/ }).textContent).toContain(
      'European Union',
    );
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['People (2)', 'Organizations (1)', 'Places (1)']);
  });

  test('clicking an entity asks the page to show it; the position is shown beside it', async () => {
    const onShowOnPage = vi.fn();
    const { rerender } = render(<Panel onShowOnPage={onShowOnPage} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /^Kyiv/ }));
    await settle();
    expect(onShowOnPage).toHaveBeenCalledWith('kyiv');
    rerender(
      <Panel
        onShowOnPage={onShowOnPage}
        focusPosition={{ entityId: 'kyiv', index: 1, total: 9 }}
      />,
    );
    await settle();
    expect(screen.getByRole('button', { name: /^Kyiv/ }).textContent).toContain('2 of 9');
  });

  test('site off: says so and offers to turn it on', async () => {
    const onTurnOn = vi.fn();
    render(
      <Panel
        page={{ status: 'off', host: 'news.example', globalOff: false }}
        onTurnOn={onTurnOn}
      />,
    );
    await settle();
    expect(screen.getByText('Highlighting is off on news.example')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on for news.example' }));
    await settle();
    expect(onTurnOn).toHaveBeenCalled();
  });

  test('“Save this article” is offered on a web page, highlighted or not, and not where no extension may read', async () => {
    const onSaveArticle = vi.fn();
    render(
      <Panel
        page={{ status: 'off', host: 'news.example', globalOff: false }}
        onSaveArticle={onSaveArticle}
      />,
    );
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Save this article' }));
    expect(onSaveArticle).toHaveBeenCalledOnce();
    cleanup();
    render(<Panel page={{ status: 'restricted' }} />);
    await settle();
    expect(screen.queryByRole('button', { name: 'Save this article' })).toBeNull();
  });

  test('the save view shows where saving stands', async () => {
    render(<Panel start={{ view: 'save' }} save={{ phase: 'reading' }} />);
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Reading the article…');
  });

  test('empty and restricted pages have their own explanations', async () => {
    render(
      <Panel page={{ status: 'ready', host: 'a.example', marking: DEFAULT_MARKING, found: [] }} />,
    );
    await settle();
    expect(screen.getByText('Nothing from the knowledge base on this page')).toBeTruthy();
    cleanup();
    render(<Panel page={{ status: 'restricted' }} />);
    await settle();
    expect(screen.getByText('Backstory can’t run on this page')).toBeTruthy();
  });
});

describe('views and history', () => {
  test('details → entity view with facts, quotes, events and related; back and forward', async () => {
    render(<Panel />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Details about Keir Starmer' }));
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Keir Starmer');
    expect(screen.getByText('British Prime Minister')).toBeTruthy();
    expect(screen.getByText('1 mention')).toBeTruthy();
    expect(screen.getByText(/accused Russian President Vladimir Putin/)).toBeTruthy();
    // Where the facts come from: the source's title, site and date.
    expect(
      screen.getByText('Russian Missile and Drone Attack on Kyiv · Example News · 28 Aug 2025'),
    ).toBeTruthy();
    expect(screen.getByText('“senseless”')).toBeTruthy();
    // An event in the article's own terms: "Thursday", not a computed date.
    const events = screen.getByRole('region', { name: 'Timeline' });
    expect(events.textContent).toContain('Thursday');

    fireEvent.click(within(events).getByRole('button'));
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Russian missile and drone attack on Kyiv',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Keir Starmer');
    fireEvent.keyDown(document.body, { key: 'ArrowLeft', altKey: true });
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^On this page/);
    fireEvent.keyDown(document.body, { key: 'ArrowRight', altKey: true });
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Keir Starmer');
    fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('attack on Kyiv');
  });

  test('entity view: the passages where the page mentions it, each one a way to that mention', async () => {
    const onShowOnPage = vi.fn();
    const page: PageStatus<PageGroup[]> = {
      status: 'ready',
      host: 'news.example',
      marking: DEFAULT_MARKING,
      found: groupPageEntities(
        [
          {
            entityId: 'starmer',
            kind: 'person',
            count: 5,
            snippets: [
              '…said Keir Starmer on Friday…',
              'Starmer called it senseless.',
              '…and Starmer left.',
            ],
          },
        ],
        entityRef,
      ),
    };
    const { rerender } = render(
      <Panel
        start={{ view: 'entity', entityId: 'starmer' }}
        page={page}
        onShowOnPage={onShowOnPage}
      />,
    );
    await settle();
    const passages = within(screen.getByRole('list', { name: 'Where it is mentioned' }))
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(passages).toEqual([
      '…said Keir Starmer on Friday…',
      'Starmer called it senseless.',
      '…and Starmer left.',
    ]);
    expect(screen.getByText('…and 2 more.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Starmer called it senseless.' }));
    await settle();
    expect(onShowOnPage).toHaveBeenLastCalledWith('starmer', 1);
    rerender(
      <Panel
        start={{ view: 'entity', entityId: 'starmer' }}
        page={page}
        onShowOnPage={onShowOnPage}
        focusPosition={{ entityId: 'starmer', index: 3, total: 5, snippet: 1 }}
      />,
    );
    await settle();
    expect(screen.getByText(/showing 4 of 5/)).toBeTruthy();
    expect(
      screen
        .getByRole('button', { name: 'Starmer called it senseless.' })
        .getAttribute('aria-current'),
    ).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Next mention' }));
    await settle();
    expect(onShowOnPage).toHaveBeenLastCalledWith('starmer');
  });

  test('entity view says why the page can’t show its mentions: site off, browser page, unread page', async () => {
    const onTurnOn = vi.fn();
    render(
      <Panel
        start={{ view: 'entity', entityId: 'starmer' }}
        page={{ status: 'off', host: 'news.example', globalOff: false }}
        onTurnOn={onTurnOn}
      />,
    );
    await settle();
    const onPage = screen.getByRole('region', { name: 'On this page' });
    expect(onPage.textContent).toContain('Highlighting is off on news.example');
    expect(onPage.textContent).not.toContain('not available');
    fireEvent.click(within(onPage).getByRole('button', { name: 'Turn on for news.example' }));
    await settle();
    expect(onTurnOn).toHaveBeenCalled();
    cleanup();
    render(
      <Panel
        start={{ view: 'entity', entityId: 'starmer' }}
        page={{ status: 'off', host: 'news.example', globalOff: true }}
      />,
    );
    await settle();
    expect(screen.getByRole('region', { name: 'On this page' }).textContent).toContain(
      'Highlighting is off everywhere',
    );
    cleanup();
    render(
      <Panel start={{ view: 'entity', entityId: 'starmer' }} page={{ status: 'restricted' }} />,
    );
    await settle();
    expect(screen.getByRole('region', { name: 'On this page' }).textContent).toContain(
      'can’t run on the page in this tab',
    );
    cleanup();
    render(
      <Panel
        start={{ view: 'entity', entityId: 'starmer' }}
        page={{ status: 'unreachable', host: 'news.example' }}
      />,
    );
    await settle();
    expect(screen.getByRole('region', { name: 'On this page' }).textContent).toContain(
      'hasn’t been read yet',
    );
  });

  test('event view shows figures as figures, with their qualifiers', async () => {
    render(<Panel start={{ view: 'event', eventId: 'e-attack' }} />);
    await settle();
    const figures = screen.getByRole('region', { name: 'Figures' });
    const terms = within(figures)
      .getAllByRole('term')
      .map((term) => term.textContent);
    const values = within(figures)
      .getAllByRole('definition')
      .map((def) => def.textContent);
    expect(terms).toEqual(['dead', 'wounded', 'drones and decoys', 'missiles']);
    expect(values).toEqual(['at least 21', '48', '598', '31']);
    fireEvent.click(screen.getByRole('button', { name: /^Russia/ }));
    await settle();
    // Russia has no detail in the fixture: the panel says so instead of breaking.
    expect(screen.getByText('This entity is no longer in the knowledge base')).toBeTruthy();
  });

  test('a fact links to its sentence in the source, marked and emphasised', async () => {
    render(<Panel start={{ view: 'entity', entityId: 'starmer' }} />);
    await settle();
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Show in the article' })[0] as HTMLElement,
    );
    await settle();
    const article = screen.getByRole('article');
    expect(article.querySelector('.emphasis')?.textContent).toBe(
      'The strike killed at least 21 people.',
    );
    expect([...article.querySelectorAll('mark.mention')].map((mark) => mark.textContent)).toEqual([
      'Kyiv',
      'Keir Starmer',
    ]);
    expect(document.activeElement?.className).toBe('emphasis');
  });

  test('the Library tab lists the sources; one opens as its text with what it names marked', async () => {
    render(<Panel />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Library' }));
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Library');
    expect(screen.getByText('Bundled with Backstory')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: source.title }));
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(source.title);
    expect(screen.getByRole('article').querySelectorAll('mark.mention').length).toBeGreaterThan(0);
  });

  test('the page view says what its counts are of under “first mention only” and “article only”', () => {
    render(<Panel page={{ ...readyPage, marking: { density: 'first', scope: 'article' } }} />);
    expect(
      screen.getByText(/Only the article is read.*the counts are of every mention/),
    ).toBeTruthy();
  });

  test('dataset text is rendered as text, never as markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">Evil';
    render(
      <Panel
        page={{
          status: 'ready',
          host: 'x.example',
          marking: DEFAULT_MARKING,
          found: [
            {
              kind: 'person',
              label: 'People',
              count: 1,
              entities: [{ id: 'x', name: evil, kind: 'person', count: 1, snippets: [evil] }],
            },
          ],
        }}
      />,
    );
    await settle();
    expect(screen.getByText(evil)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('search', () => {
  test('typing searches; misspelled names find their entity; arrows and Enter open a result', async () => {
    render(<Panel />);
    await settle();
    const input = screen.getByRole('combobox', { name: 'Search the knowledge base' });
    fireEvent.input(input, { target: { value: 'starmr' } });
    await settle();
    const options = screen.getAllByRole('option');
    expect(options[0]?.textContent).toContain('Keir Starmer');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    await settle();
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Keir Starmer');
    // Back returns to the results of the same query.
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await settle();
    expect((screen.getByRole('combobox') as HTMLInputElement).value).toBe('starmr');
  });

  test.each([
    ['zelensky', 'Volodymyr Zelenskyy'],
    ['kyv', 'Kyiv'],
  ])('%s lists %s first', async (query, name) => {
    render(<Panel />);
    await settle();
    fireEvent.input(screen.getByRole('combobox'), { target: { value: query } });
    await settle();
    expect(screen.getAllByRole('option')[0]?.textContent).toContain(name);
  });

  test('arrow keys wrap around and a quote result opens its speaker', async () => {
    render(<Panel />);
    await settle();
    const input = screen.getByRole('combobox');
    fireEvent.input(input, { target: { value: 'negotiating table' } });
    await settle();
    const options = screen.getAllByRole('option');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    await settle();
    const last = options[options.length - 1];
    expect(input.getAttribute('aria-activedescendant')).toBe(last?.id);
    expect(last?.textContent).toContain('Russia chooses ballistics');
    fireEvent.click(last as HTMLElement);
    await settle();
    // The speaker, Zelenskyy, has no detail in the fixture; the panel went to his entity view.
    expect(screen.getByText('This entity is no longer in the knowledge base')).toBeTruthy();
  });

  test('the option the arrow keys are on is scrolled into view', async () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    render(<Panel />);
    await settle();
    const input = screen.getByRole('combobox');
    fireEvent.input(input, { target: { value: 'negotiating table' } });
    await settle();
    const options = screen.getAllByRole('option');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    await settle();
    expect(scroll.mock.contexts.at(-1)).toBe(options[options.length - 1]);
    expect(scroll).toHaveBeenLastCalledWith({ block: 'nearest' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    await settle();
    expect(scroll.mock.contexts.at(-1)).toBe(options[0]);
    scroll.mockRestore();
  });

  test('a quote with no speaker opens where the article says it, by click or Enter', async () => {
    render(<Panel />);
    await settle();
    const input = screen.getByRole('combobox');
    fireEvent.input(input, { target: { value: 'strike killed' } });
    await settle();
    const option = screen
      .getAllByRole('option')
      .find((o) => o.textContent?.includes('The strike killed at least 21 people'));
    expect(option?.textContent).toContain('Unattributed');
    fireEvent.click(option as HTMLElement);
    await settle();
    expect(screen.getByRole('article').querySelector('.emphasis')?.textContent).toBe(
      'The strike killed at least 21 people.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await settle();
    const again = screen.getAllByRole('option');
    const at = again.findIndex((o) => o.textContent?.includes('The strike killed'));
    for (let i = 0; i <= at; i++)
      fireEvent.keyDown(screen.getByRole('combobox'), { key: 'ArrowDown' });
    await settle();
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter' });
    await settle();
    expect(screen.getByRole('article')).toBeTruthy();
  });

  test('nothing found says so', async () => {
    render(<Panel />);
    await settle();
    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'qqxzw' } });
    await settle();
    expect(screen.getByText('Nothing found for “qqxzw”')).toBeTruthy();
  });
});
