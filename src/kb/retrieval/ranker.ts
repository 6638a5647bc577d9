import type { Candidate, IndexQuery, LexicalIndex } from './lexical-index.js';
import { dotArr, solve } from './logistic.js';

/** A ranked entry with everything the reranker and the calibrator look at. */
export interface Ranked extends Candidate {
  /** share of the query's words (idf-weighted) that the entry's variants contain */
  cov: number;
}

/**
 * Linear weights over [nn, centroid, knn, coverage], used as logits of a softmax over the
 * candidates. Learned per KB from its held-out variants (conditional logit), so how much
 * "every query word is there" matters versus "one variant is very close" is the KB's call.
 */
export interface Ranker {
  weights: number[];
}

// Before there is anything to learn from: the mix that did best across the dev sets,
// scaled so that a 0.03 difference in similarity is one unit of logit.
export const DEFAULT_RANKER: Ranker = { weights: [0.5 / 0.03, 0.5 / 0.03, 0, 0.3 / 0.03] };

/** How many lexical candidates are re-ranked and looked at by the calibrator. */
export const RERANK_DEPTH = 10;

function features(c: Ranked): number[] {
  return [c.nn, c.cen, c.knn, c.cov];
}

export function rerank(index: LexicalIndex, q: IndexQuery, cands: Candidate[], r: Ranker): Ranked[] {
  const out = cands.map((c) => ({ ...c, cov: index.coverage(q, c.slot) }));
  for (const c of out) c.score = logit(r, c);
  return out.sort((a, b) => b.score - a.score);
}

function logit(r: Ranker, c: Ranked): number {
  const f = features(c);
  let s = 0;
  for (let i = 0; i < f.length; i++) s += r.weights[i]! * f[i]!;
  return s;
}

/**
 * Conditional-logit fit by Newton's method: each group is one held-out query's candidates,
 * `right` the index of the correct one. Ridge keeps it stable when groups are few.
 */
export function fitRanker(groups: Array<{ cands: Ranked[]; right: number }>, l2 = 0.02, iters = 25): Ranker {
  const d = DEFAULT_RANKER.weights.length;
  let w = [...DEFAULT_RANKER.weights];
  if (groups.length < 20) return { weights: w };
  const xs = groups.map((g) => g.cands.map(features));
  // Penalised mean log-likelihood; ridge pulls towards the default mix rather than zero,
  // so a tiny KB keeps sane weights.
  const objective = (v: number[]): number => {
    let ll = 0;
    groups.forEach((g, gi) => {
      const z = xs[gi]!.map((f) => dotArr(f, v));
      const m = Math.max(...z);
      ll += z[g.right]! - m - Math.log(z.reduce((a, b) => a + Math.exp(b - m), 0));
    });
    return ll / groups.length - (l2 / 2) * v.reduce((a, x, i) => a + (x - DEFAULT_RANKER.weights[i]!) ** 2, 0);
  };
  let current = objective(w);
  for (let it = 0; it < iters; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    groups.forEach((g, gi) => {
      const x = xs[gi]!;
      const z = x.map((f) => dotArr(f, w));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const sum = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / sum);
      const mean = new Array<number>(d).fill(0);
      x.forEach((f, i) => f.forEach((v, j) => (mean[j]! += p[i]! * v)));
      for (let j = 0; j < d; j++) grad[j]! += x[g.right]![j]! - mean[j]!;
      x.forEach((f, i) => {
        for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) hess[a]![b]! += p[i]! * (f[a]! - mean[a]!) * (f[b]! - mean[b]!);
      });
    });
    const n = groups.length;
    for (let a = 0; a < d; a++) {
      grad[a] = grad[a]! / n - l2 * (w[a]! - DEFAULT_RANKER.weights[a]!);
      for (let b = 0; b < d; b++) hess[a]![b] = hess[a]![b]! / n;
      hess[a]![a]! += l2;
    }
    const step = solve(hess, grad);
    // Newton can overshoot where the softmax is sharp: halve the step until it helps.
    let t = 1;
    let next = w;
    let value = current;
    for (let tries = 0; tries < 12; tries++, t /= 2) {
      const cand = w.map((v, i) => v + t * step[i]!);
      const val = objective(cand);
      if (val > current) {
        next = cand;
        value = val;
        break;
      }
    }
    if (value - current < 1e-7) break;
    w = next;
    current = value;
  }
  return { weights: w };
}
