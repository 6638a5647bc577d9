import { type TextFeatures, analyze } from './tokenize.js';

export type GroupWeights = readonly [stems: number, bigrams: number, chars: number];

/** A sparse vector: parallel arrays of feature ids and weights. */
export interface SparseVec {
  ids: Int32Array;
  w: Float32Array;
}

/** Raw term counts of one text, per feature key ("w:карт", "c: ca"), before any weighting. */
export function countFeatures(text: string): Map<string, number> {
  return countsOf(analyze(text));
}

export function countsOf(f: TextFeatures): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const s of f.stems) add(`w:${s}`);
  for (const b of f.bigrams) add(`b:${b}`);
  for (const c of f.chars) add(`c:${c}`);
  return counts;
}

export function groupOf(key: string): number {
  return key.charCodeAt(0) === 119 /* w */ ? 0 : key.charCodeAt(0) === 98 /* b */ ? 1 : 2;
}

/** Terms of one text resolved against the index: feature id (-1 if unknown), group, tf, idf. */
export interface ResolvedTerms {
  ids: number[];
  groups: number[];
  tfs: number[];
  idfs: number[];
}

/**
 * TF-IDF with sublinear tf, L2-normalised per group and scaled by sqrt(share of the group's
 * weight): the dot product of two such vectors is then the weighted mean of the per-group
 * cosines, so one long group (char n-grams) cannot drown the others. Unknown features
 * (id -1) still count in the norm: a query full of words the KB never saw scores low.
 */
export function weigh(t: ResolvedTerms, weights: GroupWeights): SparseVec {
  const norms = [0, 0, 0];
  const raw = new Float64Array(t.ids.length);
  let known = 0;
  for (let i = 0; i < t.ids.length; i++) {
    const w = tfIdf(t.tfs[i]!, t.idfs[i]!);
    raw[i] = w;
    norms[t.groups[i]!]! += w * w;
    if (t.ids[i]! >= 0) known++;
  }
  const scale = groupScales(norms, weights);
  const out: SparseVec = { ids: new Int32Array(known), w: new Float32Array(known) };
  let j = 0;
  for (let i = 0; i < t.ids.length; i++) {
    if (t.ids[i]! < 0) continue;
    out.ids[j] = t.ids[i]!;
    out.w[j] = raw[i]! * scale[t.groups[i]!]!;
    j++;
  }
  return out;
}

/** Sublinear tf × idf. */
export function tfIdf(tf: number, idf: number): number {
  return (1 + Math.log(tf)) * idf;
}

/** Per-group factor: L2-normalise the group, then scale by sqrt(its share of the weight). */
export function groupScales(norms: number[], weights: GroupWeights): number[] {
  const total = weights[0] + weights[1] + weights[2];
  return norms.map((n, g) => (n > 0 ? Math.sqrt(weights[g]! / total / n) : 0));
}
