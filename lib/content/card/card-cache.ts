// Card contents asked of the background once per entity, kept until what cards say may have changed.
import type { CardData } from './card-ui';

export class CardCache {
  readonly #answers = new Map<string, Promise<CardData | null>>();
  readonly #getCard: (entityId: string) => Promise<CardData | null>;

  constructor(getCard: (entityId: string) => Promise<CardData | null>) {
    this.#getCard = getCard;
  }

  /** The card of `entityId`, asked once however often the pointer comes back; a failed request means no card. */
  load(entityId: string): Promise<CardData | null> {
    let answer = this.#answers.get(entityId);
    if (!answer) {
      answer = this.#getCard(entityId).catch(() => null);
      this.#answers.set(entityId, answer);
    }
    return answer;
  }

  /** A dataset import or a mute changes what cards say: the next hover asks again. */
  clear(): void {
    this.#answers.clear();
  }
}
