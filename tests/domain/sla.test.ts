import { describe, expect, it } from 'vitest';
import { queueOrder, slaState, type QueueItem } from '../../src/domain/sla';

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

  it('breached first, then priority, then the longest waiting', () => {
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
      'late-low',
      'legal',
      'old-vip',
      'vip',
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
