import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  instantOf,
  isOpen,
  localTime,
  nextOpening,
  scheduleSchema,
  type Schedule,
} from '../../src/domain/business-hours';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const WORKDAYS = [['09:00', '18:00']];
const moscowOffice: Schedule = scheduleSchema.parse({
  timeZone: 'Europe/Moscow',
  weekly: { mon: WORKDAYS, tue: WORKDAYS, wed: WORKDAYS, thu: WORKDAYS, fri: WORKDAYS },
  holidays: ['2026-11-30'],
});
const DAILY = [['09:00', '17:00']];
const berlin: Schedule = scheduleSchema.parse({
  timeZone: 'Europe/Berlin',
  weekly: { mon: DAILY, tue: DAILY, wed: DAILY, thu: DAILY, fri: DAILY, sat: DAILY, sun: DAILY },
});

describe('isOpen', () => {
  const rows: Array<[string, Schedule, string, boolean]> = [
    ['Moscow default, 09:00 MSK opens', DEFAULT_SCHEDULE, '2026-11-23T06:00:00Z', true],
    ['Moscow default, 08:59 MSK closed', DEFAULT_SCHEDULE, '2026-11-23T05:59:00Z', false],
    ['Moscow default, 20:59 MSK open', DEFAULT_SCHEDULE, '2026-11-23T17:59:00Z', true],
    ['Moscow default, 21:00 MSK closed (end exclusive)', DEFAULT_SCHEDULE, '2026-11-23T18:00:00Z', false],
    ['Moscow office, Saturday noon closed', moscowOffice, '2026-11-28T09:00:00Z', false],
    ['Moscow office, Friday noon open', moscowOffice, '2026-11-27T09:00:00Z', true],
    ['Moscow office, holiday Monday closed', moscowOffice, '2026-11-30T09:00:00Z', false],
    ['Moscow office, Sunday 09:30 MSK closed', moscowOffice, '2026-11-22T06:30:00Z', false],
    // the UTC date is still Sunday while Moscow is already Monday 00:30
    ['local Monday while UTC says Sunday', scheduleSchema.parse({ timeZone: 'Europe/Moscow', weekly: { mon: [['00:00', '08:00']] } }), '2026-11-22T21:30:00Z', true],
    ['Berlin winter, 09:00 CET = 08:00Z', berlin, '2026-03-28T08:00:00Z', true],
    ['Berlin winter, 07:30Z = 08:30 CET closed', berlin, '2026-03-28T07:30:00Z', false],
    ['Berlin DST day, 07:30Z = 09:30 CEST open', berlin, '2026-03-29T07:30:00Z', true],
    ['Berlin DST day, 06:30Z = 08:30 CEST closed', berlin, '2026-03-29T06:30:00Z', false],
    ['Berlin summer, 15:30Z = 17:30 CEST closed', berlin, '2026-07-01T15:30:00Z', false],
    ['Berlin autumn change day, 15:30Z = 16:30 CET open', berlin, '2026-10-25T15:30:00Z', true],
  ];
  for (const [name, schedule, when, expected] of rows) {
    it(name, () => expect(isOpen(schedule, at(when))).toBe(expected));
  }
});

describe('nextOpening', () => {
  const rows: Array<[string, Schedule, string, string | null]> = [
    ['open now → now', DEFAULT_SCHEDULE, '2026-11-23T10:00:00Z', '2026-11-23T10:00:00.000Z'],
    ['Moscow evening → tomorrow 09:00', DEFAULT_SCHEDULE, '2026-11-23T19:00:00Z', '2026-11-24T06:00:00.000Z'],
    ['Moscow early morning → today 09:00', DEFAULT_SCHEDULE, '2026-11-23T03:00:00Z', '2026-11-23T06:00:00.000Z'],
    ['Friday evening → Monday, across the weekend', moscowOffice, '2026-11-20T15:30:00Z', '2026-11-23T06:00:00.000Z'],
    ['Friday evening, holiday Monday → Tuesday', moscowOffice, '2026-11-27T15:30:00Z', '2026-12-01T06:00:00.000Z'],
    ['Berlin: Saturday night → DST Sunday 09:00 CEST = 07:00Z', berlin, '2026-03-28T20:00:00Z', '2026-03-29T07:00:00.000Z'],
    ['Berlin: Saturday night → autumn Sunday 09:00 CET = 08:00Z', berlin, '2026-10-24T20:00:00Z', '2026-10-25T08:00:00.000Z'],
  ];
  for (const [name, schedule, when, expected] of rows) {
    it(name, () => expect(iso(nextOpening(schedule, at(when)))).toBe(expected));
  }

  it('is null when the schedule never opens', () => {
    expect(nextOpening(scheduleSchema.parse({ timeZone: 'Europe/Moscow' }), at('2026-11-23T10:00:00Z'))).toBeNull();
  });

  it('skips a long run of holidays', () => {
    const holidays = Array.from({ length: 10 }, (_, i) => `2027-01-${String(i + 1).padStart(2, '0')}`);
    const s = scheduleSchema.parse({ ...DEFAULT_SCHEDULE, holidays });
    expect(iso(nextOpening(s, at('2026-12-31T19:00:00Z')))).toBe('2027-01-11T06:00:00.000Z');
  });
});

