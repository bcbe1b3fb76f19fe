// Saves a generated library (bench/lib/library.mjs) into a running extension as the product does: each article one
// `saveArticle` request to the background from an extension page, answered before the next is sent (the side panel's
// Save waits for its answer too). Nothing is written to IndexedDB behind the background's back.

/** Articles sent to the page per `page.evaluate` (each is ~30 KB of JSON). */
const BATCH = 25;

/**
 * Saves `articles` ({ dataset, mentions }) from `page` (an extension page with `__ask`, see installAsk). Returns
 * { ms, saves: [{ at, ms }] } with every save's round trip as the page timed it; throws with the background's words
 * when one is refused. `onProgress(saved, lastMs)` is called after each batch.
 */
export async function saveArticles(page, articles, onProgress = () => {}) {
  const started = Date.now();
  const saves = [];
  for (let i = 0; i < articles.length; i += BATCH) {
    const batch = articles.slice(i, i + BATCH);
    const times = await page.evaluate(async (batch) => {
      const out = [];
      for (const article of batch) {
        const t = performance.now();
        const saved = await window.__ask('saveArticle', article);
        if (!saved.ok)
          throw new Error(
            `${article.dataset.id} refused: ${JSON.stringify(saved.error).slice(0, 300)}`,
          );
        out.push(performance.now() - t);
      }
      return out;
    }, batch);
    for (const [k, ms] of times.entries()) saves.push({ at: i + k + 1, ms });
    onProgress(i + batch.length, times.at(-1));
  }
  return { ms: Date.now() - started, saves };
}
