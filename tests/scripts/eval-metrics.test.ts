import { describe, expect, it } from 'vitest';
import { auroc, automationAtPrecision, ece, eceNoiseFloor, percentile, summarize } from '../../scripts/lib/eval-metrics.js';

describe('auroc', () => {
  it('is 1 when every positive outranks every negative, 0 when reversed', () => {
    expect(auroc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(auroc([0.1, 0.2, 0.8, 0.9], [true, true, false, false])).toBe(0);
  });

  it('counts ties as half', () => {
    expect(auroc([0.5, 0.5], [true, false])).toBe(0.5);
    // pairs: (0.9>0.5)=1, (0.9>0.3)=1, (0.5=0.5)=0.5, (0.5>0.3)=1 → 3.5/4
    expect(auroc([0.9, 0.5, 0.5, 0.3], [true, true, false, false])).toBe(0.875);
  });

  it('is null when one class is missing', () => {
    expect(auroc([0.1, 0.2], [true, true])).toBeNull();
  });
});

describe('automationAtPrecision', () => {
  it('picks the lowest threshold whose answers are still ≥ 90% right', () => {
    // Sorted by confidence: 9 right, then 1 wrong (10 answers, 90%), then 1 wrong, 1 right.
    const conf = [1, 0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92, 0.91, 0.5, 0.4];
    const right = [true, true, true, true, true, true, true, true, true, false, false, true];
    // in scope: 11 (the 0.5 one was out of scope) → 9 / 11
    expect(automationAtPrecision(conf, right, 11, 0.9)).toBeCloseTo(9 / 11, 10);
  });

  it('is 0 when even the most confident answer is wrong', () => {
    expect(automationAtPrecision([0.9, 0.1], [false, true], 2, 0.9)).toBe(0);
  });

  it('treats equal confidences as one threshold', () => {
    // Both at 0.8 are answered together: 1 of 2 right is below 90%.
    expect(automationAtPrecision([0.8, 0.8], [true, false], 2, 0.9)).toBe(0);
  });
});

describe('ece', () => {
  it('is 0 for a perfectly calibrated bin', () => {
    expect(ece([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).toBeCloseTo(0, 10);
  });

  it('weighs each bin by its share of queries', () => {
    // bin 9: conf 0.9, accuracy 0 (2 queries); bin 1: conf 0.1, accuracy 1 (2 queries)
    expect(ece([0.9, 0.9, 0.1, 0.1], [false, false, true, true])).toBeCloseTo(0.9, 10);
    // the 0.95 bin is right half the time (off by 0.45) and holds half the queries; the other is exact
    expect(ece([0.95, 0.95, 0.5, 0.5], [false, true, true, false])).toBeCloseTo(0.225, 10);
  });
});

describe('eceNoiseFloor', () => {
  it('is 0 when every confidence is 0 or 1 (nothing left to chance)', () => {
    expect(eceNoiseFloor([1, 0, 1, 0])).toBe(0);
  });

  it('shrinks with the number of queries, as sampling noise does', () => {
    const small = eceNoiseFloor(new Array(100).fill(0.5));
    const large = eceNoiseFloor(new Array(10_000).fill(0.5));
    // one bin at 0.5: the mean |share right − 0.5| is about 0.4/√n
    expect(small).toBeGreaterThan(0.03);
    expect(small).toBeLessThan(0.05);
    expect(large).toBeLessThan(0.005);
  });

  it('repeats for the same seed', () => {
    const conf = [0.2, 0.9, 0.6, 0.75, 0.33];
    expect(eceNoiseFloor(conf, 200, 10, 7)).toBe(eceNoiseFloor(conf, 200, 10, 7));
  });
});

describe('percentile and summarize', () => {
  it('uses nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 99)).toBe(99);
  });

  it('computes the contract fields at a threshold', () => {
    const r = summarize(
      [
        { expected: 'a', ranked: ['a', 'b'], confidence: 0.9, ms: 1 },
        { expected: 'b', ranked: ['a', 'b'], confidence: 0.8, ms: 2 },
        { expected: 'c', ranked: ['x', 'y', 'c'], confidence: 0.2, ms: 3 },
        { expected: null, ranked: ['a'], confidence: 0.3, ms: 4 },
      ],
      0.5,
    );
    expect(r).toMatchObject({ n: 3, oos: 1, top1: 1 / 3, top3: 1, precision: 0.5, coverage: 1 / 3, oosHandoff: 1 });
    expect(r.p99Ms).toBe(4);
  });
});

describe('robust to a confidence that is not a number', () => {
  it('automationAtPrecision ends, and summarize scores NaN as 0', () => {
    expect(automationAtPrecision([0.5, Number.NaN, 0.2], [true, false, true], 2)).toBeGreaterThanOrEqual(0);
    const report = summarize(
      [
        { expected: 'a', ranked: ['a'], confidence: Number.NaN, ms: 1 },
        { expected: 'b', ranked: ['b'], confidence: 0.95, ms: 1 },
      ],
      0.9,
    );
    expect(Number.isFinite(report.ece)).toBe(true);
    expect(report.coverage).toBe(0.5);
  });
});
