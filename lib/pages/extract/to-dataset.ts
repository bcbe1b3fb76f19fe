// Turns a reviewed draft into a dataset in the knowledge base's format (schema 1), ready for parseDataset and storage.
//
// Defaults (no decisions): proposed candidates, known entities, facts and events are kept;
// "unsure" candidates are left out; a quote is kept only with a speaker, since the format requires one.
// References to dictionary entities need the entity in the same file (the format resolves ids
// within a dataset), so each known entity the article mentions is carried as a copy with the
// dictionary's id, name and aliases; the knowledge base keeps the first dataset's copy of an id.
// A quotation over several paragraphs becomes one quote per part (one evidence sentence each),
// with ids `<quote id>-1`, `-2`, … so every id stays stable whatever the reader decides.
import {
  type Alias,
  type Dataset,
  type Entity,
  type Fact,
  type KbEvent,
  LIMITS,
  type Quote,
  SCHEMA_VERSION,
} from '../../shared/kb/schema';
import type { CandidateDecision, Decisions } from './decisions';
import { optionalField, shorten } from './inert-text';
import type { Draft, EntityCandidate, EntityRef, KnownFound } from './types';

const key = (ref: EntityRef) => `${ref.source}:${ref.id}`;

function addAlias(aliases: Alias[], alias: Alias, name: string): void {
  if (aliases.length >= LIMITS.aliases) return;
  if (alias.text === name && !alias.caseSensitive) return;
  if (aliases.some((a) => a.text === alias.text && a.caseSensitive === alias.caseSensitive)) return;
  if (!optionalField(alias.text, LIMITS.name) || alias.text.length > LIMITS.name) return;
  aliases.push(alias);
}

