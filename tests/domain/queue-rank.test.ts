import { describe, expect, it } from 'vitest';
import { queueScore } from '../../src/domain/queue-rank';
import { queueOrder } from '../../src/domain/sla';

describe('queueScore', () => {
  it('sorts a group (all breached, or none) exactly as queueOrder does, ties broken by id', () => {
    const T = 1_800_000_000_000;
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const items = Array.from({ length: 400 }, (_, i) => ({
      id: `c${rnd(1000)}-${i}`,
      priority: [0, 1, 10, 40, 47, 1000, -5][rnd(7)]!,
      waitingSince: T - rnd(5) * 60_000,
      breached: false,
    }));
    const byScore = [...items].sort((a, b) => queueScore(a.priority, a.waitingSince) - queueScore(b.priority, b.waitingSince) || (a.id < b.id ? -1 : 1));
    expect(byScore.map((i) => i.id)).toEqual([...items].sort(queueOrder).map((i) => i.id));
  });

  it('keeps every key an exact integer however high the priority', () => {
    expect(Number.isSafeInteger(queueScore(1e9, Date.UTC(2100, 0, 1)))).toBe(true);
    expect(queueScore(400, 0)).toBe(queueScore(1e9, 0));
  });
});
