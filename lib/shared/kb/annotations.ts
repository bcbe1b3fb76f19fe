// Turns hand-written annotations (quoted sentence text instead of character offsets) into a Dataset.
//
// Why: offsets counted by hand drift with every edit. An annotation names its evidence by a
// snippet of the source (`in`, or its own `text` when `in` is absent) that must occur in exactly
// one sentence; the builder finds that sentence with the same splitter the validator uses, so a
// built dataset always passes the provenance check — or the build fails naming the annotation.
// Used by scripts/kb-build.mjs (writes assets/kb/seed.json) and by the test that checks the
// committed seed.json is up to date.
import { z } from 'zod';
import {
  type Alias,
  type Dataset,
  type Entity,
  type Event,
  type Evidence,
  type Fact,
  type Figure,
  IdSchema,
  type Quote,
  type Relation,
  SCHEMA_VERSION,
} from './schema';
import { sentencesOf } from './sentences';

/** A plain string is a case-insensitive alias; short acronyms are written out as objects. */
const AliasAnnotation = z.union([
  z.string(),
  z.object({ text: z.string(), caseSensitive: z.boolean() }).strict(),
]);

const Snippet = z.string().min(1);

const FigureAnnotation = z
  .object({
    kind: z.string(),
    value: z.number(),
    unit: z.string().optional(),
    qualifier: z.string().optional(),
    text: z.string(),
    in: Snippet.optional(),
  })
  .strict();

export const AnnotationsSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    notes: z.string().optional(),
    source: z
      .object({
        id: IdSchema,
        /** The text ends just before this line (kept in the raw file, left out of the dataset). */
        endBeforeLine: z.string().optional(),
        url: z.string().optional(),
        publisher: z.string().optional(),
        published: z.string().optional(),
      })
      .strict(),
    entities: z.array(
      z
        .object({
          id: IdSchema,
          kind: z.string(),
          name: z.string(),
          aliases: z.array(AliasAnnotation),
          /** Phrases containing an alias that name something else (schema.ts, Entity.excludes). */
          excludes: z.array(AliasAnnotation).optional(),
          description: z.string().optional(),
          /** Snippet locating the description's sentence; defaults to the description itself. */
          descriptionIn: Snippet.optional(),
        })
        .strict(),
    ),
    facts: z.array(
      z.object({ entity: IdSchema, text: z.string(), in: Snippet.optional() }).strict(),
    ),
    quotes: z.array(
      z
        .object({
          id: IdSchema,
          speaker: IdSchema,
          text: z.string(),
          context: z.string().optional(),
          in: Snippet.optional(),
        })
        .strict(),
    ),
    events: z.array(
      z
        .object({
          id: IdSchema,
          title: z.string(),
          when: z.string().optional(),
          where: z.array(IdSchema),
          participants: z.array(IdSchema),
          figures: z.array(FigureAnnotation),
          /** One snippet per evidence sentence. */
          evidence: z.array(Snippet).min(1),
        })
        .strict(),
    ),
    relations: z.array(
      z
        .object({
          subject: IdSchema,
          predicate: z.string(),
          object: IdSchema,
          text: z.string(),
          in: Snippet.optional(),
        })
        .strict(),
    ),
    ignoredNames: z.array(z.string()).optional(),
  })
  .strict();

export type Annotations = z.infer<typeof AnnotationsSchema>;

/** The annotated article's text: the raw file, cut before `endBeforeLine` if given. */
export function sourceText(raw: string, annotations: Annotations): string {
  const marker = annotations.source.endBeforeLine;
  if (marker === undefined) return raw;
  const at = raw.indexOf(`\n${marker}`);
  if (at < 0) throw new Error(`source.endBeforeLine: "${marker}" is not a line of the raw text`);
  return raw.slice(0, at);
}

