// Finds the shared corpus of saved news pages ($BACKSTORY_CORPUS, else ../shared/corpus beside the repository or its worktree folder) and the optional dev-only pages beside it (../shared/dev-corpus).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export function findCorpusDir(repoRoot: string): string {
  const candidates = [
    process.env.BACKSTORY_CORPUS,
    resolve(repoRoot, '../shared/corpus'),
    resolve(repoRoot, '../../shared/corpus'),
  ].filter((dir): dir is string => dir !== undefined && dir !== '');
  const found = candidates.find((dir) => existsSync(dir));
  if (!found)
    throw new Error(
      `no corpus of news pages: set BACKSTORY_CORPUS (looked in ${candidates.join(', ')})`,
    );
  return found;
}

/**
 * Extra pages for tuning only ($BACKSTORY_DEV_CORPUS, else dev-corpus beside the corpus). Not in CI
 * or a fresh clone: undefined when absent. Only pages labelled "dev" are ever read from it.
 */
export function findDevCorpusDir(repoRoot: string): string | undefined {
  const candidates = [
    process.env.BACKSTORY_DEV_CORPUS,
    resolve(findCorpusDir(repoRoot), '../dev-corpus'),
  ].filter((dir): dir is string => dir !== undefined && dir !== '');
  return candidates.find((dir) => existsSync(dir));
}
