import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { z } from 'zod';
import { toHex } from '../security/signer';
import type { DocumentStore } from '../store/ports';
import { answerable, type Article } from './article';
import { embeddingText, EMBEDDINGS_NAMESPACE } from './embeddings';

export interface SemanticHit {
  id: string;
  /** Cosine similarity, -1..1. */
  score: number;
}

export interface SyncReport {
  /** Vectors fetched from the API in this sync. */
  embedded: number;
  /** Vectors found in the store. */
  cached: number;
  /** Articles dropped from the index (deleted, or no longer answerable). */
  removed: number;
  /** Articles left without a vector (API or store failure); the next sync after the cooldown tries again. */
  failed: number;
}

export interface EmbeddingIndex {
  /**
   * Bring the index in line with the full list of articles. Cheap when nothing changed (an
   * identity and text comparison); new or edited texts are looked up in the store, and only
   * those missing there are embedded, in one batched call. Never rejects: failures are logged
   * and counted.
   */
  sync(articles: readonly Article[]): Promise<SyncReport>;
  /**
   * The `k` articles nearest to the query by cosine similarity. Null when there is no semantic
   * signal (nothing indexed, API failure or cooling down after one): rank lexically then.
   */
  search(query: string, k?: number): Promise<SemanticHit[] | null>;
  /** Articles with a vector. */
  readonly size: number;
}

export interface EmbeddingIndexOptions {
  embedder: EmbeddingsInterface;
  /** The store's document port: vectors cached there survive restarts and are shared by every instance. */
  store: DocumentStore;
  /** Part of the cache key, so switching models never reuses another model's vectors. */
  model: string;
  /** Called on every failure; pass `logger.warn`. */
  log?: (message: string, fields: Record<string, unknown>) => void;
  /** Query vectors kept in memory (LRU). Default 500. */
  queryCacheSize?: number;
  /** After a failed API call, skip the API this long, so an outage costs one timeout, not one per message. Default 30 000 ms. */
  cooldownMs?: number;
  now?: () => number;
}

// The key already covers the model; it is stored as well so that whoever reads the namespace can tell what it holds.
const cachedVectorSchema = z.object({ model: z.string(), vector: z.array(z.number()).min(1) });

interface Entry {
  text: string;
  /** Unit length, so cosine similarity is a dot product. */
  unit: Float32Array;
}

/**
 * @example
 * const embedder = createOpenAIEmbedder(env);
 * const index = embedder && createEmbeddingIndex({ embedder, store: store.documents, model: embeddingModel(env) });
 * await index?.sync(kb.list());
 * const semantic = index ? await index.search('where is my parcel?', 5) : null;
 */
