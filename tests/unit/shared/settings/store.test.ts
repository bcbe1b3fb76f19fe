import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, DEFAULT_STYLES } from '../../../../lib/shared/settings/schema';
import { installSharedLocks } from './fake-locks';

type Store = typeof import('../../../../lib/shared/settings/store');
type Quarantine = typeof import('../../../../lib/shared/settings/quarantine');

/** Loads the settings modules afresh, as an extension page or a restarted extension would. */
async function loadPage(): Promise<Store & Quarantine> {
  vi.resetModules();
  const store = await import('../../../../lib/shared/settings/store');
  const quarantine = await import('../../../../lib/shared/settings/quarantine');
  return { ...store, ...quarantine };
}

const local = () => fakeBrowser.storage.local;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reading settings', () => {
  it('gives defaults when nothing is stored, and sets nothing aside', async () => {
    const page = await loadPage();
    expect(await page.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await page.getStyles()).toEqual(DEFAULT_STYLES);
    expect(await page.getMuted()).toEqual([]);
    expect(await page.readQuarantine()).toEqual([]);
  });

  it('reads back what was written, with its version', async () => {
    const page = await loadPage();
    await page.setMode('only-listed');
    expect(await page.addSite('https://www.BBC.co.uk/news')).toEqual({
      ok: true,
      value: 'bbc.co.uk',
    });
    const stored = await local().get(['settings', 'settings$']);
    expect(stored).toEqual({
      settings: { ...DEFAULT_SETTINGS, mode: 'only-listed', sites: ['bbc.co.uk'] },
      settings$: { v: 2 },
    });
    const restarted = await loadPage();
    expect((await restarted.getSettings()).sites).toEqual(['bbc.co.uk']);
  });

  it('sets garbage aside, keeps it for export, and uses defaults', async () => {
    await local().set({ settings: 'garbage{', settings$: { v: 1 } });
    const page = await loadPage();
    expect(await page.getSettings()).toEqual(DEFAULT_SETTINGS);
    const kept = await page.readQuarantine();
    expect(kept).toHaveLength(1);
    // The format-2 migration leaves what is no object as it was, for the schema to name what is wrong with it.
    expect(kept[0]).toMatchObject({ key: 'local:settings', raw: 'garbage{', version: 2 });
    expect(kept[0]?.reason).toBe('not readable as an object (found a string)');
    // The repaired value is what is stored now, so the next read is clean.
    expect((await local().get('settings')).settings).toEqual(DEFAULT_SETTINGS);
    await page.getSettings();
    expect(await page.readQuarantine()).toHaveLength(1);
  });

  it('salvages the readable parts of a damaged value and names the bad field', async () => {
    const damaged = {
      enabled: false,
      mode: 'sometimes',
      sites: ['WWW.Example.com', 42, 'ok.org'],
      marking: { density: 'first', scope: 'page' },
      siteMarking: { 'bbc.com': { scope: 'article' }, 'BAD KEY': { scope: 'article' }, 'x.org': 7 },
    };
    await local().set({ settings: damaged, settings$: { v: 2 } });
    const page = await loadPage();
    expect(await page.getSettings()).toEqual({
      enabled: false,
      mode: 'everywhere-except',
      sites: ['example.com', 'ok.org'],
      marking: { density: 'first', scope: 'page' },
      siteMarking: { 'bbc.com': { scope: 'article' } },
    });
    const [entry] = await page.readQuarantine();
    expect(entry?.raw).toEqual(damaged);
    expect(entry?.reason).toMatch(/at mode/);
  });

  it('salvages good kinds from damaged styles', async () => {
    await local().set({
      styles: {
        person: { color: '#112233', mode: 'underline' },
        place: { color: 'red;}body{', mode: 'x' },
      },
    });
    const page = await loadPage();
    const styles = await page.getStyles();
    expect(styles.person).toEqual({ color: '#112233', mode: 'underline' });
    expect(styles.place).toEqual(DEFAULT_STYLES.place);
    expect(await page.readQuarantine()).toHaveLength(1);
  });

  it('sets aside a value written by a newer version instead of misreading it', async () => {
    const future = { enabled: true, mode: 'everywhere-except', sites: [], schedule: 'weekdays' };
    await local().set({ settings: future, settings$: { v: 7 } });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const page = await loadPage();
    expect(await page.getSettings()).toEqual(DEFAULT_SETTINGS);
    const [entry] = await page.readQuarantine();
    expect(entry).toMatchObject({ raw: future, version: 7 });
    expect(entry?.reason).toMatch(/newer version/);
    expect((await local().get('settings$')).settings$).toEqual({ v: 2 });
  });

  it('migrates settings of format 1 at start-up, keeping every one of them; marking starts at the default', async () => {
    const v1 = { enabled: false, mode: 'only-listed', sites: ['bbc.co.uk', 'example.com'] };
    await local().set({ settings: v1, settings$: { v: 1 } });
    const page = await loadPage();
    expect(await page.getSettings()).toEqual({
      ...v1,
      marking: { density: 'every', scope: 'page' },
      siteMarking: {},
    });
    expect(await local().get(['settings$'])).toEqual({ settings$: { v: 2 } });
    expect(await page.readQuarantine()).toEqual([]);
  });

  it('migrates a format-1 value written after start-up when it is read (a page of the previous release)', async () => {
    const page = await loadPage();
    await page.getSettings();
    const v1 = { enabled: true, mode: 'everywhere-except', sites: ['example.com'] };
    await local().set({ settings: v1, settings$: { v: 1 } });
    expect(await page.getSettings()).toEqual({ ...DEFAULT_SETTINGS, sites: ['example.com'] });
    expect(await page.readQuarantine()).toEqual([]);
    // The next edit stores it in format 2.
    await page.setDefaultMarking({ scope: 'article' });
    expect(await local().get(['settings', 'settings$'])).toEqual({
      settings: {
        ...DEFAULT_SETTINGS,
        sites: ['example.com'],
        marking: { density: 'every', scope: 'article' },
      },
      settings$: { v: 2 },
    });
  });

  it('keeps an unreadable quarantine as an entry of its own', async () => {
    await local().set({ quarantine: { not: 'a list' }, muted: 'x' });
    const page = await loadPage();
    expect(await page.getMuted()).toEqual([]);
    const entries = await page.readQuarantine();
    expect(entries.map((e) => e.raw)).toEqual([{ not: 'a list' }, 'x']);
  });

  it('clears the quarantine only when asked', async () => {
    await local().set({ muted: 5 });
    const page = await loadPage();
    await page.getMuted();
    expect(await page.readQuarantine()).toHaveLength(1);
    await page.clearQuarantine();
    expect(await page.readQuarantine()).toEqual([]);
  });
});

