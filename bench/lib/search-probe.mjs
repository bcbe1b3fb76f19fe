// The side panel's search, typed a character at a time: when each keystroke's value reached the search field, and
// when results for exactly that value were rendered (the results list says which query it answers, `data-query`, and
// whether a newer one is pending, `aria-busy`; components/SearchResults.tsx). Recorded in the page by a
// MutationObserver installed at document start, so nothing polls the page meanwhile.

/** The probe, for `page.evaluateOnNewDocument(searchProbe)`. Results in `window.__benchSearch`. */
export function searchProbe() {
  const record = { typed: {}, shown: {} };
  window.__benchSearch = record;
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (target?.id === 'search-input') record.typed[target.value] = performance.now();
    },
    true,
  );
  const check = () => {
    const list = document.querySelector('[role="listbox"][data-query]');
    if (list && list.getAttribute('aria-busy') !== 'true') {
      const query = list.getAttribute('data-query');
      if (!(query in record.shown)) record.shown[query] = performance.now();
    }
    // No results: "Nothing found for “…”" is the answer for that query.
    const empty = document.querySelector('.empty-state .empty-title')?.textContent ?? '';
    const nothing = /^Nothing found for “(.*)”$/.exec(empty);
    if (nothing && !(nothing[1] in record.shown)) record.shown[nothing[1]] = performance.now();
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

/**
 * Types `query` into the open side panel's search field one character at a time. The first two characters go
 * together (one letter shows a hint and builds the index; the second is the first query answered), then each next
 * character only once the results for the value before it are rendered. Returns [{ value, ms }] for every value of
 * two characters or more: ms from the keystroke reaching the field to its results rendered.
 */
export async function typeQuery(page, query, timeoutMs = 120_000) {
  await page.focus('#search-input');
  const out = [];
  for (let i = 0; i < query.length; i++) {
    await page.keyboard.type(query[i]);
    const value = query.slice(0, i + 1);
    if (value.trim().length < 2) continue;
    await page.waitForFunction(
      (v) => v in window.__benchSearch.shown,
      { timeout: timeoutMs, polling: 50 },
      value,
    );
    const ms = await page.evaluate(
      (v) => window.__benchSearch.shown[v] - window.__benchSearch.typed[v],
      value,
    );
    out.push({ value, ms });
  }
  return out;
}
