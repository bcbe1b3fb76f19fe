// Options: the entities the reader muted, each with an Unmute button.
export interface OptionsMutedProps {
  muted: string[];
  /** Display name of an entity id, if a dataset knows it. */
  nameOf: (id: string) => string | undefined;
  onUnmute: (id: string) => void;
}

export function OptionsMuted({ muted, nameOf, onUnmute }: OptionsMutedProps) {
  return (
    <section aria-labelledby="muted-heading">
      <h2 id="muted-heading">Muted names</h2>
      {muted.length === 0 ? (
        <p class="empty">
          Nothing muted. To stop a name being highlighted, choose “Mute” on its card.
        </p>
      ) : (
        <ul class="muted-list" aria-labelledby="muted-heading">
          {muted.map((id) => {
            const name = nameOf(id);
            return (
              <li key={id}>
                <span>{name ?? id}</span>
                {name === undefined && <span class="hint"> (not in any enabled dataset)</span>}
                <button
                  type="button"
                  aria-label={`Unmute ${name ?? id}`}
                  onClick={() => onUnmute(id)}
                >
                  Unmute
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
