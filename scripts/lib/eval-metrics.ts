/** One query's outcome, whatever engine produced it. */
export interface Decision {
  expected: string | null;
  /** entry ids, best first */
  ranked: string[];
  confidence: number;
  ms: number;
  /** P(in scope) at the assumed share, for engines that have it (traffic-share following) */
  pIn?: number;
}

/** The fields of the eval contract (shared/datasets/README.md); names must not change. */
export interface EvalReport {
  top1: number;
  top3: number;
  auroc: number | null;
  a90: number;
  precision: number | null;
  coverage: number;
  oosHandoff: number | null;
  ece: number;
  p50Ms: number;
  p99Ms: number;
  n: number;
  oos: number;
}

/** Mann–Whitney AUROC with average ranks for ties; null when one class is empty. */
export function auroc(scores: number[], positive: boolean[]): number | null {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const avg = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) ranks[order[t]![1]] = avg;
    i = j + 1;
  }
  let pos = 0;
  let rankSum = 0;
  positive.forEach((p, i) => {
    if (p) {
      pos++;
      rankSum += ranks[i]!;
    }
  });
  const neg = scores.length - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * Automation at a precision floor: over every threshold (each distinct confidence), keep those
 * where right answers / answers given ≥ floor, and return the best right answers / inScope.
 */
export function automationAtPrecision(
  scores: number[],
  right: boolean[],
  inScope: number,
  floor = 0.9,
): number {
  if (inScope === 0) return 0;
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  let answered = 0;
  let good = 0;
  let best = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    // do … while: each pass takes at least one score, even one that equals nothing (NaN).
    do {
      answered++;
      if (right[order[j]![1]]) good++;
      j++;
    } while (j < order.length && order[j]![0] === order[i]![0]);
    if (good / answered >= floor) best = Math.max(best, good / inScope);
    i = j;
  }
  return best;
}

/** Expected calibration error over equal-width bins of confidence. */
export function ece(conf: number[], right: boolean[], bins = 10): number {
  if (conf.length === 0) return 0;
  const sumC = new Array<number>(bins).fill(0);
  const sumR = new Array<number>(bins).fill(0);
  const cnt = new Array<number>(bins).fill(0);
  conf.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(c * bins)));
    sumC[b]! += c;
    sumR[b]! += right[i] ? 1 : 0;
    cnt[b]!++;
  });
  let e = 0;
  for (let b = 0; b < bins; b++) {
    if (cnt[b]! > 0) e += Math.abs(sumR[b]! - sumC[b]!) / conf.length;
  }
  return e;
}

/**
 * The ECE a perfectly calibrated model with these very confidences would show, on average, on
 * a set of this size: each query is right with exactly its confidence, drawn `draws` times
 * (seeded, so the figure repeats). Few queries per bin make ECE noisy; read a set's ece
 * against this floor.
 */
export function eceNoiseFloor(conf: number[], draws = 1000, bins = 10, seed = 1): number {
  if (conf.length === 0) return 0;
  const random = seededRandom(seed);
  let total = 0;
  for (let d = 0; d < draws; d++) total += ece(conf, conf.map((c) => random() < c), bins);
  return total / draws;
}

/** A small seeded generator (LCG), uniform in [0, 1): the eval's draws repeat run after run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(raw: Decision[], threshold: number): EvalReport {
  // A confidence that is not a number is no confidence: scored as 0, so no loop over them hangs.
  const decisions = raw.map((d) => (Number.isFinite(d.confidence) ? d : { ...d, confidence: 0 }));
  const inScope = decisions.filter((d) => d.expected !== null);
  const n = inScope.length;
  const oos = decisions.length - n;
  const right = decisions.map((d) => d.expected !== null && d.ranked[0] === d.expected);
  const conf = decisions.map((d) => d.confidence);
  const top3 = inScope.filter((d) => d.ranked.slice(0, 3).includes(d.expected!)).length;
  let answered = 0;
  let answeredRight = 0;
  let handedOff = 0;
  decisions.forEach((d, i) => {
    if (d.confidence >= threshold) {
      answered++;
      if (right[i]) answeredRight++;
    } else if (d.expected === null) handedOff++;
  });
  const ms = decisions.map((d) => d.ms);
  return {
    top1: n ? right.filter(Boolean).length / n : 0,
    top3: n ? top3 / n : 0,
    auroc: auroc(conf, right),
    a90: automationAtPrecision(conf, right, n, 0.9),
    precision: answered ? answeredRight / answered : null,
    coverage: n ? answeredRight / n : 0,
    oosHandoff: oos ? handedOff / oos : null,
    ece: ece(conf, right, 10),
    p50Ms: percentile(ms, 50),
    p99Ms: percentile(ms, 99),
    n,
    oos,
  };
}
