// Mutual exclusion for read-modify-write of stored values, shared by every extension page that is open.
type Task<T> = () => Promise<T>;

const localChains = new Map<string, Promise<unknown>>();

/**
 * The Web Locks manager when this code runs in the extension's own origin (pages, service worker,
 * background page): there it is shared by every open extension page, so two windows editing the
 * site list take turns. In a content script it would be the web page's lock manager, which the
 * page could hold forever, so it is not used there.
 */
function sharedLocks(): LockManager | undefined {
  const protocol = globalThis.location?.protocol;
  if (protocol !== 'chrome-extension:' && protocol !== 'moz-extension:') return undefined;
  return globalThis.navigator?.locks;
}

/** Runs `task` while holding the lock `name`; tasks under the same name never overlap. */
export function withLock<T>(name: string, task: Task<T>): Promise<T> {
  const locks = sharedLocks();
  if (locks) return locks.request(`backstory:${name}`, task) as Promise<T>;
  // Same-context fallback: a promise chain per name. Cross-context safety then rests on the
  // re-check in updates (see stored-item.ts).
  const previous = localChains.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  localChains.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}
