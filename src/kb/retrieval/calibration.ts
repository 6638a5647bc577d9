import type { IndexQuery, LexicalIndex } from './lexical-index.js';
import { type LogisticModel, fitLogistic, predictLogistic } from './logistic.js';
import { DEFAULT_RANKER, type Ranked, type Ranker, RERANK_DEPTH, fitRanker, rerank } from './ranker.js';

/** Named ranking signals of one query, shown on the editor's try page and fed to the calibrator. */
export type Signals = Record<string, number>;

export function computeSignals(index: LexicalIndex, q: IndexQuery, top: Ranked[]): Signals {
  const s1 = top[0]?.score ?? 0;
  // The reranker's softmax share of the top entry: a margin that also notices a crowd of
  // near-ties behind the runner-up.
  let z = 0;
  for (const c of top) z += Math.exp(c.score - s1);
  return {
    soft: top.length > 0 ? 1 / z : 0,
    top: s1,
    margin: top.length > 1 ? s1 - top[1]!.score : 10,
    nn: top[0]?.nn ?? 0,
    centroid: top[0]?.cen ?? 0,
    knn: top[0]?.knn ?? 0,
    coverage: top[0]?.cov ?? 0,
    known: index.known(q),
    terms: Math.log1p(q.stems.length),
  };
}

/** Of the assumed out-of-scope traffic, the part made of words the KB has never seen. */
const OFF_VOCABULARY_SHARE = 0.25;

const FEATURES = ['soft', 'top', 'margin', 'nn', 'centroid', 'knn', 'coverage', 'known', 'terms'];

function row(s: Signals): number[] {
  return FEATURES.map((f) => s[f] ?? 0);
}

/** Everything learned from the KB's own question variants. */
export interface Calibration {
  ranker: Ranker;
  /** P(top-1 is the right entry) */
  top1: LogisticModel | null;
  /** P(the right entry is among the top two): for clarifying questions */
  top2: LogisticModel | null;
  /** P(the query is one the KB answers) at `oosShare`: estimates the share of live traffic */
  inScope?: LogisticModel | null;
  threshold: number;
  samples: number;
}

export function predict(m: LogisticModel, s: Signals): number {
  return predictLogistic(m, row(s));
}

export interface CalibrationOptions {
  /** assumed share of out-of-scope traffic; synthetic out-of-scope queries are weighted to it */
  oosShare: number;
  /** cap on held-out queries, so a 10,000-article KB still builds in seconds */
  maxSamples: number;
  /** precision the default threshold promises */
  targetPrecision: number;
  /** threshold while the KB is too small to calibrate */
  fallbackThreshold: number;
  /** `average`: answers given are right `targetPrecision` of the time on average; `each`: every answer is */
  thresholdRule: 'average' | 'each';
}

/**
 * Learns the re-ranker and the confidence from the KB itself. Each question variant is held
 * out in turn and asked as a query (leave-one-out: in scope, right or wrong). The re-ranker
 * is fitted on those candidate lists. The confidence is fitted on them too, plus two kinds of
 * out-of-scope query: the same variant asked with its whole article removed (on topic, not
 * answerable) and the variant with its words spelt backwards (words the KB never saw).
 */
export function calibrate(index: LexicalIndex, questionCounts: Map<string, number>, o: CalibrationOptions): Calibration {
  const pairs: Array<[number, number]> = [];
  const questionsOf = new Map<number, number>();
  for (const [id, nq] of questionCounts) {
    const slot = index.articleSlot(id);
    if (slot === undefined) continue;
    questionsOf.set(slot, nq);
    const vs = index.variantSlots(slot);
    for (let i = 0; i < Math.min(nq, vs.length); i++) pairs.push([slot, vs[i]!]);
  }
  shuffle(pairs, mulberry32(pairs.length));
  const chosen = pairs.slice(0, o.maxSamples);
  const held = chosen.map(([slot, v]) => {
    const qIn = index.variantQuery(v, 'variant');
    const qOut = index.variantQuery(v, 'article');
    return {
      slot,
      qIn,
      inCands: rerank(index, qIn, index.rank(qIn, { k: RERANK_DEPTH, excludeVariant: v }), DEFAULT_RANKER),
      qOut,
      outCands: rerank(index, qOut, index.rank(qOut, { k: RERANK_DEPTH, excludeArticle: slot }), DEFAULT_RANKER),
    };
  });
  const groups = held
    .map((h) => ({ cands: h.inCands, right: h.inCands.findIndex((c) => c.slot === h.slot) }))
    .filter((g) => g.right >= 0 && g.cands.length > 1);
  const ranker = fitRanker(groups);

  const x: number[][] = [];
  const y1: number[] = [];
  const y2: number[] = [];
  const kind: number[] = []; // 0 in scope, 1 on-topic out of scope, 2 off-vocabulary
  const add = (q: IndexQuery, top: Ranked[], right: number | undefined, k: number): void => {
    x.push(row(computeSignals(index, q, top)));
    y1.push(right !== undefined && top[0]?.slot === right ? 1 : 0);
    y2.push(right !== undefined && top.slice(0, 2).some((c) => c.slot === right) ? 1 : 0);
    kind.push(k);
  };
  const inTop1: number[] = []; // leave-one-out top-1 slot of each held-out variant
  held.forEach((h, i) => {
    const inTop = rerank(index, h.qIn, h.inCands, ranker);
    inTop1.push(inTop[0]?.slot ?? -1);
    add(h.qIn, inTop, h.slot, 0);
    add(h.qOut, rerank(index, h.qOut, h.outCands, ranker), undefined, 1);
    if (i % 2 === 0) {
      const qs = index.query(index.scrambledText(chosen[i]![1], i % 4 === 2));
      add(qs, rerank(index, qs, index.rank(qs, { k: RERANK_DEPTH }), ranker), undefined, 2);
    }
  });
  // Weights give each kind its share of the assumed traffic, whatever the sample counts.
  const share = [1 - o.oosShare, o.oosShare * (1 - OFF_VOCABULARY_SHARE), o.oosShare * OFF_VOCABULARY_SHARE];
  const counts = [0, 0, 0];
  for (const k of kind) counts[k]!++;
  const w = kind.map((k) => share[k]! / counts[k]!);
  if (!y1.includes(1) || !y1.includes(0)) {
    return { ranker, top1: null, top2: null, inScope: null, threshold: o.fallbackThreshold, samples: chosen.length };
  }
  const top1 = fitLogistic(x, y1, w);
  const top2 = fitLogistic(x, y2, w);
  // P(in scope), on the same rows and weights: what the share of live traffic is estimated from.
  const inScope = fitLogistic(x, kind.map((k) => (k === 0 ? 1 : 0)), w);
  // Leave-one-out asks each variant of an entry with k − 1 texts left, the real KB has k:
  // the sample is more pessimistic than the KB (very much so with 3 questions per entry).
  // Measure what one more variant adds (leave-one-out vs leave-two-out, same queries), assume
  // the k-th adds as much, and raise the intercept until the in-scope queries' mean
  // confidence has risen by that gain. Only the part of the gain beyond two standard errors
  // is used: a KB with many variants per entry measures ~0 and is left as it was.
  const gain = leaveOneOutGain(index, held, inTop1, chosen, questionsOf, ranker);
  if (gain > 0) shiftIntercept(top1, x.filter((_, i) => kind[i] === 0), gain);
  const threshold =
    o.thresholdRule === 'each' ? o.targetPrecision : thresholdFor(x.map((r) => predictLogistic(top1, r)), w, o.targetPrecision);
  return { ranker, top1, top2, inScope, threshold, samples: chosen.length };
}

