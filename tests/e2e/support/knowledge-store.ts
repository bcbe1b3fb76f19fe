// Reads the extension's knowledge store (IndexedDB) from one of its pages: what a test checks was kept or not.
import type { Page } from 'puppeteer-core';

export const ITEM_TABLES = [
  'sources',
  'entities',
  'facts',
  'quotes',
  'events',
  'relations',
] as const;

/** How many rows of each table belong to dataset `id` (`datasets`: 1 while it is listed). */
export function rowsOf(page: Page, id: string): Promise<Record<string, number>> {
  return page.evaluate(
    async (dataset, tables) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('backstory-knowledge');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const counts: Record<string, number> = {};
      for (const table of ['datasets', ...tables]) {
        counts[table] = await new Promise<number>((resolve, reject) => {
          const store = db.transaction(table).objectStore(table);
          const request =
            table === 'datasets' ? store.count(dataset) : store.index('dataset').count(dataset);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
      return counts;
    },
    id,
    [...ITEM_TABLES],
  );
}

/** What rowsOf gives for a dataset the store does not hold. */
export const NO_ROWS = {
  datasets: 0,
  sources: 0,
  entities: 0,
  facts: 0,
  quotes: 0,
  events: 0,
  relations: 0,
};

/** The rows a dataset file should become: one per item. */
export function rowsFor(
  dataset: Record<(typeof ITEM_TABLES)[number], unknown[]>,
): Record<string, number> {
  return {
    datasets: 1,
    ...Object.fromEntries(ITEM_TABLES.map((table) => [table, dataset[table].length])),
  };
}
