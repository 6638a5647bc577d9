import { describe, expect, it } from 'vitest';
import { queueOrder, slaState, type QueueItem } from '../../src/domain/sla';
import { scheduleSchema } from '../../src/domain/business-hours';

const T0 = Date.parse('2026-11-23T10:00:00Z');

describe('slaState', () => {
  const rows: Array<[string, { firstHumanReplyAt?: number; now: number }, { remainingMs: number; breached: boolean; replied: boolean }]> = [
    ['just queued', { now: T0 }, { remainingMs: 120_000, breached: false, replied: false }],
    ['half way', { now: T0 + 60_000 }, { remainingMs: 60_000, breached: false, replied: false }],
    ['exactly due is not late', { now: T0 + 120_000 }, { remainingMs: 0, breached: false, replied: false }],
    ['one ms late', { now: T0 + 120_001 }, { remainingMs: -1, breached: true, replied: false }],
    ['answered in time, long ago', { firstHumanReplyAt: T0 + 30_000, now: T0 + 3_600_000 }, { remainingMs: 90_000, breached: false, replied: true }],
    ['answered late stays breached', { firstHumanReplyAt: T0 + 200_000, now: T0 + 3_600_000 }, { remainingMs: -80_000, breached: true, replied: true }],
    ['answered exactly at due', { firstHumanReplyAt: T0 + 120_000, now: T0 + 500_000 }, { remainingMs: 0, breached: false, replied: true }],
  ];
  for (const [name, over, expected] of rows) {
    it(name, () => {
      const s = slaState({ waitingSince: T0, targetSeconds: 120, ...over });
      expect(s).toEqual({ dueAt: T0 + 120_000, ...expected });
    });
  }
});

describe('queueOrder', () => {
  const item = (id: string, priority: number, waitedMin: number, breached = false): QueueItem => ({
    id,
    priority,
    breached,
    waitingSince: T0 - waitedMin * 60_000,
  });

  it('urgent (complaints, legal threats, VIPs) above plain waiting; then breached first, then priority, then the longest waiting', () => {
    const items = [
      item('fresh-low', 0, 1),
      item('old-low', 0, 9),
      item('vip', 30, 1),
      item('late-low', 0, 20, true),
      item('legal', 40, 2),
      item('late-vip', 30, 15, true),
      item('old-vip', 30, 5),
    ];
    expect([...items].sort(queueOrder).map((i) => i.id)).toEqual([
      'late-vip',
      'legal',
      'old-vip',
      'vip',
      'late-low',
      'old-low',
      'fresh-low',
    ]);
  });

  it('breaks exact ties by id, so every instance agrees', () => {
    const a = item('b', 5, 3);
    const b = item('a', 5, 3);
    expect([a, b].sort(queueOrder).map((i) => i.id)).toEqual(['a', 'b']);
    expect([b, a].sort(queueOrder).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('is stable for items without id', () => {
    const items = Array.from({ length: 20 }, (_, n) => ({ priority: 1, waitingSince: T0, breached: false, n }));
    expect([...items].sort(queueOrder).map((i) => i.n)).toEqual(items.map((i) => i.n));
  });

  it('is antisymmetric and consistent over a grid', () => {
    const grid: QueueItem[] = [];
    for (const breached of [false, true]) for (const priority of [0, 10]) for (const w of [1, 5]) grid.push(item(`${breached}${priority}${w}`, priority, w, breached));
    for (const a of grid) for (const b of grid) expect(Math.sign(queueOrder(a, b))).toBe(-Math.sign(queueOrder(b, a)) || 0);
  });
});

describe('slaState in business hours', () => {
  // Open 09:00–21:00 Moscow (UTC+3) every day.
  const schedule = scheduleSchema.parse({
    timeZone: 'Europe/Moscow',
    weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['09:00', '21:00']]])),
  });
  const at = (iso: string) => Date.parse(iso);

  it('a chat handed off five minutes before closing is due five minutes after opening', () => {
    const waitingSince = at('2026-06-01T17:55:00Z'); // 20:55 Moscow
    const s = slaState({ waitingSince, targetSeconds: 600, now: at('2026-06-02T05:00:00Z'), schedule }); // 08:00 next day
    expect(s.dueAt).toBe(at('2026-06-02T06:05:00Z')); // 09:05 Moscow
    expect(s.breached).toBe(false);
    expect(s.remainingMs).toBe(5 * 60_000);
  });

  it('the night does not count, the open time does', () => {
    const waitingSince = at('2026-06-01T17:55:00Z');
    const s = slaState({ waitingSince, targetSeconds: 600, now: at('2026-06-02T06:10:00Z'), schedule }); // 09:10
    expect(s.breached).toBe(true);
    expect(s.remainingMs).toBe(-5 * 60_000);
  });

  it('handed off at night: the clock starts at opening', () => {
    const s = slaState({ waitingSince: at('2026-06-01T23:00:00Z'), targetSeconds: 120, now: at('2026-06-02T06:01:00Z'), schedule });
    expect(s.dueAt).toBe(at('2026-06-02T06:02:00Z'));
    expect(s.breached).toBe(false);
  });

  it('without a schedule the wall clock counts, as before', () => {
    const s = slaState({ waitingSince: at('2026-06-01T17:55:00Z'), targetSeconds: 600, now: at('2026-06-02T05:00:00Z') });
    expect(s.breached).toBe(true);
  });
});
