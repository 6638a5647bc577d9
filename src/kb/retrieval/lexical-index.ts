import { IndexStore, countIn, dense } from './index-store.js';
import { analyze, charGrams } from './tokenize.js';
import { type GroupWeights, type SparseVec, countsOf, weigh } from './vectorize.js';
import { TopK } from './top-k.js';

export interface Candidate {
  slot: number;
  id: string;
  score: number;
  nn: number;
  cen: number;
  /** kernel-weighted share of the nearest variants that belong to this article */
  knn: number;
}

/** A query resolved against the index, reusable across rankings (calibration reuses it). */
export interface IndexQuery {
  vec: SparseVec;
  /** stem feature ids of the query that the KB knows, with their idf */
  stems: Array<[id: number, idf: number]>;
  /** idf mass of all query stems, known or not */
  stemMass: number;
  /** 1 where a vector entry drives the first (shortlist) pass; see `rank` */
  probe: Uint8Array;
  /** set when the query is a held-out variant of the KB (calibration) */
  held?: number;
  /** a second variant of the same article held out with it (leave-two-out, calibration) */
  heldAlso?: number;
}

export interface RankOptions {
  k: number;
  /** leave-one-out: score as if this variant slot were not in the KB */
  excludeVariant?: number;
  /** leave-two-out: a second variant of the same article, also absent */
  alsoExclude?: number;
  /** leave-one-article-out: a synthetic out-of-scope query */
  excludeArticle?: number;
}

const KNN_TEMPERATURE = 0.05;
/** Articles scored exactly after the centroid pass. */
const SHORTLIST = 32;
const PRUNE_MIN_DF = 500;
const PRUNE_DF_SHARE = 0.05;

/**
 * In-process lexical index over question variants and per-article centroids: the reads
 * (queries, leave-one-out queries, coverage and the two-stage ranking) on top of IndexStore.
 */
export class LexicalIndex extends IndexStore {
  private readonly touched: number[] = [];
  /** variant similarities of the shortlist, in the order rank's loops visit them */
  private readonly dots: number[] = [];

  constructor(
    weights: GroupWeights,
    private readonly nnWeight: number,
  ) {
    super(weights);
  }

  query(text: string): IndexQuery {
    const features = analyze(text);
    const t = this.resolve(countsOf(features), false);
    // The shortlist pass uses words and bigrams, plus the character n-grams of words the KB
    // does not know (typos, unseen forms): n-grams of known words are long posting lists
    // that would only confirm what their word already found.
    const unknownGrams = new Set<string>();
    features.words.forEach((word, i) => {
      const id = this.keys.get(`w:${features.stems[i]}`);
      if (id !== undefined && this.df[id]! > 0) return;
      const grams: string[] = [];
      charGrams(word, grams);
      for (const g of grams) unknownGrams.add(`c:${g}`);
    });
    const stems: Array<[number, number]> = [];
    let stemMass = 0;
    for (let i = 0; i < t.ids.length; i++) {
      if (t.groups[i] !== 0) continue;
      stemMass += t.idfs[i]!;
      if (t.ids[i]! >= 0 && this.df[t.ids[i]!]! > 0) stems.push([t.ids[i]!, t.idfs[i]!]);
    }
    const vec = weigh(t, this.weights);
    const probe = new Uint8Array(vec.ids.length);
    vec.ids.forEach((f, i) => {
      probe[i] = this.group[f] !== 2 || unknownGrams.has(this.keyOf(f)) ? 1 : 0;
    });
    return { vec, stems, stemMass, probe };
  }

  private keyOf(f: number): string {
    return this.keyList[f]!;
  }

  /**
   * A held-out variant as a query. Its own words must not count as known: with `article`
   * mode the whole article is treated as absent (a synthetic out-of-scope query).
   */
  variantQuery(v: number, mode: 'variant' | 'article'): IndexQuery {
    const va = this.variants[v]!;
    const a = this.articles[va.article]!;
    const stems: Array<[number, number]> = [];
    let stemMass = 0;
    for (const f of va.ids) {
      if (this.group[f] !== 0) continue;
      const idf = this.idf(f);
      stemMass += idf;
      const elsewhere = this.df[f]! > 1 || (mode === 'variant' && countIn(a, f) > 1);
      if (elsewhere) stems.push([f, idf]);
    }
    const probe = Uint8Array.from(va.vec.ids, (f) => (this.group[f] !== 2 ? 1 : 0));
    return { vec: va.vec, stems, stemMass, probe, ...(mode === 'variant' ? { held: v } : {}) };
  }

  /**
   * A variant with its words (all, or every other one) spelt backwards: words the KB has
   * never seen, in the shape of a real question. Stands for the off-vocabulary side of
   * out-of-scope traffic ("Hindi?", "my mother has joint pain" to a mattress shop), which
   * held-out variants never show the calibrator.
   */
  scrambledText(v: number, everyOther: boolean): string {
    const words: string[] = [];
    for (const f of this.variants[v]!.ids) {
      if (this.group[f] !== 0) continue;
      const word = this.keyOf(f).slice(2);
      words.push(everyOther && words.length % 2 === 1 ? word : [...word].reverse().join(''));
    }
    return words.join(' ');
  }

  /** Share of the query's stem idf mass found in the article (1 = every word is there). */
  coverage(q: IndexQuery, slot: number): number {
    const a = this.articles[slot];
    if (!a || q.stemMass === 0) return 0;
    // A held-out variant's own words are all in its article once; that copy does not count.
    const own = q.held !== undefined && this.variants[q.held]?.article === slot ? 1 : 0;
    const also = q.heldAlso !== undefined && this.variants[q.heldAlso]?.article === slot ? this.variants[q.heldAlso] : undefined;
    let hit = 0;
    for (const [id, idf] of q.stems) if (countIn(a, id) > own + (also && also.ids.includes(id) ? 1 : 0)) hit += idf;
    return hit / q.stemMass;
  }

