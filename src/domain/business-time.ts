import { instantOf, isOpen, localTime, nextOpening, type Schedule } from './business-hours';

/**
 * Time that counts only while the shop is open: an SLA of 10 minutes for a chat handed off at
 * 20:55 with the shop closing at 21:00 is due at 9:05 the next morning, not at 21:05.
 */

/** When the open period that holds `t` ends (t must be open). */
function openUntil(schedule: Schedule, t: number): number {
  const now = localTime(schedule.timeZone, t);
  const tz = schedule.timeZone;
  const ends: number[] = [];
  const day = (offset: number) => {
    const d = new Date(Date.UTC(now.year, now.month - 1, now.date + offset));
    return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, date: d.getUTCDate(), weekday: d.getUTCDay() };
  };
  const ranges = (weekday: number) =>
    (schedule.weekly[(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[weekday]!] ?? []).map(([a, b]) => [minutes(a), minutes(b)] as const);
  const today = day(0);
  const tomorrow = day(1);
  for (const [open, close] of ranges(today.weekday)) {
    if (close > open && now.minutes >= open && now.minutes < close) ends.push(instantOf(tz, today.y, today.m, today.date, close));
    if (close < open && now.minutes >= open) ends.push(instantOf(tz, tomorrow.y, tomorrow.m, tomorrow.date, close));
  }
  for (const [open, close] of ranges(day(-1).weekday)) {
    if (close < open && now.minutes < close) ends.push(instantOf(tz, today.y, today.m, today.date, close));
  }
  const end = ends.filter((e) => e > t);
  // A holiday or a zone quirk: step a minute rather than loop forever.
  return end.length > 0 ? Math.min(...end) : t + 60_000;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Open periods looked at before giving up: a year of daily openings. */
const MAX_PERIODS = 800;

/** Milliseconds of open time between `from` and `to`. */
export function businessElapsed(schedule: Schedule, from: number, to: number): number {
  let total = 0;
  let t = nextOpening(schedule, from);
  for (let i = 0; t !== null && t < to && i < MAX_PERIODS; i += 1) {
    const end = Math.min(openUntil(schedule, t), to);
    total += end - t;
    t = isOpen(schedule, end) ? end : nextOpening(schedule, end);
  }
  return total;
}

/** The instant when `durationMs` of open time has passed since `from`; null if it never does. */
export function businessDeadline(schedule: Schedule, from: number, durationMs: number): number | null {
  let left = durationMs;
  let t = nextOpening(schedule, from);
  for (let i = 0; t !== null && i < MAX_PERIODS; i += 1) {
    const end = openUntil(schedule, t);
    if (t + left <= end) return t + left;
    left -= end - t;
    t = isOpen(schedule, end) ? end : nextOpening(schedule, end);
  }
  return null;
}
