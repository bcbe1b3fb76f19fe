// How much to mark, as two groups of radio buttons: every mention or the first of each, the whole page or the article.
import { DENSITIES, type Density, type Marking, SCOPES, type Scope } from '../lib/shared/marking';

export interface MarkingChoiceProps {
  /** Prefixes the radios' ids and names (the popup and options have one each). */
  id: string;
  value: Marking;
  onChange(patch: Partial<Marking>): void;
  disabled?: boolean;
}

const DENSITY_LABELS: Record<Density, string> = {
  every: 'Every mention',
  first: 'First mention of each',
};
const SCOPE_LABELS: Record<Scope, string> = { page: 'Whole page', article: 'Article only' };

export function MarkingChoice({ id, value, onChange, disabled }: MarkingChoiceProps) {
  return (
    <div class="marking-choice">
      <fieldset class="choice">
        <legend>Highlight</legend>
        {DENSITIES.map((density) => (
          <span class="choice-option" key={density}>
            <input
              type="radio"
              id={`${id}-density-${density}`}
              name={`${id}-density`}
              checked={value.density === density}
              disabled={disabled}
              onChange={() => onChange({ density })}
            />
            <label for={`${id}-density-${density}`}>{DENSITY_LABELS[density]}</label>
          </span>
        ))}
      </fieldset>
      <fieldset class="choice">
        <legend>Read</legend>
        {SCOPES.map((scope) => (
          <span class="choice-option" key={scope}>
            <input
              type="radio"
              id={`${id}-scope-${scope}`}
              name={`${id}-scope`}
              checked={value.scope === scope}
              disabled={disabled}
              onChange={() => onChange({ scope })}
            />
            <label for={`${id}-scope-${scope}`}>{SCOPE_LABELS[scope]}</label>
          </span>
        ))}
      </fieldset>
    </div>
  );
}
