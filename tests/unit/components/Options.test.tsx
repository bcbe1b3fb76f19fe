import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useEffect, useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsAppearance } from '../../../components/OptionsAppearance';
import { OptionsMarking } from '../../../components/OptionsMarking';
import { OptionsMuted } from '../../../components/OptionsMuted';
import { OptionsQuarantine } from '../../../components/OptionsQuarantine';
import { OptionsSites } from '../../../components/OptionsSites';
import {
  DEFAULT_SETTINGS,
  DEFAULT_STYLES,
  type Settings,
} from '../../../lib/shared/settings/schema';
import {
  addSite,
  clearSiteMarking,
  getSettings,
  removeSite,
  setDefaultMarking,
  setMarkingForUrl,
  setMode,
  watchSettings,
} from '../../../lib/shared/settings/store';

/** The site section wired to real storage (fakeBrowser), the way the options page wires it. */
function LiveSites() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  return (
    <OptionsSites
      settings={settings}
      onEnabled={() => undefined}
      onMode={(mode) => void setMode(mode)}
      onAdd={addSite}
      onRemove={(key) => void removeSite(key)}
    />
  );
}

/** The marking section wired to real storage, as the options page wires it. */
function LiveMarking() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  return (
    <OptionsMarking
      settings={settings}
      onDefault={(patch) => void setDefaultMarking(patch)}
      onClearSite={(key) => void clearSiteMarking(key)}
    />
  );
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('how much to highlight', () => {
  it('sets the default for every site, and lists the sites with their own choice, each with a way back', async () => {
    await setMarkingForUrl('https://www.bbc.co.uk/news', { density: 'first', scope: 'article' });
    render(<LiveMarking />);
    const list = await screen.findByRole('list', { name: /Sites with their own choice/ });
    expect(list.textContent).toContain('bbc.co.uk');
    expect(list.textContent).toContain('First mention of each, article only');
    fireEvent.click(screen.getByRole('radio', { name: 'Article only' }));
    await waitFor(async () =>
      expect((await getSettings()).marking).toEqual({ density: 'every', scope: 'article' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use the default on bbc.co.uk' }));
    await screen.findByText(/None: every site follows the choice above/);
    expect((await getSettings()).siteMarking).toEqual({});
    expect((screen.getByRole('radio', { name: 'Article only' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });
});

async function typeSite(text: string) {
  const input = screen.getByLabelText('Add a site (hostname or web address)');
  fireEvent.input(input, { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
}

describe('site list', () => {
  it('adds a site typed as a URL, normalised, and clears the field', async () => {
    render(<LiveSites />);
    await typeSite('https://www.BBC.co.uk/news/live');
    await screen.findByText('Added bbc.co.uk.');
    expect(screen.getByRole('list', { name: /Listed sites/ }).textContent).toContain('bbc.co.uk');
    expect(
      (screen.getByLabelText('Add a site (hostname or web address)') as HTMLInputElement).value,
    ).toBe('');
    expect((await getSettings()).sites).toEqual(['bbc.co.uk']);
  });

  it('refuses a duplicate with a message, keeping what was typed', async () => {
    render(<LiveSites />);
    await typeSite('bbc.co.uk');
    await screen.findByText('Added bbc.co.uk.');
    await typeSite('WWW.bbc.co.uk');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('bbc.co.uk is already in the list.');
    const input = screen.getByLabelText('Add a site (hostname or web address)') as HTMLInputElement;
    expect(input.value).toBe('WWW.bbc.co.uk');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a non-web address and says why', async () => {
    render(<LiveSites />);
    await typeSite('javascript:alert(1)');
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Only web sites \(http or https\)/,
    );
    expect((await getSettings()).sites).toEqual([]);
  });

  it('searches and removes sites', async () => {
    render(<LiveSites />);
    for (const site of ['bbc.co.uk', 'kyivindependent.com', 'reuters.com']) {
      await typeSite(site);
      await screen.findByText(`Added ${site}.`);
    }
    fireEvent.input(screen.getByLabelText('Search the list'), { target: { value: 'kyiv' } });
    expect(
      screen.getAllByRole('listitem').map((li) => li.querySelector('.site')?.textContent),
    ).toEqual(['kyivindependent.com']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove kyivindependent.com' }));
    await screen.findByText('No listed site contains “kyiv”.');
    expect((await getSettings()).sites).toEqual(['bbc.co.uk', 'reuters.com']);
  });

  it('finds an international name by its Unicode spelling and shows it that way, with the stored form beside it', async () => {
    render(<LiveSites />);
    for (const [typed, key] of [
      ['münchen.de', 'xn--mnchen-3ya.de'],
      ['bbc.co.uk', 'bbc.co.uk'],
    ] as const) {
      await typeSite(typed);
      await screen.findByText(`Added ${key}.`);
    }
    for (const query of ['münchen', 'MÜNCHEN', 'https://www.münchen.de/']) {
      fireEvent.input(screen.getByLabelText('Search the list'), { target: { value: query } });
      const items = screen.getAllByRole('listitem');
      expect(
        items.map((li) => li.querySelector('.site')?.textContent),
        query,
      ).toEqual(['münchen.de']);
      expect(items[0]?.textContent).toContain('xn--mnchen-3ya.de');
    }
    fireEvent.click(screen.getByRole('button', { name: 'Remove münchen.de' }));
    await waitFor(async () => expect((await getSettings()).sites).toEqual(['bbc.co.uk']));
  });

  it('switches mode and explains the empty list in each mode', async () => {
    render(<LiveSites />);
    await screen.findByText('No sites yet: names are highlighted everywhere.');
    fireEvent.click(screen.getByLabelText('Only on the sites listed'));
    await screen.findByText('No sites yet: nothing is highlighted until you add one.');
    expect((await getSettings()).mode).toBe('only-listed');
  });
});

describe('appearance', () => {
  it('reports a style change for a kind from the colour, hex and mode controls', () => {
    const onStyle = vi.fn();
    render(<OptionsAppearance styles={DEFAULT_STYLES} onStyle={onStyle} />);
    fireEvent.click(screen.getByLabelText('Underline', { selector: '#mode-place-underline' }));
    expect(onStyle).toHaveBeenLastCalledWith('place', { mode: 'underline' });
    fireEvent.input(screen.getByLabelText('Organizations colour as #rrggbb'), {
      target: { value: '#ABCDEF' },
    });
    expect(onStyle).toHaveBeenLastCalledWith('organization', { color: '#abcdef' });
  });

  it('refuses a malformed hex colour with a hint and does not store it', () => {
    const onStyle = vi.fn();
    render(<OptionsAppearance styles={DEFAULT_STYLES} onStyle={onStyle} />);
    fireEvent.input(screen.getByLabelText('People colour as #rrggbb'), {
      target: { value: 'red' },
    });
    expect(onStyle).not.toHaveBeenCalled();
    expect(screen.getByText('Use six hex digits after #, like #2f80ed.')).toBeTruthy();
  });

  it('draws the preview with ::highlight rules built from the current styles', () => {
    const styles = { ...DEFAULT_STYLES, person: { color: '#123456', mode: 'underline' as const } };
    const { container } = render(<OptionsAppearance styles={styles} onStyle={() => undefined} />);
    const css = container.querySelector('.preview style')?.textContent ?? '';
    expect(css).toMatch(
      /::highlight\(backstory-person\) \{[^}]*text-decoration: underline 2px #123456/,
    );
    expect(screen.getByTestId('style-preview').textContent).toContain('Oleksandr Khilko');
  });
});

describe('muted names', () => {
  it('lists muted entities by name and unmutes one', () => {
    const onUnmute = vi.fn();
    const names = new Map([['person:putin', 'Vladimir Putin']]);
    render(
      <OptionsMuted
        muted={['person:putin', 'x:gone']}
        nameOf={(id) => names.get(id)}
        onUnmute={onUnmute}
      />,
    );
    expect(screen.getByText('(not in any enabled dataset)', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unmute Vladimir Putin' }));
    expect(onUnmute).toHaveBeenCalledWith('person:putin');
  });
});

describe('set-aside data notice', () => {
  const entries = [
    {
      key: 'local:settings',
      reason: 'not valid at mode: bad',
      at: '',
      version: 1,
      raw: { mode: 1 },
    },
  ];

  it('shows what was set aside and offers export', () => {
    const onExport = vi.fn();
    render(<OptionsQuarantine entries={entries} onExport={onExport} onDiscard={() => undefined} />);
    const notice = screen.getByRole('status');
    expect(notice.textContent).toContain('Some stored data could not be read');
    expect(notice.textContent).toContain('Site settings: not valid at mode: bad');
    fireEvent.click(screen.getByRole('button', { name: 'Export the set-aside data' }));
    expect(onExport).toHaveBeenCalled();
  });

  it('discards only after confirmation, with focus on the safe choice', async () => {
    const onDiscard = vi.fn();
    render(
      <OptionsQuarantine entries={entries} onExport={() => undefined} onDiscard={onDiscard} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Discard…' }));
    expect(onDiscard).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Keep it'));
    fireEvent.click(screen.getByRole('button', { name: 'Discard it without exporting' }));
    expect(onDiscard).toHaveBeenCalled();
  });

  it('is absent when nothing was set aside', () => {
    const { container } = render(
      <OptionsQuarantine entries={[]} onExport={() => undefined} onDiscard={() => undefined} />,
    );
    expect(container.textContent).toBe('');
  });
});
