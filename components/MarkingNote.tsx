// Says what a page's counts are of when it marks less than everything (popup and side panel, under the list).
import type { Marking } from '../lib/shared/marking';

export function MarkingNote({ marking }: { marking: Marking }) {
  const first = marking.density === 'first';
  const article = marking.scope === 'article';
  if (!first && !article) return null;
  return (
    <p class="hint marking-note">
      {article
        ? 'Only the article is read: names outside it are neither highlighted nor counted. '
        : ''}
      {first
        ? 'Only the first mention of each is highlighted; the counts are of every mention, and stepping through a name reaches each one.'
        : ''}
    </p>
  );
}