export function createEmbeddingIndex(opts: EmbeddingIndexOptions): EmbeddingIndex {
  const { embedder, store, model } = opts;
  const now = opts.now ?? (() => Date.now());
  const cooldownMs = opts.cooldownMs ?? 30_000;
  const queryCacheSize = opts.queryCacheSize ?? 500;
  const entries = new Map<string, Entry>();
  // Articles are immutable objects, replaced on edit: identity tells "unchanged" without rebuilding the text.
  const texts = new WeakMap<Article, string>();
  const queries = new Map<string, Float32Array>();
  let retryAt = -Infinity;

  function fail(message: string, error: unknown, fields: Record<string, unknown> = {}): void {
    retryAt = now() + cooldownMs;
    opts.log?.(message, { ...fields, model, error: describe(error) });
  }

  function textOf(article: Article): string {
    let text = texts.get(article);
    if (text === undefined) texts.set(article, (text = embeddingText(article)));
    return text;
  }

  async function syncNow(articles: readonly Article[]): Promise<SyncReport> {
    const report: SyncReport = { embedded: 0, cached: 0, removed: 0, failed: 0 };
    // Same rule as the knowledge base's index: what can never be an answer is never a candidate.
    const wanted = new Map(articles.filter(answerable).map((a) => [a.id, textOf(a)]));
    for (const id of [...entries.keys()]) {
      if (wanted.has(id)) continue;
      entries.delete(id);
      report.removed++;
    }
    const changed = [...wanted].filter(([id, text]) => entries.get(id)?.text !== text);
    if (changed.length === 0) return report;
    if (now() < retryAt) return { ...report, failed: changed.length };

    const items = await Promise.all(changed.map(async ([id, text]) => ({ id, text, key: await sha256Hex(`${model}\n${text}`) })));
    let found: unknown[];
    try {
      found = await Promise.all(items.map((item) => store.get(EMBEDDINGS_NAMESPACE, item.key)));
    } catch (error) {
      fail('embedding cache unreadable', error);
      return { ...report, failed: changed.length };
    }
    const missing: typeof items = [];
    items.forEach((item, i) => {
      // A document that no longer parses is treated as absent and overwritten below.
      const doc = cachedVectorSchema.safeParse(found[i]);
      const unit = doc.success ? toUnit(doc.data.vector) : null;
      if (unit) {
        entries.set(item.id, { text: item.text, unit });
        report.cached++;
      } else missing.push(item);
    });
    if (missing.length === 0) return report;

    let vectors: number[][];
    try {
      vectors = await embedder.embedDocuments(missing.map((item) => item.text));
      if (vectors.length !== missing.length) throw new Error(`expected ${missing.length} vectors, got ${vectors.length}`);
    } catch (error) {
      fail('embedding articles failed', error, { articles: missing.length });
      return { ...report, failed: missing.length };
    }
    const writes = missing.map(async (item, i) => {
      const vector = compact(vectors[i] ?? []);
      const unit = toUnit(vector);
      if (!unit) return void report.failed++;
      entries.set(item.id, { text: item.text, unit });
      report.embedded++;
      await store.put(EMBEDDINGS_NAMESPACE, item.key, { model, vector });
    });
    // A failed cache write costs a re-embed after the next restart, nothing now: log it and go on.
    const results = await Promise.allSettled(writes);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (rejected) opts.log?.('embedding cache write failed', { model, error: describe(rejected.reason) });
    return report;
  }

  async function queryVector(text: string): Promise<Float32Array | null> {
    const hit = queries.get(text);
    if (hit) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      queries.delete(text);
      queries.set(text, hit);
      return hit;
    }
    if (now() < retryAt) return null;
    try {
      const unit = toUnit(compact(await embedder.embedQuery(text)));
      if (!unit) return null;
      queries.set(text, unit);
      if (queries.size > queryCacheSize) queries.delete(queries.keys().next().value as string);
      return unit;
    } catch (error) {
      fail('embedding query failed', error);
      return null;
    }
  }

  // Syncs run one at a time, so two requests noticing the same edit never embed it twice here.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    sync(articles) {
      const run = queue.then(() => syncNow(articles));
      queue = run.catch(() => undefined);
      return run;
    },
    async search(query, k = 5) {
      const text = query.trim();
      if (text === '' || entries.size === 0) return null;
      const q = await queryVector(text);
      if (!q) return null;
      const hits: SemanticHit[] = [];
      for (const [id, { unit }] of entries) {
        if (unit.length === q.length) hits.push({ id, score: dot(unit, q) });
      }
      return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, k);
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * Six decimals: stored as JSON numbers, full doubles would double the document size for
 * precision far below what float32 embeddings carry. Memory uses the same rounded values, so
 * an instance ranks the same whether a vector came from the API or from the cache.
 */
function compact(vector: ArrayLike<number>): number[] {
  return Array.from(vector, (x) => Math.round(x * 1e6) / 1e6);
}

function toUnit(vector: readonly number[]): Float32Array | null {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  if (!Number.isFinite(norm) || norm === 0) return null;
  return Float32Array.from(vector, (x) => x / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toHex(new Uint8Array(digest));
}

/** Status and message only: enough to tell an outage from a bad key, and never the request (or its key). */
function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const status = (error as { status?: unknown }).status;
  return { name: error.name, message: error.message, ...(typeof status === 'number' ? { status } : {}) };
}
