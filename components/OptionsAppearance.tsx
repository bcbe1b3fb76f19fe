// Options: the highlight style of each entity kind, with a live preview drawn by the same CSS Custom Highlight rules pages get.

import { useEffect, useRef, useState } from 'preact/hooks';
import { highlightCss, highlightName } from '../lib/shared/highlight-css';
import { ENTITY_KINDS, type EntityKind, groupLabel, type KindStyle } from '../lib/shared/kinds';
import type { Styles } from '../lib/shared/settings/schema';

export interface OptionsAppearanceProps {
  styles: Styles;
  /** Reports the part of a kind's style the user changed (the rest stays as stored). */
  onStyle: (kind: EntityKind, patch: Partial<KindStyle>) => void;
}

/** A sentence in the seed article's words, with the kind of each name in it. */
const SAMPLE: { text: string; kind?: EntityKind }[] = [
  { text: '“This is inhuman — striking civilians,” said ' },
  { text: 'Oleksandr Khilko', kind: 'person' },
  { text: ' in the ' },
  { text: 'Darnytsia district', kind: 'place' },
  { text: ' of ' },
  { text: 'Kyiv', kind: 'place' },
  { text: ', after the strike left ' },
  { text: 'European Union', kind: 'organization' },
  { text: ' offices in ruins, the worst since the ' },
  { text: 'full-scale invasion', kind: 'other' },
  { text: ' began.' },
];

const HEX = /^#[0-9a-f]{6}$/i;

function StylePreview({ styles }: { styles: Styles }) {
  const paragraph = useRef<HTMLParagraphElement>(null);
  const supported =
    typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

  useEffect(() => {
    const root = paragraph.current;
    if (!supported || !root) return;
    const byKind = new Map<EntityKind, Range[]>();
    for (const span of root.querySelectorAll<HTMLElement>('[data-kind]')) {
      const kind = span.dataset.kind as EntityKind;
      const range = document.createRange();
      range.selectNodeContents(span);
      byKind.set(kind, [...(byKind.get(kind) ?? []), range]);
    }
    for (const kind of ENTITY_KINDS)
      CSS.highlights.set(highlightName(kind), new Highlight(...(byKind.get(kind) ?? [])));
    return () => {
      for (const kind of ENTITY_KINDS) CSS.highlights.delete(highlightName(kind));
    };
  }, [supported]);

  return (
    <figure class="preview">
      <style>{highlightCss(styles)}</style>
      <figcaption>Preview</figcaption>
      <p ref={paragraph} data-testid="style-preview">
        {SAMPLE.map((part, i) =>
          part.kind ? (
            <span key={i} data-kind={part.kind}>
              {part.text}
            </span>
          ) : (
            part.text
          ),
        )}
      </p>
      {!supported && (
        <p class="hint">This browser cannot draw highlights, so the preview shows plain text.</p>
      )}
    </figure>
  );
}

function KindControls({
  kind,
  style,
  onStyle,
}: {
  kind: EntityKind;
  style: KindStyle;
  onStyle: OptionsAppearanceProps['onStyle'];
}) {
  const [hex, setHex] = useState(style.color);
  useEffect(() => setHex(style.color), [style.color]);
  const hexValid = HEX.test(hex);
  return (
    <fieldset class="kind-style">
      <legend>{groupLabel(kind)}</legend>
      <div class="inline">
        <label for={`color-${kind}`}>Colour</label>
        <input
          id={`color-${kind}`}
          type="color"
          value={style.color}
          onChange={(event) => onStyle(kind, { color: event.currentTarget.value })}
        />
        <label for={`hex-${kind}`} class="visually-hidden">
          {groupLabel(kind)} colour as #rrggbb
        </label>
        <input
          id={`hex-${kind}`}
          class="hex"
          type="text"
          value={hex}
          size={8}
          spellcheck={false}
          aria-invalid={!hexValid}
          aria-describedby={hexValid ? undefined : `hex-${kind}-error`}
          onInput={(event) => {
            const value = event.currentTarget.value.trim();
            setHex(value);
            if (HEX.test(value)) onStyle(kind, { color: value.toLowerCase() });
          }}
        />
      </div>
      {!hexValid && (
        <p id={`hex-${kind}-error`} class="field-error">
          Use six hex digits after #, like #2f80ed.
        </p>
      )}
      <div class="inline" role="radiogroup" aria-label={`${groupLabel(kind)}: how to mark`}>
        {(['background', 'underline'] as const).map((mode) => (
          <span key={mode} class="radio-row">
            <input
              type="radio"
              id={`mode-${kind}-${mode}`}
              name={`mode-${kind}`}
              checked={style.mode === mode}
              onChange={() => onStyle(kind, { mode })}
            />
            <label for={`mode-${kind}-${mode}`}>
              {mode === 'background' ? 'Background' : 'Underline'}
            </label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}

export function OptionsAppearance({ styles, onStyle }: OptionsAppearanceProps) {
  return (
    <section aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">Appearance</h2>
      <p class="hint">Changes show on open pages at once.</p>
      <StylePreview styles={styles} />
      <div class="kind-grid">
        {ENTITY_KINDS.map((kind) => (
          <KindControls key={kind} kind={kind} style={styles[kind]} onStyle={onStyle} />
        ))}
      </div>
    </section>
  );
}