/** Held-out queries asked a second time with another variant of their entry also left out. */
const GAIN_SAMPLES = 400;
/** Standard errors subtracted from the measured gain before it is used. */
const GAIN_Z = 2;

/** Adds to the intercept the shift that raises the mean prediction over `rows` by `gain`. */
function shiftIntercept(m: LogisticModel, rows: number[][], gain: number): void {
  if (rows.length === 0) return;
  const logits = rows.map((r) => {
    let s = m.coef[0]!;
    for (let j = 0; j < r.length; j++) s += m.coef[j + 1]! * ((r[j]! - m.mean[j]!) / m.std[j]!);
    return s;
  });
  const mean = (b: number): number => logits.reduce((a, t) => a + 1 / (1 + Math.exp(-(t + b))), 0) / logits.length;
  const target = Math.min(0.99, mean(0) + gain);
  let lo = 0;
  let hi = 5;
  for (let it = 0; it < 40; it++) {
    const mid = (lo + hi) / 2;
    if (mean(mid) < target) lo = mid;
    else hi = mid;
  }
  m.coef[0]! += lo;
}

/**
 * Top-1 accuracy of leave-one-out minus that of leave-two-out (a second question variant of
 * the same entry also held out), over held-out queries of entries with ≥ 3 questions, less
 * GAIN_Z standard errors of that paired difference; 0 when under 30 such queries.
 */
function leaveOneOutGain(
  index: LexicalIndex,
  held: Array<{ slot: number; qIn: IndexQuery }>,
  inTop1: number[],
  chosen: Array<[number, number]>,
  questionsOf: Map<number, number>,
  ranker: Ranker,
): number {
  let n = 0;
  let diff = 0;
  let sq = 0;
  for (let i = 0; i < held.length && n < GAIN_SAMPLES; i++) {
    const h = held[i]!;
    const v = chosen[i]![1];
    const qs = index.variantSlots(h.slot).slice(0, questionsOf.get(h.slot) ?? 0);
    if (qs.length < 3) continue;
    const u = qs[(qs.indexOf(v) + 1) % qs.length]!;
    const q2: IndexQuery = { ...h.qIn, heldAlso: u };
    const one = inTop1[i] === h.slot ? 1 : 0;
    const two = rerank(index, q2, index.rank(q2, { k: RERANK_DEPTH, excludeVariant: v, alsoExclude: u }), ranker)[0]?.slot === h.slot ? 1 : 0;
    diff += one - two;
    sq += (one - two) ** 2;
    n++;
  }
  if (n < 30) return 0;
  const mean = diff / n;
  const se = Math.sqrt(Math.max(0, sq / n - mean * mean) / n);
  return Math.max(0, mean - GAIN_Z * se);
}

/**
 * The lowest confidence at which the answers given are expected to be right at least
 * `target` of the time, using the calibrated probabilities themselves as expected hit rates.
 */
function thresholdFor(probs: number[], w: number[], target: number): number {
  const order = probs.map((p, i) => [p, w[i]!] as const).sort((a, b) => b[0] - a[0]);
  let mass = 0;
  let hits = 0;
  let threshold = 1;
  for (const [p, wi] of order) {
    mass += wi;
    hits += wi * p;
    if (hits / mass >= target) threshold = p;
    else break;
  }
  return threshold;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rnd: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}
