/**
 * Combining the lexical and the semantic ranking. Pure: no I/O, no model.
 *
 * Reciprocal rank fusion uses ranks only, because the two scores live on unrelated scales
 * (a calibrated lexical score, a cosine similarity) and no offline data says how to map one
 * onto the other. An entry's fused score is the sum over the lists it appears in of
 * `weight / (k + rank)`, rank counted from 1.
 */

export interface RankedId {
  id: string;
  score: number;
}

export interface FusionOptions {
  /** Damping: larger k flattens the gap between neighbouring ranks. Default 60, the usual RRF constant. */
  k?: number;
  /** Weight of the semantic list; the lexical list weighs 1. Default 1. */
  weightSemantic?: number;
}

/**
 * Fuse two rankings, each given best first (their own order is trusted; scores are ignored).
 * An id listed twice in one list counts at its best rank. `semantic` null (no embedder, or it
 * failed) yields the lexical order unchanged. Ties go to the better lexical rank, then the
 * better semantic rank, then the id, so the result is deterministic.
 *
 * The returned score is the RRF score: comparable within one call, meaningless across calls
 * and never a confidence (see fusedConfidence).
 *
 * @example
 * fuseRankings([{ id: 'a', score: 0.9 }, { id: 'b', score: 0.4 }], [{ id: 'b', score: 0.8 }, { id: 'a', score: 0.7 }])
 * // a: 1/61 + 1/62, b: 1/62 + 1/61 → a tie, so the lexical order wins: [a, b]
 */
export function fuseRankings(lexical: readonly RankedId[], semantic: readonly RankedId[] | null, opts: FusionOptions = {}): RankedId[] {
  const k = opts.k ?? 60;
  const weightSemantic = opts.weightSemantic ?? 1;
  if (!(k > 0)) throw new RangeError(`fusion k must be positive (got ${k})`);
  if (!(weightSemantic >= 0)) throw new RangeError(`weightSemantic must not be negative (got ${weightSemantic})`);

  const lexicalRank = ranks(lexical);
  const semanticRank = ranks(semantic ?? []);
  const ids = new Set([...lexicalRank.keys(), ...semanticRank.keys()]);
  const fused = [...ids].map((id) => {
    const l = lexicalRank.get(id);
    const s = semanticRank.get(id);
    const score = (l === undefined ? 0 : 1 / (k + l)) + (s === undefined ? 0 : weightSemantic / (k + s));
    return { id, score, l: l ?? Infinity, s: s ?? Infinity };
  });
  fused.sort((a, b) => b.score - a.score || a.l - b.l || a.s - b.s || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return fused.map(({ id, score }) => ({ id, score }));
}

/** 1-based rank of each id, keeping its first (best) position. */
function ranks(list: readonly RankedId[]): Map<string, number> {
  const out = new Map<string, number>();
  list.forEach(({ id }, i) => {
    if (!out.has(id)) out.set(id, i + 1);
  });
  return out;
}

export interface FusedConfidenceOptions {
  /**
   * The answer threshold. Given, a disagreement is also capped just below it (threshold − 0.001),
   * which guarantees it can never lead to an answer by itself. Without it the rule only scales.
   */
  threshold?: number;
  /** What a disagreement keeps of the lexical confidence. Default 0.5. */
  disagreementFactor?: number;
}

/**
 * The confidence to report for the fused top entry.
 *
 * The only calibrated number is the lexical engine's confidence, and it is a statement about
 * the lexical top entry. So:
 * - same top entry (or nothing fused): the lexical confidence, unchanged. Agreement does not
 *   raise it: how much agreement is worth has not been measured.
 * - another entry on top: nobody measured how likely that entry is right. The lexical
 *   confidence is halved (`disagreementFactor`) and, with `threshold` given, capped below the
 *   threshold, so a disagreement alone never makes the bot answer; with the usual policy
 *   (rephrase floor 0.5·t) a confident lexical result that semantics contradicts becomes
 *   "unsure" and the visitor is asked, which is the honest outcome.
 *
 * @example
 * fusedConfidence(0.8, 'delivery-cost.en', 'delivery-cost.en') // 0.8
 * fusedConfidence(0.8, 'delivery-cost.en', 'returns.en') // 0.4
 * fusedConfidence(0.9, 'delivery-cost.en', 'returns.en', { threshold: 0.4 }) // 0.399
 */
export function fusedConfidence(
  lexicalConfidence: number,
  /** what decides "the same answer": an article id, or its topic when languages count as one */
  lexicalTop: string | undefined,
  fusedTop: string | undefined,
  opts: FusedConfidenceOptions = {},
): number {
  if (fusedTop === undefined || fusedTop === lexicalTop) return lexicalConfidence;
  const factor = opts.disagreementFactor ?? 0.5;
  if (!(factor >= 0 && factor <= 1)) throw new RangeError(`disagreementFactor must be within 0..1 (got ${factor})`);
  const reduced = lexicalConfidence * factor;
  return opts.threshold === undefined ? reduced : Math.min(reduced, Math.max(0, opts.threshold - 0.001));
}
