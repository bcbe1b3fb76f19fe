// An inline "are you sure" for destructive actions: focus lands on the safe choice, Escape cancels.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface OptionsConfirmProps {
  /** Read by screen readers as the group's name. */
  legend: string;
  children?: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function OptionsConfirm({
  legend,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: OptionsConfirmProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  // The autofocus attribute is ignored for elements added after page load, so focus explicitly.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <fieldset
      class="confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <legend class="visually-hidden">{legend}</legend>
      {children}
      <button type="button" class="danger" onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" ref={cancel} onClick={onCancel}>
        {cancelLabel}
      </button>
    </fieldset>
  );
}
