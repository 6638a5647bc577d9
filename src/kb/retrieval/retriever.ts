import { type Calibration, type Signals, calibrate, computeSignals, predict } from './calibration.js';
import { LexicalIndex } from './lexical-index.js';
import { RERANK_DEPTH, rerank } from './ranker.js';
import type { GroupWeights } from './vectorize.js';

/** A KB entry as retrieval sees it; `answer` is not indexed (question variants carry the intent). */
export interface RetrievalEntry {
  id: string;
  title: string;
  questions: string[];
  answer?: string;
  lang?: string;
  tags?: string[];
}

export interface Match {
  id: string;
  /** re-ranker score, a logit: only differences between matches of one query mean anything */
  score: number;
}

export interface RetrievalResult {
  /** best first, up to k */
  matches: Match[];
  /** calibrated P(matches[0] is the right entry), 0..1 */
  confidence: number;
  /** top score, margin, coverage, ... and `top2` = calibrated P(right entry among the first two) */
  signals: Signals;
}

export interface Retriever {
  search(query: string, opts?: { k?: number }): RetrievalResult;
  /** incremental: indexes this entry only; calibration refreshes after enough edits */
  upsert(entry: RetrievalEntry): void;
  remove(id: string): void;
  readonly size: number;
  /** answer when confidence ≥ threshold: the calibrated level for the target precision */
  readonly threshold: number;
  /** the out-of-scope share the confidence is calibrated at (`oosShare`); see traffic-share.ts */
  readonly assumedShare: number;
  /** `saved` while the calibration in use is `opts.calibration` (it fitted these entries), else `computed` */
  readonly calibrationSource: 'saved' | 'computed';
  /** The calibration of the entries the retriever was built with; null once edits changed them. */
  saveCalibration(): SavedCalibration | null;
}

/**
 * A calibration kept from a retriever built on the same entries with the same options (the
 * Worker's bundled KB, calibrated at build time), so a cold start skips the leave-one-out
 * pass, nine tenths of the build. The fingerprint ties it to those entries and options.
 */
export interface SavedCalibration extends Calibration {
  fingerprint: string;
}

export interface RetrieverOptions {
  /** weights of stem, stem-bigram and char n-gram similarity */
  groupWeights?: GroupWeights;
  /** share of the best single variant's similarity vs the article centroid's */
  nnWeight?: number;
  /** assumed share of out-of-scope traffic during calibration (default 0.2) */
  oosShare?: number;
  /** precision the default threshold aims for (default 0.9) */
  targetPrecision?: number;
  /** cap on held-out calibration queries (default 1000) */
  maxCalibrationSamples?: number;
  /**
   * `each` (default): answer when this answer's confidence ≥ targetPrecision — robust when
   * real traffic holds more out-of-scope questions than assumed. `average`: the lowest
   * threshold at which answers are expected to be right targetPrecision of the time on
   * average (more automation, less margin).
   */
  thresholdRule?: 'average' | 'each';
  /** used instead of calibrating when its fingerprint matches these entries and options */
  calibration?: SavedCalibration;
}

const DEFAULTS = {
  groupWeights: [1, 0.5, 1] as GroupWeights,
  nnWeight: 0.5,
  oosShare: 0.2,
  targetPrecision: 0.9,
  maxCalibrationSamples: 1000,
  // Until a KB is big enough to calibrate on, answer only near-certain matches.
  fallbackThreshold: 0.9,
  thresholdRule: 'each' as 'average' | 'each',
};

/** A pasted log or letter is not a question; capping it bounds the worst-case latency. */
const MAX_QUERY_CHARS = 2000;

function textsOf(e: RetrievalEntry): string[] {
  // Questions first: calibration holds out the first `questions.length` variants only.
  return [...e.questions, e.title];
}

/**
 * Builds the lexical retriever with its confidence calibrated on the entries themselves.
 *
 * @example
 * const r = createRetriever(entries);
 * const res = r.search('где моя карта?');
 * if (res.confidence >= r.threshold) answer(res.matches[0].id);
 * else if (isAmbiguous(res, r.threshold)) clarify(res.matches.slice(0, 2));
 * else handoff();
 */
