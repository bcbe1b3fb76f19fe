// A timeline of events across sources: in date order, each placed by the date it happened when the source says
// (relative words resolved against the source's publication date when the store kept none), otherwise by its
// source's date and marked so; events whose source is undated too come last, in the reader's order of sources.

/** A calendar date as the knowledge base writes it: "2025", "2025-08" or "2025-08-28". */
export type CalendarDate = string;

export interface TimelineEvent {
  id: string;
  title: string;
  /** In the source's own words ("Thursday", "just weeks ago"). */
  when?: string;
  /** The calendar date `when` stands for, as stored. */
  date?: CalendarDate;
  /** The source the event's first sentence is from. */
  source: { id: string; published?: string };
}

/**
 * How an event got its place: the date it happened ('dated'), its source's publication date because it states
 * none ('by-source'), or none at all ('undated').
 */
export type Placement =
  | { by: 'dated'; date: CalendarDate }
  | { by: 'by-source'; date: CalendarDate }
  | { by: 'undated' };

export interface TimelineEntry<E extends TimelineEvent = TimelineEvent> {
  event: E;
  placement: Placement;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const CALENDAR = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * The day a source's `published` stands for, when it is a machine date ("2017-01-13T03:38:38-05:00"; what meta
 * tags and JSON-LD give) or a date the platform reads unambiguously with a year ("13 January 2017"); else none.
 */
export function publishedDay(published: string | undefined): CalendarDate | undefined {
  const text = published?.trim();
  if (!text) return undefined;
  const iso = ISO_DAY.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  if (!/\b\d{4}\b/.test(text)) return undefined;
  const time = Date.parse(`${text} 12:00 UTC`);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Orders `events` (given in the reader's order of sources) for a timeline. `resolve` turns an event's `when` into a
 * calendar date against its source's day, for events stored without one (an imported dataset may give only words).
 */
export function timeline<E extends TimelineEvent>(
  events: readonly E[],
  resolve?: (when: string, sourceDay: CalendarDate | undefined) => CalendarDate | undefined,
): TimelineEntry<E>[] {
  const placed = events.map((event, order) => {
    const sourceDay = publishedDay(event.source.published);
    const stated =
      event.date && CALENDAR.test(event.date)
        ? event.date
        : event.when && resolve
          ? resolve(event.when, sourceDay)
          : undefined;
    const placement: Placement = stated
      ? { by: 'dated', date: stated }
      : sourceDay
        ? { by: 'by-source', date: sourceDay }
        : { by: 'undated' };
    return { event, placement, order };
  });
  placed.sort((a, b) => {
    const da = a.placement.by === 'undated' ? undefined : a.placement.date;
    const db = b.placement.by === 'undated' ? undefined : b.placement.date;
    if (da === undefined || db === undefined) {
      if (da !== db) return da === undefined ? 1 : -1;
      return a.order - b.order;
    }
    // "2025" before "2025-08" before "2025-08-28": a coarser date opens its period. A dated event comes before an
    // event placed on the same day by its source (which happened on or before that day).
    return (
      da.localeCompare(db) ||
      Number(a.placement.by === 'by-source') - Number(b.placement.by === 'by-source') ||
      a.order - b.order
    );
  });
  return placed.map(({ event, placement }) => ({ event, placement }));
}

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'June',
  'July',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];

/** A calendar date as a reader reads it: "28 Aug 2025", "Aug 2025", "2025" (as precise as it is). */
export function calendarLabel(date: CalendarDate): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}
