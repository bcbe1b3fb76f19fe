// Options: how much every site is marked by default, and the sites with choices of their own (made in the popup).
import type { Marking } from '../lib/shared/marking';
import type { Settings, SiteMarking } from '../lib/shared/settings/schema';
import { siteLabel } from '../lib/shared/settings/site-label';
import { MarkingChoice } from './MarkingChoice';

export interface OptionsMarkingProps {
  settings: Settings;
  onDefault: (patch: Partial<Marking>) => void;
  /** The site follows the default again. */
  onClearSite: (key: string) => void;
}

/** "First mention of each, article only" for a site's own choices. */
function describe(own: SiteMarking): string {
  const parts = [
    own.density === 'first'
      ? 'first mention of each'
      : own.density === 'every'
        ? 'every mention'
        : '',
    own.scope === 'article' ? 'article only' : own.scope === 'page' ? 'whole page' : '',
  ].filter(Boolean);
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function OptionsMarking({ settings, onDefault, onClearSite }: OptionsMarkingProps) {
  const sites = Object.entries(settings.siteMarking);
  return (
    <section aria-labelledby="marking-heading">
      <h2 id="marking-heading">How much to highlight</h2>
      <p class="hint">
        On a busy page, highlighting only the first mention of each name, or only the article and
        not the menus, teasers and comments around it, is easier on the eye. Open pages follow at
        once.
      </p>
      <MarkingChoice id="default-marking" value={settings.marking} onChange={onDefault} />
      <h3 id="site-marking-heading">
        Sites with their own choice <span class="count">({sites.length})</span>
      </h3>
      {sites.length === 0 ? (
        <p class="empty">None: every site follows the choice above. The popup sets one per site.</p>
      ) : (
        <ul class="site-list" aria-labelledby="site-marking-heading">
          {sites.map(([site, own]) => {
            const label = siteLabel(site);
            return (
              <li key={site}>
                <span class="site">{label}</span>
                <span class="hint">{describe(own)}</span>
                <button
                  type="button"
                  aria-label={`Use the default on ${label}`}
                  onClick={() => onClearSite(site)}
                >
                  Use the default
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
