import { z } from 'zod';

/**
 * Business hours: a weekly schedule in one IANA time zone, minus holidays. Local time comes
 * from `Intl.DateTimeFormat` (edge-safe, DST-correct: the zone database does the work).
 *
 * A range is [open, close) in local wall time; "24:00" closes at midnight. A range whose close
 * is earlier than its open crosses midnight (["22:00","02:00"]) and belongs to the day it
 * starts on: a holiday closes the ranges that start on it. An opening that falls into a DST
 * gap (a wall time that does not exist) happens at the first instant after the gap.
 */

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type Day = (typeof DAYS)[number];

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM');
const range = z
  .tuple([hhmm, hhmm])
  .refine(([open, close]) => open !== '24:00' && open !== close, 'a range opens before 24:00 and is not empty');
const dayRanges = z.array(range).default([]);

export const scheduleSchema = z.object({
  timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Moscow'),
  weekly: z
    .object({ mon: dayRanges, tue: dayRanges, wed: dayRanges, thu: dayRanges, fri: dayRanges, sat: dayRanges, sun: dayRanges })
    .prefault({}),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')).default([]),
});
export type Schedule = z.infer<typeof scheduleSchema>;

const DAILY: [string, string][] = [['09:00', '21:00']];
export const DEFAULT_SCHEDULE: Schedule = scheduleSchema.parse({
  timeZone: 'Europe/Moscow',
  weekly: { mon: DAILY, tue: DAILY, wed: DAILY, thu: DAILY, fri: DAILY, sat: DAILY, sun: DAILY },
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A wall-clock reading in some zone. `day` is 0 = Sunday. */
export interface LocalTime {
  year: number;
  month: number;
  date: number;
  day: number;
  minutes: number;
  /** YYYY-MM-DD */
  iso: string;
}

// Building a formatter is the slow part; a zone's formatter never changes.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallParts(timeZone: string, ms: number): [number, number, number, number, number, number] {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return [parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, (parts.hour ?? 0) % 24, parts.minute ?? 0, parts.second ?? 0];
}

/** The wall-clock time in `timeZone` at the instant `ms`. */
export function localTime(timeZone: string, ms: number): LocalTime {
  const [year, month, date, hour, minute] = wallParts(timeZone, ms);
  const day = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return { year, month, date, day, minutes: hour * 60 + minute, iso: isoDate(year, month, date) };
}

/** The zone's offset from UTC at `ms`, in ms (Moscow: +3 h). */
export function zoneOffset(timeZone: string, ms: number): number {
  const [y, mo, d, h, mi, s] = wallParts(timeZone, ms);
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(ms / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/** The instant at which the wall clock in `timeZone` reads the given local date and minute. */
export function instantOf(timeZone: string, year: number, month: number, date: number, minutes: number): number {
  const wall = Date.UTC(year, month - 1, date, 0, minutes);
  // The offsets a day either side bracket any DST change near this wall time.
  const before = zoneOffset(timeZone, wall - DAY_MS);
  const after = zoneOffset(timeZone, wall + DAY_MS);
  const fits = [wall - before, wall - after].filter((t) => t + zoneOffset(timeZone, t) === wall);
  // Two fits: a repeated hour (autumn); the earlier one is the first time the clock reads it.
  if (fits.length > 0) return Math.min(...fits);
  // No fit: a spring-forward gap. The clock jumps over this wall time, so its first instant is
  // the jump itself (where isOpen, reading the wall clock, first sees it passed): search for it.
  let lo = wall - Math.max(before, after); // still on the old offset
  let hi = wall - Math.min(before, after); // already on the new one
  const old = zoneOffset(timeZone, lo);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zoneOffset(timeZone, mid) === old) lo = mid;
    else hi = mid;
  }
  return hi;
}

const MINUTE_MS = 60_000;

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function toMinutes(t: string): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
}

function rangesOn(schedule: Schedule, day: number): Array<[number, number]> {
  const key: Day = DAYS[day] ?? 'sun';
  return schedule.weekly[key].map(([a, b]) => [toMinutes(a), toMinutes(b)] as [number, number]);
}

/** Whether the schedule is open at the instant `nowMs`. */
export function isOpen(schedule: Schedule, nowMs: number): boolean {
  const now = localTime(schedule.timeZone, nowMs);
  const holidays = new Set(schedule.holidays);
  if (!holidays.has(now.iso)) {
    for (const [open, close] of rangesOn(schedule, now.day)) {
      if (close > open ? now.minutes >= open && now.minutes < close : now.minutes >= open) return true;
    }
  }
  // Yesterday's ranges that cross midnight are still open this morning.
  const y = new Date(Date.UTC(now.year, now.month - 1, now.date - 1));
  if (holidays.has(isoDate(y.getUTCFullYear(), y.getUTCMonth() + 1, y.getUTCDate()))) return false;
  return rangesOn(schedule, y.getUTCDay()).some(([open, close]) => close < open && now.minutes < close);
}

/** How far ahead nextOpening looks: a year of holidays is the longest closure worth reporting. */
const HORIZON_DAYS = 400;

/**
 * The first instant at or after `nowMs` when the schedule is open: `nowMs` itself when open
 * now, null when it never opens within a year (no ranges, or holidays all the way).
 */
export function nextOpening(schedule: Schedule, nowMs: number): number | null {
  if (isOpen(schedule, nowMs)) return nowMs;
  const today = localTime(schedule.timeZone, nowMs);
  const holidays = new Set(schedule.holidays);
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.date + i));
    const [y, m, date] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    if (holidays.has(isoDate(y, m, date))) continue;
    const starts = rangesOn(schedule, d.getUTCDay())
      .map(([open]) => instantOf(schedule.timeZone, y, m, date, open))
      .filter((t) => t > nowMs);
    if (starts.length > 0) return Math.min(...starts);
  }
  return null;
}
