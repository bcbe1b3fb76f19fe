// A calm explanation where a list would be: why it is empty and, when there is one, the action that fills it.
import type { ComponentChildren } from 'preact';

export interface EmptyStateProps {
  title: string;
  children?: ComponentChildren;
  action?: ComponentChildren;
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div class="empty-state" role="status">
      <p class="empty-title">{title}</p>
      {children ? <div class="empty-text">{children}</div> : null}
      {action ? <div class="empty-action">{action}</div> : null}
    </div>
  );
}
