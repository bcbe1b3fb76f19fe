// Installed at document start in an extension page (popup, side panel): notes, in the page's own clock
// (performance.now(), from navigation start), when the list of the page's entities first exists and when every entry
// in it shows the knowledge base's name. Recorded by a MutationObserver, so nothing polls the page meanwhile.

/**
 * The probe as a function for `page.evaluateOnNewDocument(listProbe, names)`. `names` maps entity id → the name the
 * knowledge base gives it. Results in `window.__benchList`: { docAt, listAt, namesAt, done }, `done` a promise of
 * the same record once the names are shown.
 */
export function listProbe(names) {
  const ENTRY = '.entity-list .entity-button[data-entity-id]';
  const doc = performance.mark('bench:doc');
  let resolve;
  const record = {
    docAt: doc.startTime,
    listAt: null,
    namesAt: null,
    done: new Promise((r) => {
      resolve = r;
    }),
  };
  window.__benchList = record;
  // Every entry named as the knowledge base names it (an entry not named yet shows the text found on the page).
  const named = (entries) =>
    entries.every((entry) => {
      const want = names[entry.getAttribute('data-entity-id')];
      return want === undefined || entry.querySelector('.entity-name')?.textContent === want;
    });
  const check = () => {
    const entries = document.querySelectorAll(ENTRY);
    if (entries.length === 0) return;
    const now = performance.now();
    if (record.listAt === null) {
      record.listAt = now;
      performance.mark('bench:list');
    }
    if (named([...entries])) {
      record.namesAt = now;
      performance.mark('bench:names');
      observer.disconnect();
      resolve({ docAt: record.docAt, listAt: record.listAt, namesAt: record.namesAt });
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}
