// A small marker after a fact or quote that reveals the sentence of the source it came from, on hover or focus.
import { useId, useState } from 'preact/hooks';

export interface SourceMarkerProps {
  /** The sentence of the source article, shown as text (never as markup). */
  sentence: string;
  /** Accessible name of the marker button. */
  label?: string;
}

/**
 * A real button (reachable by Tab, announced by screen readers) whose description is the sentence. The
 * sentence shows while the marker is hovered or focused; Esc on the marker hides it again without closing
 * whatever the marker sits in.
 */
export function SourceMarker({ sentence, label = 'Source sentence' }: SourceMarkerProps) {
  const id = useId();
  const [dismissed, setDismissed] = useState(false);
  return (
    <span class="source" data-dismissed={dismissed ? 'true' : undefined}>
      <button
        type="button"
        class="source-marker"
        aria-label={label}
        aria-describedby={id}
        onPointerEnter={() => setDismissed(false)}
        onFocus={() => setDismissed(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !dismissed) {
            setDismissed(true);
            event.stopPropagation();
          }
        }}
      >
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
