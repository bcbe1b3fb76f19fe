// A message box for results and problems; errors are announced at once (role="alert"), the rest politely (role="status").
import type { ComponentChildren } from 'preact';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeProps {
  tone: NoticeTone;
  title?: string;
  children?: ComponentChildren;
  /** Buttons or links that act on the notice (export, dismiss…). */
  actions?: ComponentChildren;
  id?: string;
}

export function Notice({ tone, title, children, actions, id }: NoticeProps) {
  return (
    <div id={id} class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p class="notice-title">{title}</p>}
      {children}
      {actions && <div class="notice-actions">{actions}</div>}
    </div>
  );
}
