import { Postings } from './postings.js';
import { TopK } from './top-k.js';
import { charGrams, analyze } from './tokenize.js';
import { type GroupWeights, type ResolvedTerms, type SparseVec, countFeatures, countsOf, groupOf, groupScales, tfIdf, weigh } from './vectorize.js';

/** One scored article: `nn` is the best single variant's cosine, `cen` the article centroid's. */
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
}

export interface RankOptions {
  k: number;
  /** leave-one-out: score as if this variant slot were not in the KB */
  excludeVariant?: number;
  /** leave-one-article-out: a synthetic out-of-scope query */
  excludeArticle?: number;
}

interface Variant {
  article: number;
  ids: Int32Array;
  tfs: Uint16Array;
  vec: SparseVec;
  /** v·S and |v|², for the exact leave-one-out centroid */
  sDot: number;
  norm2: number;
}

interface Article {
  id: string;
  variants: number[];
  features: Int32Array; // sorted union: df bookkeeping and query coverage
  counts: Uint16Array; // how many of the article's variants hold each feature
  sum: SparseVec; // sum of the variant vectors: the centroid's direction
  sumNorm: number;
}

const KNN_TEMPERATURE = 0.05;
const EMPTY: SparseVec = { ids: new Int32Array(0), w: new Float32Array(0) };
/** Articles scored exactly after the centroid pass. */
const SHORTLIST = 32;
const PRUNE_MIN_DF = 500;
const PRUNE_DF_SHARE = 0.05;

/**
 * In-process inverted index over question variants and per-article centroids.
 * Writes are incremental: an upsert re-weighs only its own article with the current idf;
 * other articles keep slightly stale idf until enough edits accumulate, then one re-weigh
 * brings everyone up to date (amortised, so a single edit never pays for the whole KB).
 */
export class LexicalIndex {
  private keys = new Map<string, number>();
  private keyList: string[] = [];
  private group: number[] = [];
  private df: number[] = [];
  private cenPost: Postings[] = [];
  private variants: Array<Variant | undefined> = [];
  private freeVariants: number[] = [];
  private articles: Array<Article | undefined> = [];
  private freeArticles: number[] = [];
  private bySlot = new Map<string, number>();
  private staleEdits = 0;
  private qDense = new Float32Array(0);
  private sumScratch = new Float64Array(0);
  private cenAcc = new Float32Array(0);
  private nnAcc = new Float32Array(0);
  private knnAcc = new Float32Array(0);

  constructor(
    private readonly weights: GroupWeights,
    private readonly nnWeight: number,
  ) {}

  get size(): number {
    return this.bySlot.size;
  }

  has(id: string): boolean {
    return this.bySlot.has(id);
  }

  articleSlot(id: string): number | undefined {
    return this.bySlot.get(id);
  }

  /** Variant slots of an article, for leave-one-out. */
  variantSlots(slot: number): readonly number[] {
    return this.articles[slot]?.variants ?? [];
  }

  /** Adds many articles and weighs once: the idf is final before any vector is built. */
  load(entries: Array<{ id: string; texts: string[] }>): void {
    for (const e of entries) this.insert(e.id, e.texts, false);
    this.reweighAll();
  }

  upsert(id: string, texts: string[]): void {
    this.remove(id);
    this.insert(id, texts, true);
    if (++this.staleEdits > Math.max(16, this.size * 0.2)) this.reweighAll();
  }

  remove(id: string): void {
    const slot = this.bySlot.get(id);
    if (slot === undefined) return;
    const a = this.articles[slot]!;
    for (const f of a.features) {
      this.df[f]!--;
      this.cenPost[f]!.delete(slot);
    }
    for (const v of a.variants) {
      this.variants[v] = undefined;
      this.freeVariants.push(v);
    }
    this.articles[slot] = undefined;
    this.freeArticles.push(slot);
    this.bySlot.delete(id);
  }

  idf(id: number): number {
    return Math.log((this.size + 1) / ((id >= 0 ? this.df[id]! : 0) + 1)) + 1;
  }