/** The dataset a draft becomes once the reader's decisions are applied (everything proposed is accepted by default). */
export function draftToDataset(draft: Draft, decisions: Decisions = {}): Dataset {
  const candidates = new Map(draft.candidates.map((c) => [c.ref.id, c]));
  const knownById = new Map(draft.known.map((k) => [k.ref.id, k]));

  /** Where a reference ends up after merges and rejections (undefined: not saved). */
  const resolve = (ref: EntityRef, depth = 0): EntityRef | undefined => {
    if (depth > 20) return undefined; // a merge cycle: keep neither
    if (ref.source === 'known')
      return decisions.known?.[ref.id]?.action === 'reject' ? undefined : ref;
    const candidate = candidates.get(ref.id);
    if (!candidate) return undefined;
    const decision: CandidateDecision | undefined = decisions.candidates?.[ref.id];
    if (decision?.action === 'reject') return undefined;
    if (decision?.action === 'merge') return resolve(decision.into, depth + 1);
    if (decision?.action !== 'accept' && candidate.status === 'unsure') return undefined;
    return ref;
  };

  // Entities: kept candidates, and copies of the known entities anything refers to.
  const entities = new Map<string, Entity>();
  const knownEntity = (found: KnownFound | undefined, id: string): Entity | undefined => {
    const existing = entities.get(`known:${id}`);
    if (existing) return existing;
    if (!found) return undefined;
    const entity: Entity = { id, kind: found.kind, name: found.name, aliases: [] };
    for (const alias of found.aliases) addAlias(entity.aliases, alias, found.name);
    if (found.excludes?.length) entity.excludes = found.excludes.slice(0, LIMITS.aliases);
    entities.set(`known:${id}`, entity);
    return entity;
  };
  for (const found of draft.known) if (resolve(found.ref)) knownEntity(found, found.ref.id);
  const ordered: EntityCandidate[] = [...draft.candidates];
  for (const candidate of ordered) {
    if (resolve(candidate.ref)?.id !== candidate.ref.id || resolve(candidate.ref)?.source !== 'new')
      continue;
    const decision = decisions.candidates?.[candidate.ref.id];
    const rename =
      decision?.action === 'accept' ? optionalField(decision.name, LIMITS.name) : undefined;
    const name = rename ?? candidate.name;
    const entity: Entity = {
      id: candidate.ref.id,
      kind: (decision?.action === 'accept' ? decision.kind : undefined) ?? candidate.kind,
      name,
      aliases: [],
    };
    if (rename && rename !== candidate.name)
      addAlias(entity.aliases, { text: candidate.name, caseSensitive: false }, name);
    for (const alias of candidate.aliases) addAlias(entity.aliases, alias, name);
    const role = candidate.role;
    if (
      role &&
      role.text.length <= LIMITS.shortText &&
      optionalField(role.text, LIMITS.shortText) === role.text
    ) {
      const sentence = draft.article.text.slice(role.evidence.start, role.evidence.end);
      if (sentence.includes(role.text)) {
        entity.description = role.text;
        entity.descriptionEvidence = role.evidence;
      }
    }
    entities.set(`new:${candidate.ref.id}`, entity);
  }
  // Merged candidates lend their names to the entity they join.
  for (const candidate of ordered) {
    const target = resolve(candidate.ref);
    if (!target || key(target) === key(candidate.ref)) continue;
    const entity =
      target.source === 'known'
        ? knownEntity(knownById.get(target.id), target.id)
        : entities.get(key(target));
    if (!entity) continue;
    addAlias(entity.aliases, { text: candidate.name, caseSensitive: false }, entity.name);
    for (const alias of candidate.aliases) addAlias(entity.aliases, alias, entity.name);
  }
  const entityId = (ref: EntityRef): string | undefined => {
    const target = resolve(ref);
    if (!target) return undefined;
    const entity =
      target.source === 'known'
        ? knownEntity(knownById.get(target.id), target.id)
        : entities.get(key(target));
    return entity?.id;
  };

  const facts: Fact[] = [];
  const factSeen = new Set<string>();
  for (const fact of draft.facts) {
    if (decisions.facts?.[fact.id]?.action === 'reject') continue;
    const entity = entityId(fact.about);
    if (!entity) continue;
    const dedupe = `${entity}@${fact.evidence.start}`;
    if (factSeen.has(dedupe)) continue;
    factSeen.add(dedupe);
    facts.push({ id: fact.id, entity, text: fact.text, evidence: fact.evidence });
  }

  const quotes: Quote[] = [];
  for (const quote of draft.quotes) {
    const decision = decisions.quotes?.[quote.id];
    if (decision?.action === 'reject') continue;
    const chosen =
      decision?.action === 'accept' && decision.speaker
        ? decision.speaker
        : quote.attribution.status === 'attributed'
          ? quote.attribution.speaker
          : undefined;
    const speaker = chosen ? entityId(chosen) : undefined;
    if (!speaker) continue;
    quote.parts.forEach((part, i) => {
      quotes.push({
        id: quote.parts.length === 1 ? quote.id : `${quote.id}-${i + 1}`,
        speaker,
        text: part.text,
        evidence: part.evidence,
      });
    });
  }

  const events: KbEvent[] = [];
  for (const event of draft.events) {
    if (decisions.events?.[event.id]?.action === 'reject') continue;
    const ids = (refs: readonly EntityRef[]) => [
      ...new Set(refs.flatMap((ref) => entityId(ref) ?? [])),
    ];
    const saved: KbEvent = {
      id: event.id,
      title: shorten(event.title, LIMITS.shortText),
      where: ids(event.where),
      participants: ids(event.participants),
      figures: event.figures.map((figure) => ({
        kind: figure.kind,
        value: figure.value,
        ...(figure.unit ? { unit: figure.unit } : {}),
        ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
        text: figure.text,
        evidence: figure.evidence,
      })),
      evidence: [...event.evidence],
    };
    if (event.when && event.when.text.length <= LIMITS.name) {
      saved.when = event.when.text;
      if (event.when.date) saved.date = event.when.date;
    }
    events.push(saved);
  }

  const { article } = draft;
  const source: Dataset['sources'][number] = {
    id: draft.sourceId,
    title: article.title,
    text: article.text,
  };
  if (article.siteName) source.publisher = article.siteName;
  if (article.published) source.published = article.published;
  if (article.url) source.url = article.url;
  return {
    schemaVersion: SCHEMA_VERSION,
    id: draft.datasetId,
    name: optionalField(decisions.datasetName, LIMITS.name) ?? shorten(article.title, LIMITS.name),
    sources: [source],
    entities: [...entities.values()],
    facts,
    quotes,
    events,
    relations: [],
  };
}
