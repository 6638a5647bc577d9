import { describe, expect, it } from 'vitest';
import { formatOpening, handoffNotice, whatToTell, type Availability, type AvailabilityInput, type OperatorLoad } from '../../src/domain/availability';

const NOW = Date.parse('2026-11-23T19:00:00Z'); // Monday 22:00 in Moscow
const TOMORROW_9 = Date.parse('2026-11-24T06:00:00Z');
const op = (capacity: number, active: number, online = true): OperatorLoad => ({ online, capacity, active });
const input = (over: Partial<AvailabilityInput>): AvailabilityInput => ({
  open: true,
  operators: [op(2, 0)],
  queueAhead: 0,
  nextOpeningMs: null,
  now: NOW,
  ...over,
});

describe('whatToTell', () => {
  const rows: Array<[string, Partial<AvailabilityInput>, Availability]> = [
    ['a free slot: a minute or two', { operators: [op(2, 1)] }, { kind: 'wait', minutes: 1, range: [0, 2] }],
    ['free slots cover the queue', { operators: [op(3, 0)], queueAhead: 2 }, { kind: 'wait', minutes: 1, range: [0, 2] }],
    ['the queue takes the last free slot', { operators: [op(2, 1)], queueAhead: 1 }, { kind: 'wait', minutes: 4, range: [2, 6] }],
    ['all busy: next of four slots', { operators: [op(2, 2), op(2, 2)], queueAhead: 3, avgHandleMinutes: 10 }, { kind: 'wait', minutes: 10, range: [6, 15] }],
    ['long queue, one slot', { operators: [op(1, 1)], queueAhead: 9, avgHandleMinutes: 8 }, { kind: 'wait', minutes: 75, range: [48, 120] }],
    ['offline operators do not count', { operators: [op(5, 0, false), op(1, 1)], queueAhead: 0, avgHandleMinutes: 6 }, { kind: 'wait', minutes: 6, range: [3, 9] }],
    ['closed: offline with the opening', { open: false, nextOpeningMs: TOMORROW_9 }, { kind: 'offline', nextOpeningMs: TOMORROW_9 }],
    ['closed even if someone lingers online', { open: false, operators: [op(3, 0)], nextOpeningMs: TOMORROW_9 }, { kind: 'offline', nextOpeningMs: TOMORROW_9 }],
    ['open but nobody online: no opening time', { operators: [op(2, 0, false)], nextOpeningMs: TOMORROW_9 }, { kind: 'offline', nextOpeningMs: null }],
    ['open, no operators at all', { operators: [] }, { kind: 'offline', nextOpeningMs: null }],
    ['online with zero capacity is nobody', { operators: [op(0, 0)] }, { kind: 'offline', nextOpeningMs: null }],
    ['an opening in the past is not shown', { open: false, nextOpeningMs: NOW - 1 }, { kind: 'offline', nextOpeningMs: null }],
  ];
  for (const [name, over, expected] of rows) {
    it(name, () => expect(whatToTell(input(over))).toEqual(expected));
  }

  it('uses 8 minutes per chat without history', () => {
    expect(whatToTell(input({ operators: [op(1, 1)], queueAhead: 0 }))).toMatchObject({ minutes: 8 });
  });

  it('never gets shorter as the queue grows, and the range holds the estimate', () => {
    let last = 0;
    for (let q = 0; q < 40; q++) {
      const r = whatToTell(input({ operators: [op(2, 2), op(3, 3)], queueAhead: q, avgHandleMinutes: 7 }));
      if (r.kind !== 'wait') throw new Error('expected a wait');
      expect(r.minutes).toBeGreaterThanOrEqual(last);
      expect(r.range[0]).toBeLessThanOrEqual(r.minutes);
      expect(r.range[1]).toBeGreaterThan(r.minutes);
      last = r.minutes;
    }
  });
});