/** Builds the dataset; throws an Error listing every annotation whose snippet cannot be placed. */
export function buildDataset(annotations: Annotations, raw: string): Dataset {
  const text = sourceText(raw, annotations);
  const sourceId = annotations.source.id;
  const sentences = sentencesOf(text);
  const problems: string[] = [];

  const locate = (where: string, snippet: string): Evidence => {
    const hits = sentences.filter((s) => text.slice(s.start, s.end).includes(snippet));
    if (hits.length !== 1) {
      problems.push(
        `${where}: "${snippet}" is in ${hits.length} sentences; it must name exactly one (add or lengthen "in")`,
      );
      return { source: sourceId, start: 0, end: 1 };
    }
    const hit = hits[0] as { start: number; end: number };
    return { source: sourceId, start: hit.start, end: hit.end };
  };

  const toAlias = (a: string | Alias): Alias =>
    typeof a === 'string' ? { text: a, caseSensitive: false } : a;
  const entities: Entity[] = annotations.entities.map((e) => {
    const entity: Entity = {
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases.map(toAlias),
    };
    if (e.excludes !== undefined) entity.excludes = e.excludes.map(toAlias);
    if (e.description !== undefined) {
      entity.description = e.description;
      entity.descriptionEvidence = locate(`entity ${e.id}`, e.descriptionIn ?? e.description);
    }
    return entity;
  });

  const factCounts = new Map<string, number>();
  const facts: Fact[] = annotations.facts.map((f) => {
    const n = (factCounts.get(f.entity) ?? 0) + 1;
    factCounts.set(f.entity, n);
    const id = `${f.entity.slice(0, 56)}-fact-${n}`;
    return { id, entity: f.entity, text: f.text, evidence: locate(`fact ${id}`, f.in ?? f.text) };
  });

  const quotes: Quote[] = annotations.quotes.map((q) => {
    const quote: Quote = {
      id: q.id,
      speaker: q.speaker,
      text: q.text,
      evidence: locate(`quote ${q.id}`, q.in ?? q.text),
    };
    if (q.context !== undefined) quote.context = q.context;
    return quote;
  });

  const events: Event[] = annotations.events.map((e) => {
    const figures: Figure[] = e.figures.map((f, i) => {
      const figure: Figure = {
        kind: f.kind,
        value: f.value,
        text: f.text,
        evidence: locate(`event ${e.id} figure ${i}`, f.in ?? f.text),
      };
      if (f.unit !== undefined) figure.unit = f.unit;
      if (f.qualifier !== undefined) figure.qualifier = f.qualifier;
      return figure;
    });
    const event: Event = {
      id: e.id,
      title: e.title,
      where: e.where,
      participants: e.participants,
      figures,
      evidence: e.evidence.map((snippet, i) => locate(`event ${e.id} evidence ${i}`, snippet)),
    };
    if (e.when !== undefined) event.when = e.when;
    return event;
  });

  const relationIds = new Set<string>();
  const relations: Relation[] = annotations.relations.map((r) => {
    let id = `${r.subject}-${r.predicate}-${r.object}`.slice(0, 60);
    for (let n = 2; relationIds.has(id); n++) id = `${id.slice(0, 58)}-${n}`;
    relationIds.add(id);
    return {
      id,
      subject: r.subject,
      predicate: r.predicate,
      object: r.object,
      text: r.text,
      evidence: locate(`relation ${id}`, r.in ?? r.text),
    };
  });

  if (problems.length > 0)
    throw new Error(`Cannot build dataset "${annotations.id}":\n${problems.join('\n')}`);

  const title = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')).trim();
  const { id: _id, endBeforeLine: _end, ...sourceMeta } = annotations.source;
  return {
    schemaVersion: SCHEMA_VERSION,
    id: annotations.id,
    name: annotations.name,
    ...(annotations.notes !== undefined ? { notes: annotations.notes } : {}),
    sources: [{ id: sourceId, title, text, ...sourceMeta }],
    entities,
    facts,
    quotes,
    events,
    relations,
    ...(annotations.ignoredNames !== undefined ? { ignoredNames: annotations.ignoredNames } : {}),
  };
}
