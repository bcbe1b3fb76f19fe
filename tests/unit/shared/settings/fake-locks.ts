// A minimal exclusive Web Locks manager, standing in for the one Chrome shares between extension pages.
/** happy-dom's control object (not part of the DOM typings). */
const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

export function installSharedLocks(): () => void {
  const tails = new Map<string, Promise<unknown>>();
  const locks = {
    request(name: string, task: () => Promise<unknown>) {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(() => task());
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  happyDOM.setURL('chrome-extension://test-extension-id/options.html');
  return () => {
    Reflect.deleteProperty(navigator, 'locks');
    happyDOM.setURL('http://localhost:3000/');
  };
}
