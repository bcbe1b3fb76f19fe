// The card's shadow host: the one element of the page that is Backstory's own, never scanned.
export const CARD_HOST_TAG = 'backstory-card';

/** True for the card's host (cheap enough for every element a scan visits: no string is made). */
export function isCardHost(node: Node): boolean {
  return (node as Element).localName === CARD_HOST_TAG;
}
