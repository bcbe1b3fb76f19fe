// The small API the content script's highlighter offers to the hover card and the keyboard path.
import type { Mention } from '../highlight/mentions';

export type { Mention };

export interface MentionsApi {
  /** The mention under a viewport point, or null (hit-test against the range's own boxes). */
  mentionAt(x: number, y: number): Mention | null;
  /** Every mention on the page, in document order. */
  mentions(): readonly Mention[];
  /** Called after mentions were added or removed (content changed, site toggled, entity muted). */
  onChange(listener: () => void): () => void;
}