export function createRetriever(entries: RetrievalEntry[], opts: RetrieverOptions = {}): Retriever {
  const o = { ...DEFAULTS, ...opts };
  const index = new LexicalIndex(o.groupWeights, o.nnWeight);
  const questionCounts = new Map<string, number>();
  const unique = new Map(entries.map((e) => [e.id, e]));
  for (const e of unique.values()) questionCounts.set(e.id, e.questions.length);
  index.load([...unique.values()].map((e) => ({ id: e.id, texts: textsOf(e) })));

  let calibration: Calibration;
  let editsSinceCalibration = 0;
  let source: 'saved' | 'computed' = 'computed';
  const recalibrate = (): void => {
    calibration = calibrate(index, questionCounts, { ...o, maxSamples: o.maxCalibrationSamples });
    editsSinceCalibration = 0;
    source = 'computed';
  };
  let fingerprint: string | null = fingerprintOf([...unique.values()], o);
  const saved = opts.calibration?.fingerprint === fingerprint ? opts.calibration : undefined;
  if (saved) {
    calibration = { ranker: saved.ranker, top1: saved.top1, top2: saved.top2, inScope: saved.inScope ?? null, threshold: saved.threshold, samples: saved.samples };
    source = 'saved';
  } else recalibrate();
  // Calibration is a property of the whole KB; one edit barely moves it, so refresh in batches.
  const edited = (): void => {
    fingerprint = null;
    if (++editsSinceCalibration > Math.max(3, index.size * 0.1)) recalibrate();
  };

  return {
    search(query, searchOpts) {
      const k = searchOpts?.k ?? 5;
      const q = index.query(query.slice(0, MAX_QUERY_CHARS));
      const top = rerank(index, q, index.rank(q, { k: Math.max(k, RERANK_DEPTH) }), calibration.ranker);
      const signals = computeSignals(index, q, top);
      const { top1, top2, inScope } = calibration;
      let confidence = 0;
      if (top.length > 0) confidence = top1 ? predict(top1, signals) : Math.min(1, signals.nn ?? 0);
      // Never a NaN that would answer nothing and sort nowhere: no confidence is 0.
      if (!Number.isFinite(confidence)) confidence = 0;
      signals.top2 = top.length < 2 || !top2 ? confidence : Math.max(confidence, predict(top2, signals));
      // P(in scope) at the assumed share: what the estimate of the traffic's share is made of.
      if (inScope) signals.pIn = top.length > 0 ? predict(inScope, signals) : 0;
      return { matches: top.slice(0, k).map((m) => ({ id: m.id, score: m.score })), confidence, signals };
    },
    upsert(entry) {
      questionCounts.set(entry.id, entry.questions.length);
      index.upsert(entry.id, textsOf(entry));
      edited();
    },
    remove(id) {
      if (!index.has(id)) return;
      questionCounts.delete(id);
      index.remove(id);
      edited();
    },
    get size() {
      return index.size;
    },
    get threshold() {
      return calibration.threshold;
    },
    assumedShare: o.oosShare,
    get calibrationSource() {
      return source;
    },
    saveCalibration: () => (fingerprint === null ? null : { fingerprint, ...structuredClone(calibration) }),
  };
}

/** FNV-1a (two 32-bit lanes) of the entries as indexed and the options that shape calibration. */
function fingerprintOf(entries: RetrievalEntry[], o: Omit<RetrieverOptions, 'calibration'> & { calibration?: unknown }): string {
  const { calibration: _, ...shaping } = o;
  const text = JSON.stringify([shaping, entries.map((e) => [e.id, textsOf(e)])]);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}-${entries.length}`;
}

/**
 * True when answering outright is not safe but the right entry is, with the same calibrated
 * confidence, very likely one of the first two: ask the visitor which one they meant.
 */
export function isAmbiguous(result: RetrievalResult, threshold: number): boolean {
  return result.matches.length >= 2 && result.confidence < threshold && (result.signals.top2 ?? 0) >= threshold;
}
