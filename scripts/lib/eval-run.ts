import { createRetriever, type RetrievalEntry, type RetrieverOptions } from '../../src/kb/retrieval/index.js';
import { BASELINE_THRESHOLD, buildBaseline } from './eval-baseline.js';
import type { EvalQuery } from './eval-load.js';
import { type Decision, type EvalReport, eceNoiseFloor, percentile, summarize } from './eval-metrics.js';

export interface EngineRun {
  report: EvalReport;
  threshold: number;
  buildMs: number;
  /** p99 of CPU time per query: on a shared machine the wall-clock tail is mostly waiting */
  p99CpuMs: number;
  /** mean ece of a perfectly calibrated model with the same confidences (see eceNoiseFloor) */
  eceFloor: number;
}

/** Times one call by wall clock and by this process's CPU time. */
function timed<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

export function runOurs(entries: RetrievalEntry[], queries: EvalQuery[], opts?: RetrieverOptions): EngineRun {
  const t0 = performance.now();
  const retriever = createRetriever(entries, opts);
  const buildMs = performance.now() - t0;
  // Warm the JIT and the stem cache the way a long-running worker would be.
  for (const q of queries.slice(0, 50)) retriever.search(q.text);
  const cpu: number[] = [];
  const decisions: Decision[] = queries.map((q) => {
    const { value: res, ms, cpuMs } = timed(() => retriever.search(q.text, { k: 5 }));
    cpu.push(cpuMs);
    return { expected: q.expected, ranked: res.matches.map((m) => m.id), confidence: res.confidence, ms };
  });
  const report = summarize(decisions, retriever.threshold);
  const eceFloor = eceNoiseFloor(decisions.map((d) => d.confidence));
  return { report, threshold: retriever.threshold, buildMs, p99CpuMs: percentile(cpu, 99), eceFloor };
}

export function runBaselineEngine(entries: RetrievalEntry[], queries: EvalQuery[]): EngineRun {
  const t0 = performance.now();
  const search = buildBaseline(entries);
  const buildMs = performance.now() - t0;
  for (const q of queries.slice(0, 50)) search(q.text);
  const cpu: number[] = [];
  const decisions: Decision[] = queries.map((q) => {
    const { value, ms, cpuMs } = timed(() => search(q.text));
    cpu.push(cpuMs);
    return { expected: q.expected, ...value, ms };
  });
  const eceFloor = eceNoiseFloor(decisions.map((d) => d.confidence));
  return { report: summarize(decisions, BASELINE_THRESHOLD), threshold: BASELINE_THRESHOLD, buildMs, p99CpuMs: percentile(cpu, 99), eceFloor };
}

export const FIELDS: Array<keyof EvalReport> = [
  'top1', 'top3', 'auroc', 'a90', 'precision', 'coverage', 'oosHandoff', 'ece', 'p50Ms', 'p99Ms', 'n', 'oos',
];

export function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(digits);
}

/** Rounds for JSON output so the last line stays readable. */
export function rounded(r: EvalReport): EvalReport {
  const out = { ...r };
  for (const k of FIELDS) {
    const v = out[k];
    if (typeof v === 'number' && !Number.isInteger(v)) (out as Record<string, unknown>)[k] = Math.round(v * 10000) / 10000;
  }
  return out;
}