  resolve(counts: Map<string, number>, register: boolean): ResolvedTerms {
    const t: ResolvedTerms = { ids: [], groups: [], tfs: [], idfs: [] };
    for (const [key, tf] of counts) {
      let id = this.keys.get(key);
      if (id === undefined && register) {
        id = this.group.length;
        this.keys.set(key, id);
        this.keyList.push(key);
        this.group.push(groupOf(key));
        this.df.push(0);
        this.cenPost.push(new Postings());
      }
      t.ids.push(id ?? -1);
      t.groups.push(groupOf(key));
      t.tfs.push(tf);
      t.idfs.push(this.idf(id ?? -1));
    }
    return t;
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

  /** Share of the query's stem idf mass found in the article (1 = every word is there). */
  coverage(q: IndexQuery, slot: number): number {
    const a = this.articles[slot];
    if (!a || q.stemMass === 0) return 0;
    // A held-out variant's own words are all in its article once; that copy does not count.
    const own = q.held !== undefined && this.variants[q.held]?.article === slot ? 1 : 0;
    let hit = 0;
    for (const [id, idf] of q.stems) if (countIn(a, id) > own) hit += idf;
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
    const touched: number[] = [];
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
    const shortlist = new TopK(Math.max(opts.k, SHORTLIST));
    for (const s of touched) {
      if (s !== opts.excludeArticle) shortlist.offer(s, cenAcc[s]! / this.articles[s]!.sumNorm);
    }
    const slots = shortlist.items();
    const dots: number[] = []; // variant similarities, in the order the loops below visit them
    let best = 0;
    for (const s of slots) {
      const a = this.articles[s]!;
      const dot = dense(a.sum, qDense);
      let cen = dot / a.sumNorm;
      if (held && held.article === s) {
        // Exact leave-one-out centroid: |S − v|² = |S|² − 2 S·v + |v|².
        const n2 = a.sumNorm * a.sumNorm - 2 * held.sDot + held.norm2;
        cen = n2 > 1e-9 ? (dot - heldDot) / Math.sqrt(n2) : 0;
      }
      cenAcc[s] = cen;
      for (const v of this.articles[s]!.variants) {
        if (v === opts.excludeVariant) continue;
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
        if (v === opts.excludeVariant) continue;
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

  private insert(id: string, texts: string[], weighNow: boolean): void {
    const slot = this.freeArticles.pop() ?? this.articles.length;
    const union = new Map<number, number>();
    const a: Article = { id, variants: [], features: new Int32Array(0), counts: new Uint16Array(0), sum: EMPTY, sumNorm: 0 };
    for (const text of texts) {
      // An empty text still takes a slot so variant i of an article is always texts[i].
      const t = this.resolve(countFeatures(text), true);
      const v = this.freeVariants.pop() ?? this.variants.length;
      this.variants[v] = {
        article: slot,
        ids: Int32Array.from(t.ids),
        tfs: Uint16Array.from(t.tfs),
        vec: { ids: new Int32Array(0), w: new Float32Array(0) },
        sDot: 0,
        norm2: 0,
      };
      a.variants.push(v);
      for (const f of t.ids) union.set(f, (union.get(f) ?? 0) + 1);
    }
    a.features = Int32Array.from([...union.keys()].sort((x, y) => x - y));
    a.counts = Uint16Array.from(a.features, (f) => union.get(f)!);
    for (const f of a.features) this.df[f]!++;
    this.articles[slot] = a;
    this.bySlot.set(id, slot);
    this.ensureScratch();
    if (weighNow) this.weighArticle(slot);
  }

  private ensureScratch(): void {
    if (this.qDense.length < this.group.length) {
      this.qDense = grow(this.qDense, this.group.length);
      this.sumScratch = new Float64Array(this.qDense.length);
    }
    if (this.cenAcc.length < this.articles.length) {
      this.cenAcc = grow(this.cenAcc, this.articles.length);
      this.nnAcc = grow(this.nnAcc, this.articles.length);
      this.knnAcc = grow(this.knnAcc, this.articles.length);
    }
  }

  private reweighAll(): void {
    for (const p of this.cenPost) p.length = 0;
    this.articles.forEach((a, slot) => a && this.weighArticle(slot));
    this.staleEdits = 0;
  }

  private weighArticle(slot: number): void {
    const a = this.articles[slot]!;
    const acc = this.sumScratch;
    for (const v of a.variants) {
      const va = this.variants[v]!;
      va.vec = this.weighTerms(va.ids, va.tfs);
      for (let i = 0; i < va.vec.ids.length; i++) acc[va.vec.ids[i]!]! += va.vec.w[i]!;
    }
    // The union is sorted and every variant feature is in it: the centroid shares its ids.
    const sum: SparseVec = { ids: a.features, w: new Float32Array(a.features.length) };
    let n2 = 0;
    for (let i = 0; i < a.features.length; i++) {
      const f = a.features[i]!;
      const x = acc[f]!;
      sum.w[i] = x;
      n2 += x * x;
      this.cenPost[f]!.push(slot, x);
    }
    a.sum = sum;
    a.sumNorm = Math.sqrt(n2) || 1;
    for (const v of a.variants) {
      const va = this.variants[v]!;
      va.sDot = dense(va.vec, acc);
      va.norm2 = dense(va.vec, va.vec.w, true);
    }
    for (const f of a.features) acc[f] = 0;
  }

  /** The stored-variant twin of `weigh`: same formula, straight from typed arrays. */
  private weighTerms(ids: Int32Array, tfs: Uint16Array): SparseVec {
    const norms = [0, 0, 0];
    const w = new Float32Array(ids.length);
    const n = this.size;
    for (let i = 0; i < ids.length; i++) {
      const x = tfIdf(tfs[i]!, Math.log((n + 1) / (this.df[ids[i]!]! + 1)) + 1);
      w[i] = x;
      norms[this.group[ids[i]!]!]! += x * x;
    }
    const scale = groupScales(norms, this.weights);
    for (let i = 0; i < ids.length; i++) w[i] = w[i]! * scale[this.group[ids[i]!]!]!;
    return { ids, w };
  }

}

/** How many of the article's variants contain the feature (binary search on the union). */
function countIn(a: Article, x: number): number {
  let lo = 0;
  let hi = a.features.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a.features[mid]!;
    if (v === x) return a.counts[mid]!;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** v·q for a dense q indexed by feature id; `self` = v·v (q is then v's own weights). */
function dense(v: SparseVec, q: Float32Array | Float64Array, self = false): number {
  let d = 0;
  if (self) for (let i = 0; i < v.ids.length; i++) d += v.w[i]! * v.w[i]!;
  else for (let i = 0; i < v.ids.length; i++) d += v.w[i]! * q[v.ids[i]!]!;
  return d;
}

function grow(a: Float32Array, min: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(Math.max(min, a.length * 2, 64));
  out.set(a);
  return out;
}
