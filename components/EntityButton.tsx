// An entity as a clickable line: its kind icon, its name, and optionally how often it appears on the page.
import type { EntityRef } from '../lib/pages/models';
import { KindIcon } from './KindIcon';

export interface EntityButtonProps {
  entity: EntityRef;
  onSelect(entity: EntityRef): void;
  /** Mentions on the page; shown as a count badge. */
  count?: number;
  /** Extra words after the name (a relation, "2 of 5"). */
  note?: string;
  /** Accessible description of what a click does, e.g. "Show on page". */
  title?: string;
}

export function EntityButton({ entity, onSelect, count, note, title }: EntityButtonProps) {
  return (
    <button
      type="button"
      class="entity-button"
      data-entity-id={entity.id}
      data-kind={entity.kind}
      title={title}
      onClick={() => onSelect(entity)}
    >
      <KindIcon kind={entity.kind} />
      <span class="entity-text">
        <span class="entity-name">{entity.name}</span>
        {note ? <span class="entity-note">{note}</span> : null}
      </span>
      {count !== undefined ? (
        <>
          <span class="count-badge" aria-hidden="true">
            {count}
          </span>
          <span class="visually-hidden">
            , {count} {count === 1 ? 'mention' : 'mentions'}
          </span>
        </>
      ) : null}
    </button>
  );
}
