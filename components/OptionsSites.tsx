// Options: the global switch, the mode, and the site list (add by hostname or URL, remove, search).
import { useState } from 'preact/hooks';
import type { Result } from '../lib/shared/result';
import type { Mode, Settings } from '../lib/shared/settings/schema';
import { siteLabel, siteMatches } from '../lib/shared/settings/site-label';
import { Notice } from './Notice';
import { Switch } from './Switch';

export interface OptionsSitesProps {
  settings: Settings;
  onEnabled: (enabled: boolean) => void;
  onMode: (mode: Mode) => void;
  /** Resolves to the stored site key, or a message saying why it was refused. */
  onAdd: (input: string) => Promise<Result<string, string>>;
  onRemove: (key: string) => void;
}

const MODE_LABELS: Record<Mode, { label: string; hint: string }> = {
  'everywhere-except': {
    label: 'Everywhere except the sites listed',
    hint: 'Names are highlighted on every web page, but not on these sites.',
  },
  'only-listed': {
    label: 'Only on the sites listed',
    hint: 'Names are highlighted on these sites and nowhere else.',
  },
};

export function OptionsSites({ settings, onEnabled, onMode, onAdd, onRemove }: OptionsSitesProps) {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [query, setQuery] = useState('');

  async function add(event: Event) {
    event.preventDefault();
    const result = await onAdd(input);
    if (result.ok) {
      setMessage({ ok: true, text: `Added ${result.value}.` });
      setInput('');
    } else {
      setMessage({ ok: false, text: result.error });
    }
  }

  const shown = settings.sites.filter((site) => siteMatches(site, query));

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Where to highlight</h2>
      <Switch
        id="global-enabled"
        label="Highlight names on web pages"
        checked={settings.enabled}
        onChange={onEnabled}
        hint={settings.enabled ? undefined : 'Off everywhere until you turn this back on.'}
      />
      <fieldset>
        <legend>Mode</legend>
        {(Object.keys(MODE_LABELS) as Mode[]).map((mode) => (
          <div class="radio-row" key={mode}>
            <input
              type="radio"
              id={`mode-${mode}`}
              name="mode"
              value={mode}
              checked={settings.mode === mode}
              aria-describedby={`mode-${mode}-hint`}
              onChange={() => onMode(mode)}
            />
            <label for={`mode-${mode}`}>{MODE_LABELS[mode].label}</label>
            <span id={`mode-${mode}-hint`} class="hint">
              {MODE_LABELS[mode].hint}
            </span>
          </div>
        ))}
      </fieldset>

      <form class="add-site" onSubmit={add}>
        <label for="add-site-input">Add a site (hostname or web address)</label>
        <div class="inline">
          <input
            id="add-site-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={input}
            aria-invalid={message?.ok === false}
            aria-describedby="add-site-message"
            onInput={(event) => setInput(event.currentTarget.value)}
          />
          <button type="submit">Add</button>
        </div>
        <div id="add-site-message">
          {message && (
            <Notice tone={message.ok ? 'success' : 'error'}>
              <p>{message.text}</p>
            </Notice>
          )}
        </div>
      </form>

      <h3 id="site-list-heading">
        Listed sites <span class="count">({settings.sites.length})</span>
      </h3>
      {settings.sites.length > 0 && (
        <div class="search">
          <label for="site-search">Search the list</label>
          <input
            id="site-search"
            type="search"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </div>
      )}
      {settings.sites.length === 0 ? (
        <p class="empty">
          {settings.mode === 'only-listed'
            ? 'No sites yet: nothing is highlighted until you add one.'
            : 'No sites yet: names are highlighted everywhere.'}
        </p>
      ) : shown.length === 0 ? (
        <p class="empty">No listed site contains “{query.trim()}”.</p>
      ) : (
        <ul class="site-list" aria-labelledby="site-list-heading">
          {shown.map((site) => {
            const label = siteLabel(site);
            return (
              <li key={site}>
                <span class="site">{label}</span>
                {/* The stored form too, so a look-alike letter in an international name can be told apart. */}
                {label !== site && <span class="hint site-key">{site}</span>}
                <button type="button" aria-label={`Remove ${label}`} onClick={() => onRemove(site)}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
