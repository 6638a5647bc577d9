import { describe, expect, it } from 'vitest';
import {
  MAX_SHARE,
  MIN_SAMPLES,
  MIN_SHARE,
  SHARE_BINS,
  binCounts,
  confidenceAtShare,
  estimateOosShare,
  shiftInScope,
  trafficShare,
} from '../../../src/kb/retrieval/traffic-share';

/**
 * Counts from a model calibrated at share 0.2, as traffic with out-of-scope share `share`: two
 * kinds of query, at P(in scope) 0.975 and 0.025 (bin centres), with likelihoods chosen so those
 * posteriors are exact at 0.2.
 */
function countsAt(share: number, total = 10_000): number[] {
  const hi = SHARE_BINS - 1;
  const r = (p: number) => (0.2 / 0.8) * (p / (1 - p)); // f_in / f_out at a posterior p
  const pHi = (hi + 0.5) / SHARE_BINS;
  const pLo = 0.5 / SHARE_BINS;
  // g_hi (r_hi − 1) = g_lo (1 − r_lo): both likelihoods then sum to 1.
  const gLo = 1;
  const gHi = (1 - r(pLo)) / (r(pHi) - 1);
  const z = gLo + gHi;
  const fOut = [gLo / z, gHi / z];
  const fIn = [(gLo * r(pLo)) / z, (gHi * r(pHi)) / z];
  const counts = new Array<number>(SHARE_BINS).fill(0);
  counts[0] = total * ((1 - share) * fIn[0]! + share * fOut[0]!);
  counts[hi] = total * ((1 - share) * fIn[1]! + share * fOut[1]!);
  return counts;
}

describe('shiftInScope', () => {
  it('is the identity at the training share and falls as the share rises', () => {
    expect(shiftInScope(0.7, 0.2, 0.2)).toBeCloseTo(0.7, 10);
    expect(shiftInScope(0.7, 0.2, 0.5)).toBeLessThan(0.7);
    expect(shiftInScope(0.7, 0.2, 0.05)).toBeGreaterThan(0.7);
    // prior odds 4:1 → 1:1 divide the odds by 4: 0.8 (odds 4) becomes 0.5.
    expect(shiftInScope(0.8, 0.2, 0.5)).toBeCloseTo(0.5, 10);
  });
});

describe('estimateOosShare (EM over unlabelled confidences)', () => {
  it('recovers the share of traffic drawn from the calibrated model', () => {
    for (const share of [0.05, 0.2, 0.5, 0.7]) expect(estimateOosShare(countsAt(share), 0.2)).toBeCloseTo(share, 3);
  });

  it('is the training share when there is no traffic', () => {
    expect(estimateOosShare(new Array<number>(SHARE_BINS).fill(0), 0.2)).toBe(0.2);
  });
});

describe('trafficShare: the share a deployment acts on', () => {
  it('keeps the assumed share until enough queries were seen', () => {
    const few = countsAt(0.7, MIN_SAMPLES - 1);
    expect(trafficShare(few, 0.2)).toMatchObject({ estimate: null, used: 0.2 });
  });

  it('follows the estimate inside its bounds', () => {
    const t = trafficShare(countsAt(0.5), 0.2);
    expect(t.estimate).toBeCloseTo(0.5, 3);
    expect(t.used).toBeCloseTo(0.5, 3);
  });

  it('goes below the assumed share for an easy site, but never below MIN_SHARE', () => {
    expect(trafficShare(countsAt(0.1), 0.2).used).toBeCloseTo(0.1, 3);
    const t = trafficShare(countsAt(0.01), 0.2);
    expect(t.estimate).toBeLessThan(MIN_SHARE);
    expect(t.used).toBe(MIN_SHARE);
  });

  it('never goes above MAX_SHARE, so a burst of odd traffic cannot shut the bot up entirely', () => {
    const t = trafficShare(binCounts(new Array<number>(1000).fill(0.01)), 0.2);
    expect(t.estimate).toBeGreaterThan(0.9);
    expect(t.used).toBe(MAX_SHARE);
  });
});

describe('confidenceAtShare', () => {
  it('is unchanged at the training share, lower at a higher one, and keeps P(right | in scope)', () => {
    expect(confidenceAtShare(0.85, 0.9, 0.2, 0.2)).toBe(0.85);
    const at = confidenceAtShare(0.85, 0.9, 0.2, 0.7);
    expect(at).toBeLessThan(0.85);
    expect(at / shiftInScope(0.9, 0.2, 0.7)).toBeCloseTo(0.85 / 0.9, 10);
  });

  it('never exceeds 1, even when the two models disagree (confidence above P(in scope))', () => {
    expect(confidenceAtShare(0.95, 0.5, 0.2, 0.1)).toBeLessThanOrEqual(1);
  });
});
