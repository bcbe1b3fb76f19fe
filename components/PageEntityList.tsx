// The entities found on a page, grouped by kind with counts: the side panel's "On this page" and the popup's list.
import type { EntityRef, PageGroup } from '../lib/pages/models';
import { EntityButton } from './EntityButton';

export interface PageEntityListProps {
  groups: PageGroup[];
  onSelect(entity: EntityRef): void;
  /** When given, each row also gets a button to open that entity's details. */
  onDetails?(entity: EntityRef): void;
  /** What a click does, for the button's title ("Show next mention on the page"). */
  actionTitle?: string;
  /** After a click: which mention is shown, to say "2 of 5" beside that entity. */
  position?: { entityId: string; index: number; total: number } | null;
  /** Heading level for the kind headings (the popup nests them lower). */
  headingLevel?: 2 | 3;
}

export function PageEntityList({
  groups,
  onSelect,
  onDetails,
  actionTitle,
  position,
  headingLevel = 2,
}: PageEntityListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="page-groups">
      {groups.map((group) => {
        const headingId = `group-${group.kind}`;
        return (
          <section key={group.kind} class="page-group" aria-labelledby={headingId}>
            <Heading id={headingId} class="group-heading">
              {group.label} <span class="group-count">({group.entities.length})</span>
            </Heading>
            <ul class="entity-list">
              {group.entities.map((entity) => (
                <li key={entity.id} class={onDetails ? 'with-details' : undefined}>
                  <EntityButton
                    entity={entity}
                    count={entity.count}
                    title={actionTitle}
                    note={
                      position && position.entityId === entity.id
                        ? `${position.index + 1} of ${position.total}`
                        : undefined
                    }
                    onSelect={onSelect}
                  />
                  {onDetails ? (
                    <button
                      type="button"
                      class="details-button"
                      aria-label={`Details about ${entity.name}`}
                      title="Details"
                      onClick={() => onDetails(entity)}
                    >
                      <span aria-hidden="true">›</span>
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
