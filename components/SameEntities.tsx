// Beside an entity: the names merged into it (with a way apart) and those that may be the same (confirm, or "not the
// same", which is remembered). Merging says so with an undo.
import { useState } from 'preact/hooks';
import type { EntityRef, MergedEntity, SameCandidate } from '../lib/pages/models';
import { KindIcon } from './KindIcon';
import { Notice } from './Notice';

export interface SameEntitiesProps {
  entity: EntityRef;
  merged: MergedEntity[];
  candidates: SameCandidate[];
  /** Takes `other` as this entity from now on; null when done, else why not. */
  onMerge(other: EntityRef): Promise<string | null>;
  /** Gives `other` back its own entity, as it was. */
  onUnmerge(other: EntityRef): Promise<void>;
  /** Remembers that `other` is someone or something else: never suggested again. */
  onNotSame(other: EntityRef): Promise<void>;
}

type Said =
  | { what: 'merged'; other: EntityRef }
  | { what: 'apart'; other: EntityRef }
  | { what: 'distinct'; other: EntityRef }
  | { what: 'refused'; other: EntityRef; why: string };

export function SameEntities(props: SameEntitiesProps) {
  const { entity, merged, candidates } = props;
  const [said, setSaid] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  if (merged.length === 0 && candidates.length === 0 && !said) return null;

  const act = async (work: () => Promise<Said | null>) => {
    setBusy(true);
    try {
      setSaid(await work());
    } finally {
      setBusy(false);
    }
  };
  const merge = (other: EntityRef) =>
    act(async () => {
      const why = await props.onMerge(other);
      return why ? { what: 'refused', other, why } : { what: 'merged', other };
    });
  const apart = (other: EntityRef) =>
    act(async () => {
      await props.onUnmerge(other);
      return { what: 'apart', other };
    });
  const distinct = (other: EntityRef) =>
    act(async () => {
      await props.onNotSame(other);
      return { what: 'distinct', other };
    });

  return (
    <section aria-labelledby="same-heading" class="detail-section same-entities">
      <h2 id="same-heading">Across your sources</h2>
      {said?.what === 'merged' ? (
        <Notice
          tone="success"
          title={`${said.other.name} is shown as ${entity.name} now.`}
          actions={
            <button type="button" disabled={busy} onClick={() => apart(said.other)}>
              Undo
            </button>
          }
        >
          <p>Its names highlight as {entity.name}, and its facts and quotes are listed here.</p>
        </Notice>
      ) : said?.what === 'apart' ? (
        <Notice tone="success" title={`${said.other.name} stands on its own again.`} />
      ) : said?.what === 'distinct' ? (
        <Notice
          tone="success"
          title={`Noted: ${said.other.name} is not ${entity.name}. It won’t be suggested again.`}
        />
      ) : said?.what === 'refused' ? (
        <Notice tone="error" title={`${said.other.name} was not merged`}>
          <p>{said.why}</p>
        </Notice>
      ) : null}

      {merged.length > 0 ? (
        <>
          <p class="muted">Shown as one with:</p>
          <ul class="same-list" aria-label="Shown as one">
            {merged.map(({ entity: other, how }) => (
              <li key={other.id} class="same-item">
                <KindIcon kind={other.kind} />
                <span class="same-name">{other.name}</span>
                <span class="muted same-why">
                  {how === 'certain' ? 'same full name and kind' : 'you said so'}
                </span>
                <button
                  type="button"
                  class="small"
                  disabled={busy}
                  aria-label={`Separate ${other.name} from ${entity.name}`}
                  onClick={() => apart(other)}
                >
                  Separate
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {candidates.length > 0 ? (
        <>
          <p class="muted">May be the same {entity.kind === 'person' ? 'person' : 'one'}:</p>
          <ul class="same-list" aria-label="May be the same">
            {candidates.map(({ entity: other, why }) => (
              <li key={other.id} class="same-item">
                <KindIcon kind={other.kind} />
                <span class="same-name">{other.name}</span>
                <span class="muted same-why">{why}</span>
                <span class="same-actions">
                  <button
                    type="button"
                    class="small"
                    disabled={busy}
                    aria-label={`Same as ${entity.name}: merge ${other.name}`}
                    onClick={() => merge(other)}
                  >
                    Same
                  </button>
                  <button
                    type="button"
                    class="small"
                    disabled={busy}
                    aria-label={`Not the same: ${other.name} is not ${entity.name}`}
                    onClick={() => distinct(other)}
                  >
                    Not the same
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