  /** Share of the query's stem idf mass the KB knows at all. */
  known(q: IndexQuery): number {
    if (q.stemMass === 0) return 0;
    let hit = 0;
    for (const [, idf] of q.stems) hit += idf;
    return hit / q.stemMass;
  }

  /**
   * Two stages, so a query never walks every variant of a 10,000-article KB: the article
   * centroids (one posting list per feature) give a shortlist; then each shortlisted
   * article's variants are scored exactly against a dense copy of the query.
   */
  rank(q: IndexQuery, opts: RankOptions): Candidate[] {
    const { cenAcc, qDense, nnAcc, knnAcc } = this;
    // Reused across queries, to keep per-query garbage (and GC pauses in the tail) down.
    const touched = this.touched;
    const dots = this.dots;
    touched.length = 0;
    dots.length = 0;
    const { ids, w } = q.vec;
    for (let i = 0; i < ids.length; i++) qDense[ids[i]!] = w[i]!;
    // Words in a large share of the KB barely move the shortlist but dominate its cost;
    // they still count in the exact second pass. Small KBs are never pruned.
    const cap = Math.max(PRUNE_MIN_DF, this.size * PRUNE_DF_SHARE);
    for (let pass = 0; pass < 2 && touched.length === 0; pass++) {
      for (let i = 0; i < ids.length; i++) {
        const cp = this.cenPost[ids[i]!]!;
        if (q.probe[i] === 0 || (pass === 0 && cp.length > cap)) continue;
        const qw = w[i]!;
        for (let j = 0; j < cp.length; j++) {
          const s = cp.slots[j]!;
          if (cenAcc[s] === 0) touched.push(s);
          cenAcc[s]! += qw * cp.weights[j]!;
        }
      }
    }
    const held = opts.excludeVariant === undefined ? undefined : this.variants[opts.excludeVariant];
    const heldDot = held ? dense(held.vec, qDense) : 0;
    const also = opts.alsoExclude === undefined ? undefined : this.variants[opts.alsoExclude];
    const shortlist = new TopK(Math.max(opts.k, SHORTLIST));
    for (const s of touched) {
      if (s !== opts.excludeArticle) shortlist.offer(s, cenAcc[s]! / this.articles[s]!.sumNorm);
    }
    const slots = shortlist.items();
    let best = 0;
    for (const s of slots) {
      const a = this.articles[s]!;
      const dot = dense(a.sum, qDense);
      let cen = dot / a.sumNorm;
      if (held && held.article === s) {
        // Exact leave-one-out centroid: |S − v|² = |S|² − 2 S·v + |v|².
        const n2 = a.sumNorm * a.sumNorm - 2 * held.sDot + held.norm2;
        cen = n2 > 1e-9 ? (dot - heldDot) / Math.sqrt(n2) : 0;
        if (also && also.article === s) {
          // Leave-two-out: |S − v − u|² = |S − v|² − 2 S·u + 2 v·u + |u|².
          const m2 = n2 - 2 * also.sDot + 2 * sparseDot(held.vec, also.vec) + also.norm2;
          cen = m2 > 1e-9 ? (dot - heldDot - dense(also.vec, qDense)) / Math.sqrt(m2) : 0;
        }
      }
      cenAcc[s] = cen;
      for (const v of this.articles[s]!.variants) {
        if (v === opts.excludeVariant || v === opts.alsoExclude) continue;
        const d = dense(this.variants[v]!.vec, qDense);
        dots.push(d);
        if (d > nnAcc[s]!) nnAcc[s] = d;
      }
      if (nnAcc[s]! > best) best = nnAcc[s]!;
    }
    // Soft vote of the nearest variants: a paraphrase of one article is close to several of
    // its variants, an off-topic query to scattered ones. Far variants add ~nothing.
    let knnTotal = 0;
    let at = 0;
    for (const s of slots) {
      for (const v of this.articles[s]!.variants) {
        if (v === opts.excludeVariant || v === opts.alsoExclude) continue;
        const d = dots[at++]!;
        if (d < best - 6 * KNN_TEMPERATURE) continue;
        const k = Math.exp((d - best) / KNN_TEMPERATURE);
        knnAcc[s]! += k;
        knnTotal += k;
      }
    }
    const out: Candidate[] = [];
    for (const s of slots) {
      const nn = nnAcc[s]!;
      const cen = cenAcc[s]!;
      const score = this.nnWeight * nn + (1 - this.nnWeight) * cen;
      out.push({ slot: s, id: this.articles[s]!.id, score, nn, cen, knn: knnTotal > 0 ? knnAcc[s]! / knnTotal : 0 });
    }
    for (let i = 0; i < ids.length; i++) qDense[ids[i]!] = 0;
    for (const s of touched) cenAcc[s] = 0;
    for (const s of slots) {
      cenAcc[s] = 0;
      nnAcc[s] = 0;
      knnAcc[s] = 0;
    }
    return out.sort((x, y) => y.score - x.score || x.slot - y.slot).slice(0, opts.k);
  }

}

function sparseDot(a: SparseVec, b: SparseVec): number {
  const m = new Map<number, number>();
  for (let i = 0; i < a.ids.length; i++) m.set(a.ids[i]!, a.w[i]!);
  let d = 0;
  for (let i = 0; i < b.ids.length; i++) d += (m.get(b.ids[i]!) ?? 0) * b.w[i]!;
  return d;
}
