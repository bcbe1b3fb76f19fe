import { describe, expect, test } from 'vitest';
import {
  canGoBack,
  canGoForward,
  currentView,
  goBack,
  goForward,
  MAX_ENTRIES,
  navigate,
  startHistory,
} from '../../../lib/pages/history';

describe('view history', () => {
  test('back and forward walk the views like a browser', () => {
    let h = startHistory({ view: 'page' });
    h = navigate(h, { view: 'entity', entityId: 'a' });
    h = navigate(h, { view: 'entity', entityId: 'b' });
    h = goBack(h);
    expect(currentView(h)).toEqual({ view: 'entity', entityId: 'a' });
    h = goBack(h);
    expect(currentView(h)).toEqual({ view: 'page' });
    expect(canGoBack(h)).toBe(false);
    expect(goBack(h)).toBe(h);
    h = goForward(h);
    expect(currentView(h)).toEqual({ view: 'entity', entityId: 'a' });
    expect(canGoForward(h)).toBe(true);
  });

  test('going somewhere new drops the forward views', () => {
    let h = startHistory({ view: 'page' });
    h = navigate(h, { view: 'entity', entityId: 'a' });
    h = goBack(h);
    h = navigate(h, { view: 'event', eventId: 'e' });
    expect(canGoForward(h)).toBe(false);
    expect(h.entries).toEqual([{ view: 'page' }, { view: 'event', eventId: 'e' }]);
  });

  test('the same view twice is one entry', () => {
    let h = startHistory({ view: 'page' });
    h = navigate(h, { view: 'entity', entityId: 'a' });
    expect(navigate(h, { view: 'entity', entityId: 'a' })).toBe(h);
  });

  test('typing a search replaces the query instead of adding steps', () => {
    let h = startHistory({ view: 'page' });
    h = navigate(h, { view: 'search', query: 'z' });
    h = navigate(h, { view: 'search', query: 'ze' });
    h = navigate(h, { view: 'search', query: 'zel' });
    expect(h.entries).toEqual([{ view: 'page' }, { view: 'search', query: 'zel' }]);
    h = navigate(h, { view: 'entity', entityId: 'zelenskyy' });
    h = goBack(h);
    expect(currentView(h)).toEqual({ view: 'search', query: 'zel' });
  });

  test('history is bounded', () => {
    let h = startHistory({ view: 'page' });
    for (let i = 0; i < MAX_ENTRIES + 20; i++)
      h = navigate(h, { view: 'entity', entityId: `e${i}` });
    expect(h.entries).toHaveLength(MAX_ENTRIES);
    expect(currentView(h)).toEqual({ view: 'entity', entityId: `e${MAX_ENTRIES + 19}` });
  });
});
