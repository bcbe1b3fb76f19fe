// What an extension page asks the background to do with the knowledge: the background answers
// (lib/background/knowledge-requests.ts), pages ask by message (lib/pages/knowledge-access.ts).
import type { DatasetIssue } from '../kb/schema';
import type { NameMatch, SavedArticle, SaveOutcome } from '../messaging';
import type { Result } from '../result';
import type { BackupDataset } from '../settings/backup';
import type { ImportError, WriteError } from './errors';
import type { DatasetRow } from './rows';

/** What a page asks of the background; each write is one transaction. */
export interface KnowledgeRequests {
  importDatasetFile(file: {
    name: string;
    text: string;
  }): Promise<Result<DatasetRow[], ImportError>>;
  setDatasetEnabled(id: string, enabled: boolean): Promise<void>;
  removeDataset(id: string): Promise<void>;
  checkBackupDatasets(datasets: BackupDataset[]): Promise<Result<null, DatasetIssue[]>>;
  restoreDatasets(datasets: BackupDataset[]): Promise<Result<DatasetRow[], WriteError>>;
  removeImportedDatasets(): Promise<void>;
  /** Where the dictionary's names occur in a short text (a search query). */
  findNames(text: string): Promise<NameMatch[]>;
  /** Where the dictionary's names occur in a stored source. */
  sourceNames(sourceId: string): Promise<NameMatch[]>;
  /** Stores an article the reader saved (one transaction); saving it again replaces it. */
  saveArticle(article: SavedArticle): Promise<Result<SaveOutcome, WriteError>>;
  /** Takes `from` as `into` from now on; an error says why not (e.g. the reader said they are not the same). */
  mergeEntities(from: string, into: string): Promise<Result<null, string>>;
  unmergeEntity(from: string): Promise<void>;
  markDistinct(a: string, b: string): Promise<void>;
  /** Brings back a saved article removed a moment ago (the library's undo). */
  restoreRemoved(datasetId: string): Promise<Result<DatasetRow, string>>;
}
