import { Postings } from './postings.js';
import { type GroupWeights, type ResolvedTerms, type SparseVec, countFeatures, groupOf, groupScales, tfIdf } from './vectorize.js';

export interface Variant {
  article: number;
  ids: Int32Array;
  tfs: Uint16Array;
  vec: SparseVec;
  /** v·S and |v|², for the exact leave-one-out centroid */
  sDot: number;
  norm2: number;
}

export interface Article {
  id: string;
  variants: number[];
  features: Int32Array; // sorted union: df bookkeeping, centroid ids and query coverage
  counts: Uint16Array; // how many of the article's variants hold each feature
  sum: SparseVec; // sum of the variant vectors: the centroid's direction
  sumNorm: number;
}

/** Below this many articles a re-weigh costs a few milliseconds: every edit gets exact idf at once. */
const SMALL_KB = 200;

const EMPTY: SparseVec = { ids: new Int32Array(0), w: new Float32Array(0) };

/**
 * The index's storage and writes: feature dictionary, document frequencies, per-variant
 * TF-IDF vectors and per-article centroid posting lists. Writes are incremental: an upsert
 * re-weighs only its own article with the current idf; other articles keep slightly stale
 * idf until enough edits accumulate, then one re-weigh brings everyone up to date
 * (amortised, so a single edit never pays for the whole KB). Reads live in LexicalIndex.
 */
export class IndexStore {
  protected readonly keys = new Map<string, number>();
  protected readonly keyList: string[] = [];
  protected readonly group: number[] = [];
  protected readonly df: number[] = [];
  protected readonly cenPost: Postings[] = [];
  protected readonly variants: Array<Variant | undefined> = [];
  protected readonly articles: Array<Article | undefined> = [];
  private readonly freeVariants: number[] = [];
  private readonly freeArticles: number[] = [];
  private readonly bySlot = new Map<string, number>();
  private staleEdits = 0;
  // Scratch arrays indexed by feature id or article slot, reused by every query.
  protected qDense = new Float64Array(0);
  protected cenAcc = new Float64Array(0);
  protected nnAcc = new Float64Array(0);
  protected knnAcc = new Float64Array(0);
  private sumScratch = new Float64Array(0);

  constructor(protected readonly weights: GroupWeights) {}

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
    for (const e of entries) this.insert(e.id, e.texts);
    this.reweighAll();
  }

  upsert(id: string, texts: string[]): void {
    this.detach(id);
    this.insert(id, texts);
    // A full re-weigh covers the new article too; otherwise it is weighed on its own.
    if (!this.edited()) this.weighArticle(this.bySlot.get(id)!);
  }

  /** A removal changes every idf too: it counts towards the re-weigh like an upsert. */
  remove(id: string): void {
    if (this.detach(id)) this.edited();
  }

  /** Counts an edit; true when it re-weighed every article. */
  private edited(): boolean {
    if (++this.staleEdits <= (this.size < SMALL_KB ? 0 : this.size * 0.2)) return false;
    this.reweighAll();
    return true;
  }

  private detach(id: string): boolean {
    const slot = this.bySlot.get(id);
    if (slot === undefined) return false;
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
    return true;
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
      t.idfs.push(register ? 0 : this.idf(id ?? -1)); // stored variants are weighed later
    }
    return t;
  }

  /** Registers the article's texts; the caller weighs it (alone, or with everyone). */
  private insert(id: string, texts: string[]): void {
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
        // A word repeated past 65,535 times in one question (pasted junk) counts as 65,535, not 0.
        tfs: Uint16Array.from(t.tfs, (tf) => Math.min(tf, 0xffff)),
        vec: { ids: new Int32Array(0), w: new Float32Array(0) },
        sDot: 0,
        norm2: 0,
      };
      a.variants.push(v);
      for (const f of t.ids) union.set(f, (union.get(f) ?? 0) + 1);
    }
    a.features = Int32Array.from([...union.keys()].sort((x, y) => x - y));
    a.counts = Uint16Array.from(a.features, (f) => Math.min(union.get(f)!, 0xffff));
    for (const f of a.features) this.df[f]!++;
    this.articles[slot] = a;
    this.bySlot.set(id, slot);
    this.ensureScratch();
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
      va.norm2 = selfDot(va.vec);
    }
    for (const f of a.features) acc[f] = 0;
  }

  /** The stored-variant twin of `weigh`: same formula, straight from typed arrays. */
  private weighTerms(ids: Int32Array, tfs: Uint16Array): SparseVec {
    const norms = [0, 0, 0];
    const w = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const x = tfIdf(tfs[i]!, this.idf(ids[i]!));
      w[i] = x;
      norms[this.group[ids[i]!]!]! += x * x;
    }
    const scale = groupScales(norms, this.weights);
    for (let i = 0; i < ids.length; i++) w[i] = w[i]! * scale[this.group[ids[i]!]!]!;
    return { ids, w };
  }

}


/** How many of the article's variants contain the feature (binary search on the union). */
export function countIn(a: Article, x: number): number {
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

/** v·q for a dense q indexed by feature id. */
export function dense(v: SparseVec, q: Float64Array): number {
  let d = 0;
  for (let i = 0; i < v.ids.length; i++) d += v.w[i]! * q[v.ids[i]!]!;
  return d;
}

function selfDot(v: SparseVec): number {
  let d = 0;
  for (let i = 0; i < v.w.length; i++) d += v.w[i]! * v.w[i]!;
  return d;
}

function grow(a: Float64Array, min: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(Math.max(min, a.length * 2, 64));
  out.set(a);
  return out;
}
