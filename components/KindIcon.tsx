// The icon and label of an entity kind (person, organization, place, …), shared by the card, popup and side panel.
import { kindLabel } from '../lib/shared/kinds';

// 16×16 outline glyphs drawn with currentColor, so they follow the surrounding text colour and theme.
const PATHS: Record<string, string> = {
  person: 'M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-5 6c0-2.8 2.2-4.5 5-4.5s5 1.7 5 4.5',
  organization: 'M2.5 14V4.5L8 2l5.5 2.5V14M2 14h12M5.5 6.5v5M8 6.5v5M10.5 6.5v5',
  place:
    'M8 14.5s4.5-4.3 4.5-8A4.5 4.5 0 0 0 3.5 6.5c0 3.7 4.5 8 4.5 8Zm0-6.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z',
  event: 'M2.5 4h11v9.5h-11zM2.5 7h11M5.5 2.5v3M10.5 2.5v3',
  other: 'M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12ZM8 5v.01M8 7.5V11',
};

export interface KindIconProps {
  kind: string;
  /** Also show the label next to the icon (the icon alone is decorative and hidden from screen readers). */
  withLabel?: boolean;
  class?: string;
}

export function KindIcon({ kind, withLabel = false, class: className }: KindIconProps) {
  const path = PATHS[kind] ?? PATHS.other;
  return (
    <span class={className ?? 'kind'} data-kind={kind}>
      <svg
        class="kind-icon"
        width="16"
        height="16"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        stroke-width="1.4"
        stroke-linecap="round"
        stroke-linejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d={path} />
      </svg>
      {withLabel ? <span class="kind-label">{kindLabel(kind)}</span> : null}
    </span>
  );
}