describe('ranges crossing midnight', () => {
  const night = scheduleSchema.parse({ timeZone: 'Europe/Moscow', weekly: { fri: [['22:00', '02:00']] } });

  it('stay open after midnight and close at the end', () => {
    expect(isOpen(night, at('2026-11-27T19:30:00Z'))).toBe(true); // Fri 22:30
    expect(isOpen(night, at('2026-11-27T22:00:00Z'))).toBe(true); // Sat 01:00
    expect(isOpen(night, at('2026-11-28T00:00:00Z'))).toBe(false); // Sat 03:00
  });

  it('belong to the day they start on, holidays included', () => {
    const off = scheduleSchema.parse({ ...night, holidays: ['2026-11-27'] });
    expect(isOpen(off, at('2026-11-27T22:00:00Z'))).toBe(false);
  });

  it('"24:00" closes at midnight', () => {
    const late = scheduleSchema.parse({ timeZone: 'Europe/Moscow', weekly: { mon: [['20:00', '24:00']] } });
    expect(isOpen(late, at('2026-11-23T20:59:00Z'))).toBe(true);
    expect(isOpen(late, at('2026-11-23T21:00:00Z'))).toBe(false);
  });
});

describe('local time and DST edges', () => {
  it('reads the wall clock of the zone', () => {
    expect(localTime('Europe/Moscow', at('2026-11-22T21:30:00Z'))).toMatchObject({ iso: '2026-11-23', day: 1, minutes: 30 });
  });

  it('a wall time in the spring gap resolves to the jump itself', () => {
    // 02:30 does not exist in Berlin on 2026-03-29: the clock goes from 02:00 CET to 03:00 CEST (01:00Z).
    expect(iso(instantOf('Europe/Berlin', 2026, 3, 29, 150))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(instantOf('America/New_York', 2026, 3, 8, 150))).toBe('2026-03-08T07:00:00.000Z');
  });

  it('an opening in the spring gap: nextOpening names the first instant isOpen is true', () => {
    const schedule = scheduleSchema.parse({ timeZone: 'America/New_York', weekly: { sun: [['02:30', '10:00']] } });
    const opening = nextOpening(schedule, at('2026-03-08T06:50:00Z'))!; // 01:50 EST
    expect(iso(opening)).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(isOpen(schedule, opening)).toBe(true);
    expect(isOpen(schedule, opening - 60_000)).toBe(false);
  });

  it('a repeated autumn wall time resolves to its first occurrence', () => {
    expect(iso(instantOf('Europe/Berlin', 2026, 10, 25, 150))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('works east of UTC across the date line too', () => {
    expect(iso(instantOf('Pacific/Auckland', 2026, 7, 1, 9 * 60))).toBe('2026-06-30T21:00:00.000Z');
  });
});

describe('scheduleSchema', () => {
  it('rejects a zone that does not exist, bad times and bad dates', () => {
    expect(scheduleSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(scheduleSchema.safeParse({ timeZone: 'UTC', weekly: { mon: [['9:00', '18:00']] } }).success).toBe(false);
    expect(scheduleSchema.safeParse({ timeZone: 'UTC', weekly: { mon: [['25:00', '18:00']] } }).success).toBe(false);
    expect(scheduleSchema.safeParse({ timeZone: 'UTC', weekly: { mon: [['10:00', '10:00']] } }).success).toBe(false);
    expect(scheduleSchema.safeParse({ timeZone: 'UTC', holidays: ['31.12.2026'] }).success).toBe(false);
  });

  it('the default is Moscow, every day 09:00–21:00', () => {
    expect(DEFAULT_SCHEDULE.timeZone).toBe('Europe/Moscow');
    expect(Object.values(DEFAULT_SCHEDULE.weekly).every((r) => JSON.stringify(r) === '[["09:00","21:00"]]')).toBe(true);
  });
});
