// Cross-item rules a per-field schema cannot express: ids unique and resolvable, and provenance —
// every evidence span is one whole sentence of its source and contains the item's text verbatim;
// a quote's words are quoted there, a figure's value is the number its words state, and an
// event's `when` appears verbatim in one of its evidence sentences.

import { compileMatcher } from '../match/matcher';
import { sameNumber, statedNumbers } from './numbers';
import { isQuoted } from './quotation';
import type {
  DatasetIssue,
  Entity,
  Event,
  Evidence,
  Fact,
  Figure,
  Quote,
  Relation,
  Source,
} from './schema';
import { isSentence } from './sentences';

/** A dataset's items that passed their own schema, each with its index in the original array (for paths). */
export interface IndexedItems {
  sources: Indexed<Source>[];
  entities: Indexed<Entity>[];
  facts: Indexed<Fact>[];
  quotes: Indexed<Quote>[];
  events: Indexed<Event>[];
  relations: Indexed<Relation>[];
}

export interface Indexed<T> {
  index: number;
  item: T;
}

/** Shortens a text for an error message. */
function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function checkDuplicates(
  section: string,
  items: readonly Indexed<{ id: string }>[],
  issues: DatasetIssue[],
): void {
  const seen = new Map<string, number>();
  for (const { index, item } of items) {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, index);
    else
      issues.push({
        path: `${section}[${index}].id`,
        message: `duplicate id "${item.id}" (also ${section}[${first}])`,
      });
  }
}

/**
 * Checks one evidence span: the source exists, the span lies inside its text, is exactly one
 * sentence, and contains `verbatim` (when given). `owner` names the item in messages. Returns the
 * sentence when the span is one (even if `verbatim` is not in it), null when it is not or cannot be checked.
 */
function checkEvidence(
  path: string,
  evidence: Evidence,
  sources: ReadonlyMap<string, Source>,
  owner: string,
  verbatim: { field: string; text: string } | null,
  issues: DatasetIssue[],
  skipSources: ReadonlySet<string>,
): string | null {
  const source = sources.get(evidence.source);
  if (!source && skipSources.has(evidence.source)) return null;
  if (!source) {
    issues.push({
      path: `${path}.source`,
      message: `${owner}: unknown source "${evidence.source}"`,
    });
    return null;
  }
  if (evidence.end > source.text.length) {
    issues.push({
      path: `${path}.end`,
      message: `${owner}: span ${evidence.start}–${evidence.end} lies outside the text of "${source.id}" (${source.text.length} characters)`,
    });
    return null;
  }
  if (!isSentence(source.text, evidence.start, evidence.end)) {
    issues.push({
      path,
      message: `${owner}: span ${evidence.start}–${evidence.end} of "${source.id}" is not exactly one sentence ("${preview(source.text.slice(evidence.start, evidence.end))}")`,
    });
    return null;
  }
  const sentence = source.text.slice(evidence.start, evidence.end);
  if (verbatim && !sentence.includes(verbatim.text)) {
    issues.push({
      path: verbatim.field,
      message: `${owner}: "${preview(verbatim.text)}" does not appear verbatim in its evidence sentence`,
    });
  }
  return sentence;
}

/** A figure's value must be a number its own words state: {value: 22, text: "killed at least 21 people"} is a typo. */
function checkFigureValue(
  path: string,
  figure: Figure,
  owner: string,
  issues: DatasetIssue[],
): void {
  const stated = statedNumbers(figure.text).map((n) => n.value);
  if (stated.some((value) => sameNumber(value, figure.value))) return;
  issues.push({
    path: `${path}.value`,
    message:
      stated.length === 0
        ? `${owner}: value ${figure.value} is not stated by its text "${preview(figure.text)}", which gives no number`
        : `${owner}: value ${figure.value} is not the number its text "${preview(figure.text)}" states (${stated.join(', ')})`,
  });
}

/** An exclusion must contain one of the entity's names as the matcher reads them, or it hides nothing of its own. */
function checkExclusions(path: string, entity: Entity, issues: DatasetIssue[]): void {
  if (!entity.excludes?.length) return;
  const names = compileMatcher([
    { aliases: [{ text: entity.name, caseSensitive: false }, ...entity.aliases] },
  ]);
  entity.excludes.forEach((exclusion, i) => {
    if (names.find(exclusion.text).length > 0) return;
    issues.push({
      path: `${path}.excludes[${i}].text`,
      message: `entity "${entity.id}": exclusion "${preview(exclusion.text)}" contains none of its names, so it excludes nothing`,
    });
  });
}

function checkReference(
  path: string,
  id: string,
  entities: ReadonlySet<string>,
  owner: string,
  role: string,
  issues: DatasetIssue[],
): void {
  if (!entities.has(id))
    issues.push({ path, message: `${owner}: ${role} "${id}" is not an entity of this dataset` });
}

