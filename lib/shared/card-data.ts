// What the hover card shows of one entity: plain data, built by the background (lib/background/build-card.ts).

export interface CardFact {
  text: string;
  /** The sentence of the source the fact was taken from (shown on hover/focus of its source marker). */
  sentence: string;
  /** The source it was taken from: its id, and "Title · site · date" (lib/shared/source-line.ts). */
  source?: { id: string; line: string };
}

export interface CardData {
  entityId: string;
  name: string;
  kind: string;
  description?: string;
  /** At most three, the most recently published source's first, each source's in its order. */
  facts: CardFact[];
  /** For a person: the quote of theirs most about the article's main event. */
  quote?: { text: string; speaker: string; sentence: string };
  /** Otherwise: the event the entity is most involved in, with the sentence that places the entity in it. */
  event?: { id: string; title: string; when?: string; sentence: string };
  relatedEvents: number;
  relatedEntities: number;
  /** How many of the articles the reader saved name it (0: none, only the bundled or imported data do). */
  articles: number;
}
