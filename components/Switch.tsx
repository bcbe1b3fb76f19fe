// A labelled on/off switch: a real button with role="switch", so Space, Enter and screen readers work without extra code.
export interface SwitchProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** A longer explanation, read after the label. */
  hint?: string;
  disabled?: boolean;
}

export function Switch({ id, label, checked, onChange, hint, disabled }: SwitchProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="switch-row">
      <button
        type="button"
        role="switch"
        id={id}
        class="switch"
        aria-checked={checked}
        aria-describedby={hintId}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="switch-thumb" aria-hidden="true" />
      </button>
      <label for={id}>{label}</label>
      {hint && (
        <span id={hintId} class="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
