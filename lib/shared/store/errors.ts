// Why a write to the knowledge store did not happen, as the background reports it to the page that asked.
import type { DatasetIssue } from '../kb/schema';

export type WriteError =
  /** The data itself is refused: ids in use, or not a valid dataset. Every problem, with its JSON path. */
  | { kind: 'invalid'; issues: DatasetIssue[] }
  /** The browser had no room: what did not fit, in words. Nothing was written. */
  | { kind: 'quota'; message: string };

export type ImportError =
  | WriteError
  /** Larger than a file of its kind may be; refused unread. */
  | { kind: 'too-large'; message: string }
  /** A full backup chosen where a dataset file was expected. */
  | { kind: 'backup'; message: string };
