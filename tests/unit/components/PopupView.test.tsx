import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../../components/PopupView';
import type { PageStatus } from '../../../lib/pages/followed-page';
import { groupPageEntities } from '../../../lib/pages/group';
import type { PageGroup } from '../../../lib/pages/models';
import { DEFAULT_MARKING } from '../../../lib/shared/marking';
import { entityRef } from './panel-fixture';

afterEach(cleanup);

const ready: PageStatus<PageGroup[]> = {
  status: 'ready',
  host: 'news.example',
  marking: DEFAULT_MARKING,
  found: groupPageEntities(
    [
      { entityId: 'kyiv', kind: 'place', count: 9, snippets: ['Kyiv'] },
      { entityId: 'starmer', kind: 'person', count: 1, snippets: ['Keir Starmer'] },
    ],
    entityRef,
  ),
};

function popup(props: Partial<PopupViewProps> = {}) {
  const handlers = {
    onSiteChange: vi.fn(),
    onGlobalChange: vi.fn(),
    onOpenEntity: vi.fn(),
    onOpenPanel: vi.fn(),
    onSaveArticle: vi.fn(),
    onOpenOptions: vi.fn(),
    onUnmute: vi.fn(),
    onMute: vi.fn(),
    onMarkingChange: vi.fn(),
    onMarkingDefault: vi.fn(),
  };
  render(
    <PopupView
      page={ready}
      globalOn
      siteOn
      marking={DEFAULT_MARKING}
      markingOwn={false}
      muted={[]}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('popup', () => {
  test('shows the site, its switch, the global switch and the entities with counts', () => {
    const handlers = popup();
    expect(screen.getByText('news.example')).toBeTruthy();
    const site = screen.getByRole('switch', { name: 'Highlight on this site' });
    expect(site.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(site);
    expect(handlers.onSiteChange).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('switch', { name: 'Highlight on all sites' }));
    expect(handlers.onGlobalChange).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: /^Kyiv/ }));
    expect(handlers.onOpenEntity).toHaveBeenCalledWith(expect.objectContaining({ id: 'kyiv' }));
    expect(screen.getByRole('button', { name: /^Kyiv/ }).textContent).toContain('9');
    fireEvent.click(screen.getByRole('button', { name: 'Open side panel' }));
    expect(handlers.onOpenPanel).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save this article' }));
    expect(handlers.onSaveArticle).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(handlers.onOpenOptions).toHaveBeenCalled();
  });

  test('how much this site is marked: the default until changed here, then the site’s own with a way back', () => {
    const handlers = popup();
    expect((screen.getByRole('radio', { name: 'Every mention' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(screen.getByText(/The default for every site/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'First mention of each' }));
    expect(handlers.onMarkingChange).toHaveBeenCalledWith({ density: 'first' });
    fireEvent.click(screen.getByRole('radio', { name: 'Article only' }));
    expect(handlers.onMarkingChange).toHaveBeenCalledWith({ scope: 'article' });
    cleanup();
    const own = popup({ marking: { density: 'first', scope: 'article' }, markingOwn: true });
    expect((screen.getByRole('radio', { name: 'Article only' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use the default' }));
    expect(own.onMarkingDefault).toHaveBeenCalled();
  });

  test('says what the counts are of when the page marks less than everything', () => {
    popup({ page: { ...ready, marking: { density: 'first', scope: 'page' } } });
    expect(screen.getByText(/the counts are of every mention/)).toBeTruthy();
    cleanup();
    popup({ page: { ...ready, marking: { density: 'every', scope: 'article' } } });
    expect(screen.getByText(/Only the article is read/)).toBeTruthy();
    cleanup();
    popup();
    expect(screen.queryByText(/Only the article is read|the counts are of/)).toBeNull();
  });

  test('with the site off, its marking choice is disabled', () => {
    popup({ siteOn: false });
    expect((screen.getByRole('radio', { name: 'Whole page' }) as HTMLInputElement).disabled).toBe(
      true,
    );
  });

  test('restricted pages say so and show no site switch', () => {
    popup({ page: { status: 'restricted' } });
    expect(screen.getByText('Backstory can’t run on this page')).toBeTruthy();
    expect(screen.queryByRole('switch', { name: 'Highlight on this site' })).toBeNull();
    expect(screen.queryByRole('radio', { name: 'Article only' })).toBeNull();
    expect(screen.getByRole('switch', { name: 'Highlight on all sites' })).toBeTruthy();
    // Nothing there can be read, so nothing can be saved.
    expect(screen.queryByRole('button', { name: 'Save this article' })).toBeNull();
  });

  test('with the global switch off, the site switch is disabled and the list explains', () => {
    popup({ globalOn: false, page: { status: 'off', host: 'news.example', globalOff: true } });
    expect(
      (screen.getByRole('switch', { name: 'Highlight on this site' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
    expect(screen.getByText('Highlighting is off here, so the page wasn’t read.')).toBeTruthy();
  });

  test('a switch turned off shows at once, before the tab has applied it', () => {
    popup({ siteOn: false });
    expect(screen.getByText('Highlighting is off here, so the page wasn’t read.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Kyiv/ })).toBeNull();
  });

  test('a switch turned on reads as such until the tab has read the page', () => {
    popup({ page: { status: 'off', host: 'news.example', globalOff: false } });
    expect(screen.getByText('Reading the page…')).toBeTruthy();
    expect(screen.queryByText('Highlighting is off here, so the page wasn’t read.')).toBeNull();
  });

  test('muted entities can be unmuted, with undo', () => {
    const starmer = { id: 'starmer', name: 'Keir Starmer', kind: 'person' };
    const handlers = popup({ muted: [starmer] });
    fireEvent.click(screen.getByRole('button', { name: 'Unmute Keir Starmer' }));
    expect(handlers.onUnmute).toHaveBeenCalledWith(starmer);
    expect(screen.getByText('Keir Starmer is highlighted again.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(handlers.onMute).toHaveBeenCalledWith(starmer);
  });

  test('says when saved data was set aside, and leads to options', () => {
    const handlers = popup({ setAside: 1 });
    expect(screen.getByText('Some saved data could not be read')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Review in options' }));
    expect(handlers.onOpenOptions).toHaveBeenCalled();
  });

  test('shows no such notice when nothing was set aside', () => {
    popup({ setAside: 0 });
    expect(screen.queryByText('Some saved data could not be read')).toBeNull();
  });
});
