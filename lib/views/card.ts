// The hover card's content: the essentials of one entity, chosen from the knowledge base, as plain data.
import type { KnowledgeBase } from '../kb/knowledge-base';

export interface CardFact {
  text: string;
  /** The sentence of the source the fact was taken from (shown on hover/focus of its source marker). */
  sentence: string;
}

export interface CardData {
  entityId: string;
  name: string;
  kind: string;
  description?: string;
  facts: CardFact[];
  /** For a person: their most telling quote. */
  quote?: { text: string; speaker: string; sentence: string };
  /** For a place or organization: the event it is most involved in. */
  event?: { id: string; title: string; when?: string };
  relatedEvents: number;
  relatedEntities: number;
}

const MAX_FACTS = 3;

/** Builds the card for `entityId`, or null if no dataset knows it. */
export function buildCard(kb: KnowledgeBase, entityId: string): CardData | null {
  const entity = kb.entity(entityId);
  if (!entity) return null;
  const events = kb.events(entityId);
  const quotes = kb.quotes(entityId);
  const card: CardData = {
    entityId,
    name: entity.name,
    kind: entity.kind,
    description: entity.description,
    facts: kb
      .facts(entityId)
      .slice(0, MAX_FACTS)
      .map((fact) => ({ text: fact.text, sentence: kb.sentence(fact.evidence) })),
    relatedEvents: events.length,
    relatedEntities: kb.related(entityId).length,
  };
  // The longest quote says the most; ties keep the article's order.
  const quote = [...quotes].sort((a, b) => b.text.length - a.text.length)[0];
  if (entity.kind === 'person' && quote) {
    card.quote = { text: quote.text, speaker: entity.name, sentence: kb.sentence(quote.evidence) };
  } else {
    // The event with the most participants and figures is the one the entity is most involved in.
    const event = [...events].sort(
      (a, b) =>
        b.participants.length + b.figures.length - (a.participants.length + a.figures.length),
    )[0];
    if (event) card.event = { id: event.id, title: event.title, when: event.when };
  }
  return card;
}
