// Backups keep working across settings formats: one made before format 2 restores with every setting it holds.
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup } from '../../../../lib/shared/settings/backup';

describe('parseBackup', () => {
  it('reads the settings of a backup made before how-much-to-mark existed, keeping them all', () => {
    const older = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      settings: { enabled: false, mode: 'only-listed', sites: ['bbc.co.uk'] },
    };
    const parsed = parseBackup(JSON.stringify(older));
    expect(parsed).toEqual({
      ok: true,
      value: {
        ...older,
        settings: {
          ...older.settings,
          marking: { density: 'every', scope: 'page' },
          siteMarking: {},
        },
      },
    });
  });

  it('reads a current one as it is, and still refuses bad settings with their path', () => {
    const settings = {
      enabled: true,
      mode: 'everywhere-except',
      sites: [],
      marking: { density: 'first', scope: 'article' },
      siteMarking: { 'bbc.co.uk': { density: 'every' } },
    };
    const current = { format: BACKUP_FORMAT, version: BACKUP_VERSION, settings };
    expect(parseBackup(JSON.stringify(current))).toEqual({ ok: true, value: current });
    const bad = { ...current, settings: { ...settings, marking: { density: 'some' } } };
    const refused = parseBackup(JSON.stringify(bad));
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.error.map((issue) => issue.path)).toContain(
      'settings.marking.density',
    );
  });
});
