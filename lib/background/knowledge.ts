// The background's knowledge: the one owner of the store's writes and of the dictionary every frame matches with.
//
// At start it carries datasets of earlier releases into the store and installs this build's bundled dataset
// (both only when needed). The dictionary (every name of every entity in use) and its matcher tables are built once
// per knowledge version, right after the write that changed it, and kept in the store too: a restarted service
// worker (Chrome stops an idle one after 30 s) reads them back instead of building again.
import seed from '../../assets/kb/seed.json';
import { parseDataset } from '../shared/kb/parse';
import { buildMatcherTables, type Matcher, matcherFromTables } from '../shared/match/matcher';
import { encodePageEntries } from '../shared/match/page-entries';
import { decodeTables, type EncodedTables, encodeTables } from '../shared/match/tables-transfer';
import type { DictionaryEntry } from '../shared/messaging';
import { type KnowledgeDb, knowledgeDb } from '../shared/store/db';
import { KnowledgeReader } from '../shared/store/read';
import { announceKnowledge } from '../shared/store/signal';
import { buildPageDictionary, sharingEntityIds, withSupports } from './page-dictionary';
import { type MigrationReport, migrateLegacyDatasets } from './store/migrate';
import { KnowledgeWriter } from './store/writer';

/** What every frame gets: the entries (index = the matcher's entity number) and the matcher's tables. */
export interface Dictionary {
  version: number;
  /** How the entries were built (DICTIONARY_FORMAT): a copy kept by an earlier release is built again. */
  format: number;
  entries: DictionaryEntry[];
  /** The entries as a frame reads them (lib/shared/match/page-entries.ts): what `getPageState` sends. */
  pageEntries: string;
  tables: EncodedTables;
}

const DICTIONARY_KEY = 'dictionary';
/** The kept dictionary's version and format, read before the copy itself. */
const DICTIONARY_VERSION_KEY = 'dictionary-version';
/** 2: shared names, other places and language-bound names (lib/background/page-dictionary.ts); 3: `pageEntries`. */
const DICTIONARY_FORMAT = 3;

/** FNV-1a over the text: tells this build's bundled dataset from the stored copy without parsing either. */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export class KnowledgeOwner {
  readonly reader: KnowledgeReader;
  readonly writer: KnowledgeWriter;
  /** Settles once legacy datasets are carried over and the bundled dataset is in place. */
  readonly ready: Promise<MigrationReport>;
  private built: { version: number; dictionary: Promise<Dictionary> } | null = null;
  /** The build running now, if any: one at a time (see `dictionary`). */
  private building: Promise<void> | null = null;
  private decoded: { version: number; matcher: Matcher } | null = null;

  constructor(
    readonly db: KnowledgeDb = knowledgeDb(),
    private readonly bundled: unknown = seed,
  ) {
    this.reader = new KnowledgeReader(db);
    this.writer = new KnowledgeWriter(db, (version) => this.committed(version));
    this.ready = this.start();
  }

  private async start(): Promise<MigrationReport> {
    // Earlier releases' datasets first: they were checked against the bundled dataset of their day, and a newer
    // bundled copy leaves any id they took to them.
    const report = await migrateLegacyDatasets(this.db, this.writer);
    await this.installBundled();
    await announceKnowledge(await this.reader.version());
    return report;
  }

  private async installBundled(): Promise<void> {
    const hash = contentHash(JSON.stringify(this.bundled));
    const stored = await this.db.datasets.where('origin').equals('bundled').first();
    if (stored?.contentHash === hash) return;
    const parsed = parseDataset(this.bundled);
    // The build validates the bundled file (wxt.config.ts), so this only happens to a broken build.
    if (!parsed.ok) throw new Error(`The bundled dataset is invalid: ${parsed.error[0]?.message}`);
    if (stored && stored.id !== parsed.value.id) await this.writer.remove(stored.id);
    await this.writer.installBundled(parsed.value, hash);
  }

  private async committed(version: number): Promise<void> {
    await announceKnowledge(version);
    // Built now, not when the first tab asks: pages opened after a save get it at once.
    void this.dictionary().catch(() => undefined);
  }

  /** The store's knowledge version (every frame compares its dictionary's with it). */
  async version(): Promise<number> {
    await this.ready;
    return this.reader.version();
  }

  /**
   * The dictionary of the current version: from memory, else from the store's copy, else built. One build at a
   * time, for the version current when it starts: saves in quick succession (an import, a reader saving several
   * articles) each asked for a build of their own, which ran side by side and slowed every save after them.
   */
  async dictionary(): Promise<Dictionary> {
    for (;;) {
      const version = await this.version();
      if (this.built?.version === version) return this.built.dictionary;
      if (this.building) {
        // Wait for it, then look again: by then it may be this version's, or a newer one's is due.
        await this.building;
        continue;
      }
      const dictionary = this.loadOrBuild(version);
      this.built = { version, dictionary };
      // Settles either way (a failed build is its caller's to report, and the next caller builds again).
      const settled: Promise<void> = dictionary
        .then(
          () => undefined,
          () => {
            if (this.built?.dictionary === dictionary) this.built = null;
          },
        )
        .finally(() => {
          if (this.building === settled) this.building = null;
        });
      this.building = settled;
      return dictionary;
    }
  }

  /** The dictionary's entries with a matcher decoded from its tables (context-menu look-ups, source views). */
  async matcher(): Promise<{ entries: DictionaryEntry[]; matcher: Matcher }> {
    const dictionary = await this.dictionary();
    if (this.decoded?.version !== dictionary.version) {
      this.decoded = {
        version: dictionary.version,
        matcher: matcherFromTables(decodeTables(dictionary.tables)),
      };
    }
    return { entries: dictionary.entries, matcher: this.decoded.matcher };
  }

  private async loadOrBuild(version: number): Promise<Dictionary> {
    // The kept copy's version first: the copy itself is megabytes with a large library, and after a write it is old.
    const keptAs = (await this.db.meta.get(DICTIONARY_VERSION_KEY))?.value as
      | { version: number; format: number }
      | undefined;
    if (keptAs?.version === version && keptAs.format === DICTIONARY_FORMAT) {
      const kept = (await this.db.meta.get(DICTIONARY_KEY))?.value as Dictionary | undefined;
      if (kept?.version === version && kept.format === DICTIONARY_FORMAT) return kept;
    }
    // Merged entities come as one, with their members' names (main's merges); the page decides shared names.
    const entities = await this.reader.dictionaryEntities();
    const built = buildPageDictionary(entities);
    const sharing = sharingEntityIds(built);
    const entries = withSupports(built, await this.reader.linkedIds(sharing));
    // Sent to every frame: the tables (lib/shared/match/tables-transfer.ts) and what a frame needs of the entries.
    const dictionary = {
      version,
      format: DICTIONARY_FORMAT,
      entries,
      pageEntries: encodePageEntries(entries),
      tables: encodeTables(buildMatcherTables(entries)),
    };
    // Kept only if no write came in meanwhile (the next build keeps its own); frames need not wait for the copy.
    void this.keep(dictionary).catch(() => undefined);
    return dictionary;
  }

  private async keep(dictionary: Dictionary): Promise<void> {
    const { version, format } = dictionary;
    await this.db.transaction('rw', this.db.meta, async () => {
      const current = (await this.db.meta.get('version'))?.value ?? 0;
      if (current !== version) return;
      await this.db.meta.bulkPut([
        { key: DICTIONARY_KEY, value: dictionary },
        { key: DICTIONARY_VERSION_KEY, value: { version, format } },
      ]);
    });
  }
}