/**
 * Every cross-item problem of `items`, with JSON paths into the original dataset. `malformed`
 * holds ids of entities and sources that exist but failed their own schema (already reported):
 * references to them are not reported again, and spans into such a source cannot be checked.
 */
export function validateItems(
  items: IndexedItems,
  malformed: { entities: ReadonlySet<string>; sources: ReadonlySet<string> } = {
    entities: new Set(),
    sources: new Set(),
  },
): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  checkDuplicates('sources', items.sources, issues);
  checkDuplicates('entities', items.entities, issues);
  checkDuplicates('facts', items.facts, issues);
  checkDuplicates('quotes', items.quotes, issues);
  checkDuplicates('events', items.events, issues);
  checkDuplicates('relations', items.relations, issues);

  const sources = new Map(items.sources.map(({ item }) => [item.id, item]));
  const entityIds = new Set([...items.entities.map(({ item }) => item.id), ...malformed.entities]);

  for (const { index, item } of items.entities) {
    const path = `entities[${index}]`;
    checkExclusions(path, item, issues);
    if (item.descriptionEvidence) {
      checkEvidence(
        `${path}.descriptionEvidence`,
        item.descriptionEvidence,
        sources,
        `entity "${item.id}"`,
        item.description ? { field: `${path}.description`, text: item.description } : null,
        issues,
        malformed.sources,
      );
    }
  }
  for (const { index, item } of items.facts) {
    const path = `facts[${index}]`;
    const owner = `fact "${item.id}"`;
    checkReference(`${path}.entity`, item.entity, entityIds, owner, 'entity', issues);
    checkEvidence(
      `${path}.evidence`,
      item.evidence,
      sources,
      owner,
      { field: `${path}.text`, text: item.text },
      issues,
      malformed.sources,
    );
  }
  for (const { index, item } of items.quotes) {
    const path = `quotes[${index}]`;
    const owner = `quote "${item.id}"`;
    checkReference(`${path}.speaker`, item.speaker, entityIds, owner, 'speaker', issues);
    const sentence = checkEvidence(
      `${path}.evidence`,
      item.evidence,
      sources,
      owner,
      { field: `${path}.text`, text: item.text },
      issues,
      malformed.sources,
    );
    // Words the source does not put in quotation marks are a paraphrase or a fact, not a quote.
    if (sentence?.includes(item.text) && !isQuoted(sentence, item.text)) {
      issues.push({
        path: `${path}.text`,
        message: `${owner}: "${preview(item.text)}" is not inside quotation marks (“…”, "…", ‘…’, «…») in its evidence sentence`,
      });
    }
  }
  for (const { index, item } of items.events) {
    const path = `events[${index}]`;
    const owner = `event "${item.id}"`;
    item.where.forEach((id, i) => {
      checkReference(`${path}.where[${i}]`, id, entityIds, owner, 'place', issues);
    });
    item.participants.forEach((id, i) => {
      checkReference(`${path}.participants[${i}]`, id, entityIds, owner, 'participant', issues);
    });
    const sentences = item.evidence.map((evidence, i) =>
      checkEvidence(
        `${path}.evidence[${i}]`,
        evidence,
        sources,
        owner,
        null,
        issues,
        malformed.sources,
      ),
    );
    // `when` is "as the source states it": checked once every evidence span is a sentence.
    if (item.when !== undefined && sentences.every((sentence) => sentence !== null)) {
      const when = item.when;
      if (!sentences.some((sentence) => sentence?.includes(when)))
        issues.push({
          path: `${path}.when`,
          message: `${owner}: when "${preview(when)}" does not appear verbatim in any of its evidence sentences`,
        });
    }
    item.figures.forEach((figure, i) => {
      const figurePath = `${path}.figures[${i}]`;
      checkEvidence(
        `${figurePath}.evidence`,
        figure.evidence,
        sources,
        `${owner} figure ${i} (${figure.kind})`,
        { field: `${figurePath}.text`, text: figure.text },
        issues,
        malformed.sources,
      );
      checkFigureValue(figurePath, figure, `${owner} figure ${i} (${figure.kind})`, issues);
    });
  }
  for (const { index, item } of items.relations) {
    const path = `relations[${index}]`;
    const owner = `relation "${item.id}"`;
    checkReference(`${path}.subject`, item.subject, entityIds, owner, 'subject', issues);
    checkReference(`${path}.object`, item.object, entityIds, owner, 'object', issues);
    checkEvidence(
      `${path}.evidence`,
      item.evidence,
      sources,
      owner,
      { field: `${path}.text`, text: item.text },
      issues,
      malformed.sources,
    );
  }
  return issues;
}
