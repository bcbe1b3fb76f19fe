// Finds dated events and figures: sentences that say when something happened (chrono-node, anchored to the publication date) or count it.
//
// Anchoring: "Thursday" in an article published on Thursday 28 August 2025 is that day; a bare
// weekday means the most recent such day on or before publication, unless the sentence speaks of
// the future ("will", "plans", "next"), then the next one on or after it. Without a publication date
// only dates that name their year are resolved (or, when the caller passes `now`, relative ones
// against it). "In 1997" gives a year; "in June" a month. Each event keeps `when` verbatim.
// An event is one sentence, or several of one paragraph that resolve to the same date; a sentence
// with figures but no date joins the paragraph's event, or becomes an undated event of its own.
import * as chrono from 'chrono-node';
import { LIMITS } from '../../shared/kb/schema';
import { sentencesOf } from '../../shared/kb/sentences';
import type { SpeakerInfo } from './attribution';
import { findFigures } from './figures';
import { shorten } from './inert-text';
import type { Mention } from './mentions';
import type {
  DraftEvent,
  DraftFigure,
  DraftWhen,
  EntityRef,
  Evidence,
  Omission,
  Paragraph,
} from './types';

export interface EventInput {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly mentions: readonly Mention[];
  readonly info: (ref: EntityRef) => SpeakerInfo | undefined;
  readonly sourceId: string;
  /** Prefix of the event ids (the article's key). */
  readonly key: string;
  /** The publication day (YYYY-MM-DD), the anchor for relative dates. */
  readonly anchor: string | undefined;
  readonly now: Date | undefined;
}

const MAX_EVENTS = 300;
const FUTURE_WORDS = new Set([
  'will',
  'would',
  "'ll",
  'plans',
  'plan',
  'planning',
  'scheduled',
  'expected',
  'due',
  'going',
  'next',
  'upcoming',
  'set',
  'shall',
]);
const PAST_WORDS = new Set([
  'said',
  'told',
  'was',
  'were',
  'had',
  'did',
  'met',
  'came',
  'went',
  'took',
  'made',
  'gave',
  'began',
  'fell',
  'rose',
  'died',
  'left',
  'held',
  'won',
  'lost',
]);

/**
 * Whether the verb nearest a date expression speaks of the future: "officials said late Thursday"
 * is past although the sentence "plans" something; "On Friday, the administration will announce" is future.
 */
function speaksOfFuture(sentence: string, start: number, end: number): boolean {
  let best: { distance: number; future: boolean } | undefined;
  for (const match of sentence.matchAll(/[\p{L}']+/gu)) {
    const word = match[0].toLowerCase();
    const future = FUTURE_WORDS.has(word);
    const past =
      PAST_WORDS.has(word) ||
      (/ed$/u.test(word) && word.length > 4 && word !== 'expected' && word !== 'scheduled');
    if (!future && !past) continue;
    const at = match.index;
    const distance = at < start ? start - at : at >= end ? at - end : 0;
    if (!best || distance < best.distance) best = { distance, future };
  }
  return best?.future ?? false;
}
const YEAR =
  /\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Ii]n early|[Ii]n late)\s+(1[89]\d\d|20\d\d)\b(?![-–/]\d)/u;

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

interface FoundWhen extends DraftWhen {
  /** Offset of `text` in the sentence. */
  at: number;
}

/**
 * Words without which a sentence states no date chrono-node is asked to read (a bare year is read
 * by YEAR below): checked first, since chrono costs ~1 ms a sentence.
 */
const DATE_HINT =
  /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:today|tonight|yesterday|tomorrow|ago|last|next|this|week|weeks|month|months|year|years|morning|evening|night|weekend|noon|midnight)\b/iu;

