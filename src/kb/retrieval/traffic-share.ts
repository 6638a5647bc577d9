/**
 * The out-of-scope share of the traffic a deployment actually sees, and the confidence it
 * implies. The calibrator is fitted at an assumed share (`trainShare`, default 0.2); real sites
 * range from almost none to two thirds of their questions out of scope, and a confidence fitted
 * at 0.2 is over-confident at 0.7. A second calibrated model, P(in scope | signals), lets the
 * share be estimated from unlabelled traffic (EM, Saerens, Latinne & Decaestecker 2002) and
 * every confidence be re-weighed for it (Bayes' rule on the prior odds).
 */

/** How far the share used may move: between a floor (no site is believed to be wholly in
 * scope) and a ceiling (no burst of odd traffic silences the bot altogether). */
export interface ShareBounds {
  min: number;
  max: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** P(in scope) at training prior `from`, re-weighed to prior `to` (shares of out-of-scope). */
export function shiftInScope(pIn: number, from: number, to: number): number {
  const p = clamp(pIn, 1e-6, 1 - 1e-6);
  const a = (p * (1 - to)) / (1 - from);
  const b = ((1 - p) * to) / from;
  return a / (a + b);
}

/** Queries are counted by their P(in scope) in this many equal bins: a few numbers to store. */
export const SHARE_BINS = 20;

export function binOf(pIn: number): number {
  return Math.min(SHARE_BINS - 1, Math.max(0, Math.floor((Number.isFinite(pIn) ? pIn : 0) * SHARE_BINS)));
}

/** Counts per bin of a batch of P(in scope) values. */
export function binCounts(pIns: number[]): number[] {
  const counts = new Array<number>(SHARE_BINS).fill(0);
  for (const p of pIns) counts[binOf(p)]!++;
  return counts;
}

/**
 * Maximum-likelihood out-of-scope share of a batch of queries, from their P(in scope) at the
 * training share, counted per bin (each bin stands at its centre): EM over the unknown prior,
 * each step re-weighing every posterior to the current share and averaging them (Saerens et
 * al. 2002). Unbounded; a deployment acts on `boundShare` of it.
 */
export function estimateOosShare(counts: number[], trainShare: number, iters = 200): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return trainShare;
  let share = trainShare;
  for (let it = 0; it < iters; it++) {
    let sum = 0;
    counts.forEach((c, b) => {
      if (c > 0) sum += c * (1 - shiftInScope((b + 0.5) / counts.length, trainShare, share));
    });
    const next = clamp(sum / total, 1e-4, 1 - 1e-4);
    if (Math.abs(next - share) < 1e-7) return next;
    share = next;
  }
  return share;
}

/** The share a deployment may act on: the estimate, held inside the bounds. */
export function boundShare(estimate: number, bounds: ShareBounds): number {
  return clamp(estimate, bounds.min, bounds.max);
}

/** The highest share acted on: the range of real sites (up to 70 % out of scope). */
export const MAX_SHARE = 0.7;
/**
 * The lowest share acted on. A site whose visitors ask almost only what the KB answers gets
 * confidences calibrated for that (measured: ece at 0 % out of scope .088 → .036 on
 * banking77-oos, precision still ≥ .92 everywhere), but no lower than this, so easy-looking
 * traffic can open the gate only so far. Chosen on the dev sets (0.05; RETRIEVAL-NOTES §23).
 */
export const MIN_SHARE = 0.05;
/** Fewer queries than this say too little about a site: the assumed share stays in use. */
export const MIN_SAMPLES = 200;

/** What a deployment knows about its traffic, and the share it acts on. */
export interface TrafficShare {
  /** queries counted (decayed) */
  samples: number;
  /** the EM estimate; null below MIN_SAMPLES */
  estimate: number | null;
  /** the share confidences are computed at: the assumed one, or the estimate within bounds */
  used: number;
  bounds: ShareBounds;
}

/**
 * The share in use for these counts: the estimate held in [MIN_SHARE, MAX_SHARE]; the assumed
 * share until MIN_SAMPLES queries were seen, so a handful of queries moves nothing.
 */
export function trafficShare(counts: number[], trainShare: number, minSamples = MIN_SAMPLES): TrafficShare {
  const samples = counts.reduce((a, b) => a + b, 0);
  const bounds = { min: Math.min(trainShare, MIN_SHARE), max: Math.max(trainShare, MAX_SHARE) };
  if (samples < minSamples) return { samples, estimate: null, used: trainShare, bounds };
  const estimate = estimateOosShare(counts, trainShare);
  return { samples, estimate, used: boundShare(estimate, bounds), bounds };
}

/**
 * The confidence at another out-of-scope share: P(right) = P(right | in scope) · P(in scope),
 * where only the second factor depends on the share. `confidence` and `pIn` are both at
 * `trainShare`. Unchanged when `share` is the training share.
 */
export function confidenceAtShare(confidence: number, pIn: number, trainShare: number, share: number): number {
  if (share === trainShare || !(pIn > 0)) return confidence;
  const givenIn = Math.min(1, confidence / pIn);
  return givenIn * shiftInScope(pIn, trainShare, share);
}
