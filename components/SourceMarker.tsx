// A small marker after a fact, quote or event that reveals the sentence of the source it came from, on hover or focus.

export interface SourceMarkerProps {
  /** The sentence of the source article, shown as text (never as markup). */
  sentence: string;
  /** Accessible name of the marker button. */
  label?: string;
  /**
   * Id of the sentence element (the marker's description), chosen by the caller from what the marker is for
   * (e.g. `card-kyiv-fact-0`): the same on every render, unique in its document or shadow root. Not Preact's
   * useId: preact/hooks would cost the content script 1.6 KB of its 80 KB budget for one attribute.
   */
  id: string;
}

/**
 * A real button (reachable by Tab, announced with the sentence as its description). The sentence shows while
 * the marker is hovered or focused, through CSS (.source:hover / :focus-visible); the card's script only places
 * it. No state and no hooks: the hover card ships this in the content script, where every kilobyte counts.
 */
export function SourceMarker({ sentence, label = 'Source sentence', id }: SourceMarkerProps) {
  return (
    <span class="source">
      <button type="button" class="source-marker" aria-label={label} aria-describedby={id}>
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
          <path
            d="M2 2.5h6M2 5h6M2 7.5h3.5"
            stroke="currentColor"
            stroke-width="1.2"
            stroke-linecap="round"
          />
        </svg>
      </button>
      <span class="source-sentence" role="tooltip" id={id}>
        {sentence}
      </span>
    </span>
  );
}
