// Finds the shared corpus of saved news pages: $BACKSTORY_CORPUS, else ../shared/corpus beside the repository (main checkout) or beside its worktree folder.
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
