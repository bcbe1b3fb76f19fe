// The background's answers to what extension pages ask of the knowledge (lib/shared/store/requests.ts): the
// entrypoint checks each message and calls these; tests call them directly.

import { parseDataset } from '../shared/kb/parse';
import { decideMatches } from '../shared/match/resolve';
import type { NameMatch } from '../shared/messaging';
import { err, ok } from '../shared/result';
import type { KnowledgeRequests } from '../shared/store/requests';
import type { KnowledgeOwner } from './knowledge';
import { importFile, validateBackupDatasets } from './store/import-file';
import { discardLegacyQuarantine } from './store/legacy-damage';

export function answerKnowledgeRequests(knowledge: KnowledgeOwner): KnowledgeRequests {
  const ready = () => knowledge.ready;

  /** Where the dictionary's names occur in `text`, by the page matcher's rules (shared names decided by the text). */
  async function names(text: string): Promise<NameMatch[]> {
    const { entries, matcher } = await knowledge.matcher();
    return decideMatches(matcher.find(text), entries).flatMap(({ entity, start, end }) => {
      const entry = entries[entity];
      return entry && 'entityId' in entry ? [{ entityId: entry.entityId, start, end }] : [];
    });
  }

  return {
    async importDatasetFile(file) {
      await ready();
      return importFile(knowledge.writer, file);
    },
    async setDatasetEnabled(id, enabled) {
      await ready();
      await knowledge.writer.setEnabled(id, enabled);
    },
    async removeDataset(id) {
      await ready();
      const row = await knowledge.db.datasets.get(id);
      if (row?.origin === 'bundled')
        throw new Error('the bundled dataset can be switched off, not removed');
      await knowledge.writer.remove(id);
      // The reader confirmed removing it, set-aside data included.
      if (row?.damaged) await discardLegacyQuarantine(id);
    },
    async checkBackupDatasets(datasets) {
      const valid = validateBackupDatasets(datasets);
      return valid.ok ? ok(null) : err(valid.error);
    },
    async restoreDatasets(datasets) {
      const valid = validateBackupDatasets(datasets);
      if (!valid.ok) return err({ kind: 'invalid', issues: valid.error });
      await ready();
      return knowledge.writer.replaceImported(valid.value);
    },
    async removeImportedDatasets() {
      await ready();
      await knowledge.writer.removeImported();
    },
    async saveArticle({ dataset, mentions }) {
      const parsed = parseDataset(dataset);
      if (!parsed.ok) return err({ kind: 'invalid', issues: parsed.error });
      if (parsed.value.sources.length !== 1) {
        return err({
          kind: 'invalid',
          issues: [{ path: 'sources', message: 'a saved article is one source' }],
        });
      }
      await ready();
      return knowledge.writer.saveArticle(parsed.value, mentions);
    },
    async mergeEntities(from, into) {
      await ready();
      return knowledge.writer.merge(from, into);
    },
    async unmergeEntity(from) {
      await ready();
      await knowledge.writer.unmerge(from);
    },
    async markDistinct(a, b) {
      await ready();
      await knowledge.writer.markDistinct(a, b);
    },
    async restoreRemoved(datasetId) {
      await ready();
      return knowledge.writer.restoreRemoved(datasetId);
    },
    findNames: names,
    async sourceNames(sourceId) {
      await ready();
      const source = await knowledge.reader.source(sourceId);
      return source ? names(source.text) : [];
    },
  };
}
