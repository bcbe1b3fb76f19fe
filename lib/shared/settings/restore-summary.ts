// What restoring a backup replaces, in words: shown before it runs, to confirm, and said again once it has.
import type { DatasetRow } from '../store/rows';
import type { Backup } from './backup';
import type { Settings } from './schema';

/** What is stored now, as far as a restore can change it. */
export interface Current {
  settings: Settings;
  muted: string[];
  /** The imported datasets (a backup's datasets replace them; saved articles and the bundled dataset stay). */
  imported: DatasetRow[];
}

export interface RestoreChanges {
  /** Present when the backup has settings: listed sites now and in the backup. */
  sites?: { now: number; backup: number };
  styles: boolean;
  muted?: { now: number; backup: number };
  /** Present when the backup has datasets (then its list replaces the stored one), by name. */
  datasets?: { removed: string[]; replaced: string[]; added: string[] };
}

export function restoreChanges(current: Current, backup: Backup): RestoreChanges {
  const datasets = backup.datasets ?? [];
  const incoming = new Set(datasets.map(({ entry }) => entry.id));
  const stored = new Set(current.imported.map((row) => row.id));
  return {
    sites: backup.settings && {
      now: current.settings.sites.length,
      backup: backup.settings.sites.length,
    },
    styles: backup.styles !== undefined,
    muted: backup.muted && { now: current.muted.length, backup: backup.muted.length },
    datasets: backup.datasets && {
      removed: current.imported.filter((row) => !incoming.has(row.id)).map((row) => row.name),
      replaced: datasets.filter(({ entry }) => stored.has(entry.id)).map(({ entry }) => entry.name),
      added: datasets.filter(({ entry }) => !stored.has(entry.id)).map(({ entry }) => entry.name),
    },
  };
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function sections(changes: RestoreChanges, when: [string, string]): string[] {
  const [now, then] = when;
  const { sites, muted } = changes;
  return [
    sites &&
      `your site settings (${count(sites.now, 'site')} listed ${now}, ${sites.backup} ${then})`,
    changes.styles && 'your highlight styles',
    muted && `your muted names (${muted.now} ${now}, ${muted.backup} ${then})`,
  ].filter((part): part is string => Boolean(part));
}

/** The confirmation: what restoring will replace, datasets it will delete named first. */
export function planText(file: string, changes: RestoreChanges): string[] {
  const lines: string[] = [];
  const parts = sections(changes, ['now', 'in the backup']);
  if (parts.length > 0) lines.push(`Restoring ${file} replaces ${list(parts)}.`);
  const { removed = [], replaced = [], added = [] } = changes.datasets ?? {};
  if (removed.length > 0) {
    const them = removed.length === 1 ? 'it' : 'them';
    lines.push(
      `It removes ${count(removed.length, 'imported dataset')} the backup does not have: ${list(removed)}. Export ${them} first to keep ${them}.`,
    );
  }
  if (replaced.length > 0) lines.push(`It replaces ${list(replaced)} with the backup’s copy.`);
  if (added.length > 0) lines.push(`It adds ${list(added)}.`);
  if (lines.length === 0) lines.push(`${file} holds nothing to restore.`);
  return lines;
}

/** The success message's second part: what was replaced. */
export function doneText(changes: RestoreChanges): string[] {
  const lines: string[] = [];
  const parts = sections(changes, ['before', 'now']);
  if (parts.length > 0) lines.push(`Replaced ${list(parts)}.`);
  const { removed = [], replaced = [], added = [] } = changes.datasets ?? {};
  if (removed.length > 0) {
    lines.push(
      `Removed ${count(removed.length, 'dataset')} the backup did not have: ${list(removed)}.`,
    );
  }
  if (replaced.length > 0) lines.push(`Replaced ${list(replaced)} with the backup’s copy.`);
  if (added.length > 0) lines.push(`Added ${list(added)}.`);
  return lines;
}
