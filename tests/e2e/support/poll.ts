// Polling from the test process: in-page polling (waitForFunction) is unreliable over Firefox's WebDriver BiDi.

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `read` every 100 ms until `ok` holds and returns that value; throws naming `what` after `timeout` ms. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeout} ms; last: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}
