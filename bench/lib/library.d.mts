// Types for library.mjs: its articles are saved articles in the knowledge base's format.
import type { Dataset } from '../../lib/shared/kb/schema';

export interface LibraryOptions {
  articles?: number;
  entitiesPerArticle?: number;
  factsPerArticle?: number;
  recurring?: number;
  seed?: number;
}

export interface GeneratedLibrary {
  articles: { dataset: Dataset; mentions: { entity: string; count: number }[] }[];
  totals: {
    articles: number;
    entities: number;
    facts: number;
    quotes: number;
    events: number;
    relations: number;
    textChars: number;
  };
}

export function generateLibrary(options?: LibraryOptions): GeneratedLibrary;