describe('editing settings', () => {
  it('sets the default marking, a site’s own, and lets the site follow the default again', async () => {
    const page = await loadPage();
    await page.setDefaultMarking({ density: 'first' });
    expect((await page.getSettings()).marking).toEqual({ density: 'first', scope: 'page' });
    expect(
      await page.setMarkingForUrl('https://www.bbc.co.uk/news/1', { scope: 'article' }),
    ).toEqual({
      ok: true,
      value: expect.objectContaining({ siteMarking: { 'bbc.co.uk': { scope: 'article' } } }),
    });
    await page.setMarkingForUrl('https://bbc.co.uk/', { density: 'every' });
    expect((await page.getSettings()).siteMarking).toEqual({
      'bbc.co.uk': { scope: 'article', density: 'every' },
    });
    expect((await page.setMarkingForUrl('about:blank', { density: 'every' })).ok).toBe(false);
    await page.clearSiteMarking('bbc.co.uk');
    expect((await page.getSettings()).siteMarking).toEqual({});
  });

  it('refuses a duplicate site, however it is spelled', async () => {
    const page = await loadPage();
    expect((await page.addSite('example.com')).ok).toBe(true);
    expect(await page.addSite('https://WWW.example.com/a')).toEqual({
      ok: false,
      error: 'example.com is already in the list.',
    });
    expect((await page.getSettings()).sites).toEqual(['example.com']);
  });

  it('refuses an invalid site and stores nothing', async () => {
    const page = await loadPage();
    const result = await page.addSite('javascript:alert(1)');
    expect(result.ok).toBe(false);
    expect(await local().get('settings')).toEqual({});
  });

  it('mutes and unmutes entities', async () => {
    const page = await loadPage();
    await page.mute('person:putin');
    await page.mute('person:putin');
    await page.mute('place:kyiv');
    expect(await page.getMuted()).toEqual(['person:putin', 'place:kyiv']);
    await page.unmute('person:putin');
    expect(await page.getMuted()).toEqual(['place:kyiv']);
  });

  it('changes a kind style and refuses a colour that is not #rrggbb', async () => {
    const page = await loadPage();
    await page.setKindStyle('place', { color: '#000000', mode: 'underline' });
    expect((await page.getStyles()).place).toEqual({ color: '#000000', mode: 'underline' });
    await expect(page.setKindStyle('place', { color: 'red', mode: 'underline' })).rejects.toThrow();
    expect((await page.getStyles()).place.color).toBe('#000000');
  });

  it('two quick style edits from one page both survive (each is merged with what is stored)', async () => {
    const page = await loadPage();
    await Promise.all([
      page.setKindStyle('other', { mode: 'underline' }),
      page.setKindStyle('other', { color: '#123456' }),
    ]);
    expect((await page.getStyles()).other).toEqual({ color: '#123456', mode: 'underline' });
  });

  it('the popup switch turns a site off and on again', async () => {
    const page = await loadPage();
    await page.setHighlightingForUrl('https://www.bbc.com/news/1', false);
    expect((await page.getSettings()).sites).toEqual(['bbc.com']);
    await page.setHighlightingForUrl('https://bbc.com/', true);
    expect((await page.getSettings()).sites).toEqual([]);
  });
});