describe('handoffNotice', () => {
  const moscow = { timeZone: 'Europe/Moscow', now: NOW };

  it('a free slot, in both languages', () => {
    const w: Availability = { kind: 'wait', minutes: 1, range: [0, 2] };
    expect(handoffNotice(w, 'en')).toMatch(/^An operator will join in a minute or two\./);
    expect(handoffNotice(w, 'ru')).toMatch(/^Оператор подключится через минуту-две\./);
  });

  it('a wait with its range', () => {
    const w: Availability = { kind: 'wait', minutes: 10, range: [6, 15] };
    expect(handoffNotice(w, 'en')).toContain('An operator will reply in about 10 minutes (usually 6–15).');
    expect(handoffNotice(w, 'ru')).toContain('Оператор ответит примерно через 10 минут (обычно от 6 до 15).');
  });

  it('declines "минута" as Russian does', () => {
    const text = (n: number) => handoffNotice({ kind: 'wait', minutes: n, range: [1, n + 5] }, 'ru');
    expect(text(3)).toContain('через 3 минуты');
    expect(text(21)).toContain('через 21 минуту');
    expect(text(12)).toContain('через 12 минут');
    expect(text(75)).toContain('через 75 минут');
  });

  it('offline, opening tomorrow', () => {
    const off = { kind: 'offline', nextOpeningMs: TOMORROW_9 } as const;
    expect(handoffNotice(off, 'ru', moscow)).toBe(
      'Сейчас мы не работаем. Оставьте e-mail или телефон — мы ответим, когда откроемся (завтра в 9:00 по московскому времени).',
    );
    expect(handoffNotice(off, 'en', moscow)).toBe(
      'We are closed right now. Leave your e-mail or phone number and we will reply when we open (tomorrow at 9:00 Moscow time).',
    );
  });

  it('offline with nobody online during hours promises no time', () => {
    const off = { kind: 'offline', nextOpeningMs: null } as const;
    for (const lang of ['ru', 'en'] as const) {
      const text = handoffNotice(off, lang, moscow);
      expect(text).not.toMatch(/откроемся|when we open|через|in about/);
      expect(text).toMatch(/e-mail/);
      expect(text).toMatch(/операторов нет|No operators are online/);
    }
  });

  it('an offline notice never reads like a wait', () => {
    const text = handoffNotice({ kind: 'offline', nextOpeningMs: TOMORROW_9 }, 'en', moscow);
    expect(text).not.toMatch(/will (reply|join) in/);
  });
});

describe('formatOpening', () => {
  it('today, weekday, and a date further off', () => {
    const morning = Date.parse('2026-11-23T03:00:00Z');
    expect(formatOpening(Date.parse('2026-11-23T06:00:00Z'), 'ru', { now: morning })).toBe('сегодня в 9:00 по московскому времени');
    const friday = Date.parse('2026-11-27T16:00:00Z');
    expect(formatOpening(Date.parse('2026-11-30T06:00:00Z'), 'ru', { now: friday })).toBe('в понедельник в 9:00 по московскому времени');
    expect(formatOpening(Date.parse('2026-12-01T06:00:00Z'), 'ru', { now: friday })).toBe('во вторник в 9:00 по московскому времени');
    expect(formatOpening(Date.parse('2027-01-11T06:00:00Z'), 'ru', { now: friday })).toBe('11 января в 9:00 по московскому времени');
    expect(formatOpening(Date.parse('2027-01-11T06:00:00Z'), 'en', {})).toBe('on 11 January at 9:00 Moscow time');
  });

  it('uses the schedule zone, summer time included', () => {
    const opening = Date.parse('2026-07-02T07:00:00Z');
    expect(formatOpening(opening, 'en', { timeZone: 'Europe/Berlin', now: Date.parse('2026-07-01T20:00:00Z') })).toBe('tomorrow at 9:00 Berlin time');
  });

  it('a zone without a city is said by its offset; a Russian zone by its adjective', () => {
    const opening = Date.parse('2026-07-02T07:00:00Z');
    expect(formatOpening(opening, 'en', { timeZone: 'UTC' })).toBe('on 2 July at 7:00 UTC');
    expect(formatOpening(opening, 'ru', { timeZone: 'Asia/Yekaterinburg' })).toBe('2 июля в 12:00 по екатеринбургскому времени');
    expect(formatOpening(opening, 'ru', { timeZone: 'Europe/Berlin' })).toBe('2 июля в 9:00 по времени UTC+2');
  });

  it('"tomorrow" follows the zone date, not the UTC date', () => {
    // 22:30 UTC Monday is already Tuesday 01:30 in Moscow: 09:00 Tuesday is "today"
    const now = Date.parse('2026-11-23T22:30:00Z');
    expect(formatOpening(TOMORROW_9, 'en', { timeZone: 'Europe/Moscow', now })).toBe('today at 9:00 Moscow time');
  });
});
