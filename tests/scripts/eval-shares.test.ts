import { describe, expect, it } from 'vitest';
import type { Decision } from '../../scripts/lib/eval-metrics.js';
import { cutVariants, parseShares, reportByShare, resampleToShare } from '../../scripts/lib/eval-shares.js';

const rows = (inScope: number, outOfScope: number): Array<{ id: number; expected: string | null }> => [
  ...Array.from({ length: inScope }, (_, i) => ({ id: i, expected: `e${i % 5}` })),
  ...Array.from({ length: outOfScope }, (_, i) => ({ id: inScope + i, expected: null })),
];
const oosShareOf = (xs: Array<{ expected: string | null }>): number => xs.filter((x) => x.expected === null).length / xs.length;

describe('resampleToShare', () => {
  it('keeps every in-scope row and no out-of-scope row at 0 %', () => {
    const out = resampleToShare(rows(30, 20), 0, 1)!;
    expect(out).toHaveLength(30);
    expect(oosShareOf(out)).toBe(0);
  });

  it('hits the share with as many rows as the scarcer kind allows, without repeats', () => {
    // 30 in scope, 20 out: at 50 % the out-of-scope rows limit it to 20 + 20.
    const half = resampleToShare(rows(30, 20), 0.5, 1)!;
    expect(half).toHaveLength(40);
    expect(oosShareOf(half)).toBe(0.5);
    expect(new Set(half.map((r) => r.id)).size).toBe(40);
    // at 30 % the in-scope rows limit it: 30 in, round(30 / 0.7 × 0.3) = 13 out.
    const third = resampleToShare(rows(30, 20), 0.3, 1)!;
    expect(third.filter((r) => r.expected !== null)).toHaveLength(30);
    expect(third.filter((r) => r.expected === null)).toHaveLength(13);
    // at 70 %: every out-of-scope row, round(20 / 0.7 × 0.3) = 9 in scope.
    const most = resampleToShare(rows(30, 20), 0.7, 1)!;
    expect(most.filter((r) => r.expected === null)).toHaveLength(20);
    expect(most.filter((r) => r.expected !== null)).toHaveLength(9);
  });

  it('draws the same rows for the same seed and other rows for another', () => {
    const ids = (seed: number): number[] => resampleToShare(rows(100, 100), 0.7, seed)!.map((r) => r.id);
    expect(ids(7)).toEqual(ids(7));
    expect(ids(7)).not.toEqual(ids(8));
  });

  it('is null for a share the set cannot show', () => {
    expect(resampleToShare(rows(10, 0), 0.3, 1)).toBeNull();
    expect(resampleToShare(rows(0, 10), 0.3, 1)).toBeNull();
  });
});

describe('parseShares', () => {
  it('reads per cent values', () => {
    expect(parseShares('0,30, 50,70')).toEqual([0, 0.3, 0.5, 0.7]);
  });

  it('refuses values outside [0, 100) or not numbers', () => {
    expect(() => parseShares('0,100')).toThrow(/--oos-shares/);
    expect(() => parseShares('a')).toThrow(/--oos-shares/);
    expect(() => parseShares('-5')).toThrow(/--oos-shares/);
  });
});

describe('reportByShare', () => {
  // 10 in scope (8 right at 0.95, 2 wrong at 0.95) and 10 out of scope (5 answered at 0.95).
  const decisions: Decision[] = [
    ...Array.from({ length: 8 }, () => ({ expected: 'a', ranked: ['a'], confidence: 0.95, ms: 0 })),
    ...Array.from({ length: 2 }, () => ({ expected: 'a', ranked: ['b'], confidence: 0.95, ms: 0 })),
    ...Array.from({ length: 5 }, () => ({ expected: null, ranked: ['a'], confidence: 0.95, ms: 0 })),
    ...Array.from({ length: 5 }, () => ({ expected: null, ranked: ['a'], confidence: 0.1, ms: 0 })),
  ];

  it('gives the precision the mix implies at each share', () => {
    const [zero, half] = reportByShare(decisions, 0.9, [0, 0.5], 1, 5);
    if (!zero || 'skipped' in zero || !half || 'skipped' in half) throw new Error('expected figures');
    expect(zero.precision).toBeCloseTo(0.8, 10);
    expect(zero.oosHandoff).toBeNull();
    expect(zero.oos).toBe(0);
    // 50 %: all 10 in scope and all 10 out: 8 right of 15 answers.
    expect(half.precision).toBeCloseTo(8 / 15, 10);
    expect(half.coverage).toBeCloseTo(0.8, 10);
    expect(half.oosHandoff).toBeCloseTo(0.5, 10);
    expect(half.n).toBe(10);
    expect(half.oos).toBe(10);
  });

  it('says which shares a set without out-of-scope queries cannot show', () => {
    const inOnly = decisions.slice(0, 10);
    const [zero, third] = reportByShare(inOnly, 0.9, [0, 0.3]);
    expect(zero && 'skipped' in zero).toBe(false);
    expect(third && 'skipped' in third).toBe(true);
  });
});

describe('cutVariants', () => {
  const kb = [
    { id: 'a', questions: ['a1', 'a2', 'a3', 'a4', 'a5'] },
    { id: 'b', questions: ['b1', 'b2'] },
  ];

  it('keeps at most n of each entry\'s own questions, the same ones for the same seed', () => {
    const cut = cutVariants(kb, 3, 1);
    expect(cut[0]!.questions).toHaveLength(3);
    for (const q of cut[0]!.questions) expect(kb[0]!.questions).toContain(q);
    expect(new Set(cut[0]!.questions).size).toBe(3);
    expect([...cut[1]!.questions].sort()).toEqual(['b1', 'b2']);
    expect(cutVariants(kb, 3, 1)).toEqual(cut);
    expect(kb[0]!.questions).toHaveLength(5);
  });
});