describe('live changes', () => {
  it('tells watchers about changes made by another page, already validated', async () => {
    const reader = await loadPage();
    const seen: unknown[] = [];
    const stop = reader.watchSettings((settings) => seen.push(settings.sites));
    const writer = await loadPage();
    await writer.addSite('a.com');
    await local().set({ settings: { enabled: 'yes' } });
    await vi.waitFor(() => expect(seen).toEqual([['a.com'], []]));
    stop();
    await writer.addSite('b.com');
    expect(seen).toHaveLength(2);
  });
});

describe('two pages editing at once', () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  it('keeps both sites when two extension pages add one each at the same moment', async () => {
    uninstall = installSharedLocks();
    const first = await loadPage();
    const second = await loadPage();
    await Promise.all([
      first.addSite('a.com'),
      second.addSite('b.com'),
      first.mute('x'),
      second.mute('y'),
    ]);
    expect(new Set((await first.getSettings()).sites)).toEqual(new Set(['a.com', 'b.com']));
    expect(new Set(await second.getMuted())).toEqual(new Set(['x', 'y']));
  });

  it('many concurrent edits from several pages all land', async () => {
    uninstall = installSharedLocks();
    const pages = [await loadPage(), await loadPage(), await loadPage()];
    const sites = Array.from({ length: 30 }, (_, i) => `site${i}.example`);
    await Promise.all(sites.map((site, i) => pages[i % 3]?.addSite(site)));
    expect((await pages[0]?.getSettings())?.sites.sort()).toEqual([...sites].sort());
  });

  it('(control) without the shared lock a plain read-modify-write loses an edit', async () => {
    // Shows the race the lock prevents is real in this environment.
    const { storage } = await import('wxt/utils/storage');
    const add = async (site: string) => {
      const current = (
        (await storage.getItem<{ sites: string[] }>('local:settings')) ?? { sites: [] }
      ).sites;
      await storage.setItem('local:settings', { sites: [...current, site] });
    };
    await Promise.all([add('a.com'), add('b.com')]);
    expect((await storage.getItem<{ sites: string[] }>('local:settings'))?.sites).toHaveLength(1);
  });
});