/** The first date expression of a sentence, resolved against `anchor` (a UTC noon Date) when relative. */
function findWhen(sentence: string, anchor: Date | undefined): FoundWhen | undefined {
  const results = !DATE_HINT.test(sentence)
    ? []
    : chrono.parse(sentence, {
        instant: anchor ?? new Date(Date.UTC(2000, 0, 1, 12)),
        timezone: 0,
      });
  for (const result of results) {
    const start = result.start;
    const weekday = start.get('weekday');
    const hasDate =
      start.isCertain('day') ||
      start.isCertain('month') ||
      start.isCertain('year') ||
      weekday !== null;
    if (!hasDate) continue; // a time of day alone
    const text = result.text.replace(/[\s,.;:]+$/u, '');
    if (text === '' || /^\d{1,2}$/u.test(text)) continue;
    // A span of time is not when something happened: "in ten years’ time", "within two weeks", "the year to January".
    if (
      /^(?:in|within|for|over|during|after|before)\b.*\b(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b/iu.test(
        text,
      ) ||
      /\bthe year to\b/iu.test(text)
    )
      continue;
    // "now" is no date; "Today" capitalised inside a sentence is a name ("the Today programme").
    if (/^(?:now|right now|just now)$/iu.test(text)) continue;
    if (
      /^(?:Today|Tonight|Tomorrow|Yesterday)\b/u.test(text) &&
      result.index > 0 &&
      !/[.!?:“"]\s*$/u.test(sentence.slice(0, result.index))
    )
      continue;
    let date: string | undefined;
    // Only a stated year makes a date absolute ("within two weeks" is certain only relative to the anchor).
    const relative = !/\b\d{4}\b/u.test(result.text);
    if (relative && !anchor) date = undefined;
    else if (
      !start.isCertain('day') &&
      !start.isCertain('month') &&
      weekday !== null &&
      weekday !== undefined &&
      anchor
    ) {
      // A bare weekday: the nearest such day before publication, or after it for the future.
      const future = speaksOfFuture(sentence, result.index, result.index + result.text.length);
      const anchorDay = anchor.getUTCDay();
      const delta = future ? (weekday - anchorDay + 7) % 7 : -((anchorDay - weekday + 7) % 7);
      date = isoDay(new Date(anchor.getTime() + delta * 86_400_000));
    } else if (
      !start.isCertain('year') &&
      start.isCertain('month') &&
      !start.isCertain('day') &&
      anchor
    ) {
      // "in June": the last June before publication, or the next one for the future.
      const month = (start.get('month') ?? 1) - 1;
      const future = speaksOfFuture(sentence, result.index, result.index + result.text.length);
      const anchorMonth = anchor.getUTCMonth();
      let year = anchor.getUTCFullYear();
      if (!future && month > anchorMonth) year--;
      if (future && month < anchorMonth) year++;
      date = `${year}-${pad(month + 1)}`;
    } else {
      const d = start.date();
      if (start.isCertain('day') || start.get('weekday') !== null) date = isoDay(d);
      else if (start.isCertain('month')) date = isoDay(d).slice(0, 7);
      else date = String(d.getUTCFullYear());
    }
    return { text, date, at: result.index + result.text.indexOf(text) };
  }
  const year = YEAR.exec(sentence);
  if (year?.[1]) {
    const text = year[0];
    return { text, date: year[1], at: year.index };
  }
  return undefined;
}

/**
 * The calendar date words such as "Thursday" or "in June" stand for in a source published on `day` (YYYY-MM-DD),
 * read as extraction reads them; undefined when they name no date or are relative with no day to anchor them.
 */
export function resolveWhen(when: string, day: string | undefined): string | undefined {
  return findWhen(when, anchorDate(day, undefined))?.date;
}

function anchorDate(anchor: string | undefined, now: Date | undefined): Date | undefined {
  if (anchor) return new Date(`${anchor}T12:00:00Z`);
  if (now) return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12));
  return undefined;
}

interface Building {
  paragraph: number;
  when: FoundWhen | undefined;
  title: string;
  evidence: Evidence[];
  figures: DraftFigure[];
  refs: EntityRef[];
}

/** The events of the text's body paragraphs. */
export function findEvents(input: EventInput): { events: DraftEvent[]; omitted: Omission[] } {
  const { text, paragraphs, sourceId } = input;
  const anchor = anchorDate(input.anchor, input.now);
  const omitted: Omission[] = [];
  const building: Building[] = [];
  let mentionIndex = 0;
  const sentences = sentencesOf(text);
  let p = 0;
  for (const sentence of sentences) {
    while (p < paragraphs.length && (paragraphs[p]?.end ?? 0) < sentence.start) p++;
    const paragraph = paragraphs[p];
    if (!paragraph || paragraph.heading) continue;
    const body = text.slice(sentence.start, sentence.end);
    if (body.length > LIMITS.text) continue;
    const when = findWhen(body, anchor);
    const figures = findFigures(body).map(
      (figure): DraftFigure => ({
        kind: figure.kind,
        value: figure.value,
        unit: figure.unit,
        qualifier: figure.qualifier,
        text: body.slice(figure.start, figure.end),
        evidence: { source: sourceId, start: sentence.start, end: sentence.end },
      }),
    );
    if (!when && figures.length === 0) continue;
    while (
      mentionIndex < input.mentions.length &&
      (input.mentions[mentionIndex]?.start ?? 0) < sentence.start
    )
      mentionIndex++;
    const refs: EntityRef[] = [];
    for (
      let m = mentionIndex;
      m < input.mentions.length && (input.mentions[m]?.start ?? 0) < sentence.end;
      m++
    ) {
      const ref = input.mentions[m]?.ref;
      if (ref && !refs.some((r) => r.source === ref.source && r.id === ref.id)) refs.push(ref);
    }
    const evidence: Evidence = { source: sourceId, start: sentence.start, end: sentence.end };
    const last = building[building.length - 1];
    // Figures without a date join their paragraph's event; a date of its own starts a new one unless it is the same.
    const joins =
      last !== undefined &&
      last.paragraph === p &&
      (when === undefined || (last.when?.date !== undefined && last.when.date === when.date));
    if (joins) {
      last.evidence.push(evidence);
      last.figures.push(...figures);
      for (const ref of refs)
        if (!last.refs.some((r) => r.source === ref.source && r.id === ref.id)) last.refs.push(ref);
      continue;
    }
    building.push({
      paragraph: p,
      when,
      title: shorten(body, 200),
      evidence: [evidence],
      figures,
      refs,
    });
  }
  if (building.length > MAX_EVENTS)
    omitted.push({
      what: 'event',
      preview: building[MAX_EVENTS]?.title ?? '',
      reason: `more than ${MAX_EVENTS} events; the rest are left out`,
    });
  const events = building.slice(0, MAX_EVENTS).map((event, i): DraftEvent => {
    const kindOf = (ref: EntityRef) => input.info(ref)?.kind;
    return {
      id: `${input.key}-event-${i + 1}`,
      title: event.title,
      when: event.when ? { text: event.when.text, date: event.when.date } : undefined,
      where: event.refs.filter((ref) => kindOf(ref) === 'place').slice(0, LIMITS.perItemList),
      participants: event.refs
        .filter((ref) => kindOf(ref) !== 'place')
        .slice(0, LIMITS.perItemList),
      figures: event.figures.slice(0, LIMITS.perItemList),
      evidence: event.evidence.slice(0, LIMITS.perItemList) as [Evidence, ...Evidence[]],
    };
  });
  return { events, omitted };
}
