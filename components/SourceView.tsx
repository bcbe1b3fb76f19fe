// The side panel's source view: the article as text, its entity mentions marked, the sentence the reader came for emphasised.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourceDocument, SourceSegment } from '../lib/pages/models';
import { OptionsConfirm } from './OptionsConfirm';

export interface SourceViewProps {
  source: SourceDocument;
  /** Removes a saved article (after the reader confirms); absent where removing is not offered. */
  onRemove?(datasetId: string, title: string): void;
}

export function SourceView({ source, onRemove }: SourceViewProps) {
  const root = useRef<HTMLElement | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { saved } = source;
  useEffect(() => {
    const target = root.current?.querySelector<HTMLElement>('.emphasis');
    if (!target) return;
    // Smooth scrolling only when the reader has not asked for less motion.
    const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    target.scrollIntoView?.({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    target.focus({ preventScroll: true });
  }, [source]);
  return (
    <article class="source-view" aria-labelledby="detail-title" ref={root}>
      <header class="detail-header">
        <p class="eyebrow">Source article</p>
        <h1 id="detail-title" class="detail-title" tabIndex={-1}>
          {source.title}
        </h1>
        {source.published ? <p class="hint">{source.published}</p> : null}
        {saved && onRemove ? (
          <div class="source-actions">
            <span class="hint">
              Saved by you on {new Date(saved.savedAt).toLocaleDateString()}.
            </span>{' '}
            {confirming ? (
              <OptionsConfirm
                legend={`Confirm removing ${source.title}`}
                confirmLabel="Remove this article"
                cancelLabel="Keep"
                onConfirm={() => {
                  setConfirming(false);
                  onRemove(saved.datasetId, source.title);
                }}
                onCancel={() => setConfirming(false)}
              >
                <span>
                  Its names, facts, quotes and events go from every page and view; people and places
                  another article names stay.
                </span>
              </OptionsConfirm>
            ) : (
              <button type="button" class="small" onClick={() => setConfirming(true)}>
                Remove this article…
              </button>
            )}
          </div>
        ) : null}
      </header>
      {source.paragraphs.map((paragraph, p) => (
        <p key={p}>
          {groupRuns(paragraph).map((run, r) => {
            const content = run.segments.map((segment, s) => <Segment key={s} segment={segment} />);
            if (!run.emphasised) return content;
            return (
              <strong key={`e${r}`} class="emphasis" tabIndex={-1}>
                {content}
              </strong>
            );
          })}
        </p>
      ))}
    </article>
  );
}

function Segment({ segment }: { segment: SourceSegment }) {
  if (!segment.entity) return <>{segment.text}</>;
  return (
    <mark class="mention" data-kind={segment.entity.kind} data-entity-id={segment.entity.id}>
      {segment.text}
    </mark>
  );
}

/** Consecutive segments with the same emphasis, so an emphasised sentence is one element. */
function groupRuns(
  segments: SourceSegment[],
): { emphasised: boolean; segments: SourceSegment[] }[] {
  const runs: { emphasised: boolean; segments: SourceSegment[] }[] = [];
  for (const segment of segments) {
    const emphasised = segment.emphasised === true;
    const last = runs[runs.length - 1];
    if (last && last.emphasised === emphasised) last.segments.push(segment);
    else runs.push({ emphasised, segments: [segment] });
  }
  return runs;
}
