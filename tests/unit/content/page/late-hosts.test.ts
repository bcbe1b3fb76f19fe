// Hosts the page has not defined: looked at again, less and less often, and given up a minute after the last one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LateHosts } from '../../../../lib/content/page/late-hosts';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('LateHosts', () => {
  it('hands over a shadow root once it appears, once', () => {
    vi.useFakeTimers();
    const found: ShadowRoot[] = [];
    const hosts = new LateHosts(window, (root) => found.push(root));
    const host = document.createElement('some-widget');
    document.body.append(host);
    hosts.add(host);
    vi.advanceTimersByTime(1_000);
    expect(found).toEqual([]);
    const root = host.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(2_000);
    expect(found).toEqual([root]);
    vi.advanceTimersByTime(60_000);
    expect(found).toEqual([root]);
  });

  it('stops looking a minute after the last host it was given', () => {
    vi.useFakeTimers();
    const hosts = new LateHosts(window, () => {});
    const host = document.createElement('never-defined');
    document.body.append(host);
    hosts.add(host);
    vi.advanceTimersByTime(59_000);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(20_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('forgets hosts that left the page', () => {
    vi.useFakeTimers();
    const found: ShadowRoot[] = [];
    const hosts = new LateHosts(window, (root) => found.push(root));
    const host = document.createElement('gone-widget');
    document.body.append(host);
    hosts.add(host);
    host.remove();
    host.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(5_000);
    expect(found).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
