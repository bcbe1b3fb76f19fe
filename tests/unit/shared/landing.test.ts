// Landing requests are per window: a request moves only the panel of the window it was made for, once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestLanding, takeLanding, watchLanding } from '../../../lib/shared/landing';

beforeEach(() => fakeBrowser.reset());

describe('landing requests', () => {
  it('are taken by the window they were made for, once', async () => {
    await requestLanding(1, { view: 'entity', entityId: 'kyiv' });
    expect(await takeLanding(2)).toBeNull();
    expect(await takeLanding(1)).toEqual({ view: 'entity', entityId: 'kyiv' });
    expect(await takeLanding(1)).toBeNull();
  });

  it('reach an open panel of that window only', async () => {
    const inWindow1 = vi.fn();
    const inWindow2 = vi.fn();
    watchLanding(1, inWindow1);
    watchLanding(2, inWindow2);
    await requestLanding(2, { view: 'search', query: 'peace talks' });
    await vi.waitFor(() =>
      expect(inWindow2).toHaveBeenCalledWith({ view: 'search', query: 'peace talks' }),
    );
    expect(inWindow1).not.toHaveBeenCalled();
    // Taking it is no new request.
    await takeLanding(2);
    expect(inWindow2).toHaveBeenCalledTimes(1);
  });
});
