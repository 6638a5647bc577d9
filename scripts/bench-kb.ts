/**
 * npm run bench:kb [-- --articles 10000 --variants 5 --queries 3000]
 * Builds the retriever over a synthetic mixed RU/EN KB and prints build time, heap used and
 * query latency. Run it alone: timings on a busy machine are not the engine's.
 */
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArgs } from 'node:util';
import { createRetriever } from '../src/kb/retrieval/index.js';
import { buildBaseline } from './lib/eval-baseline.js';
import { percentile } from './lib/eval-metrics.js';
import { timed } from './lib/eval-run.js';
import { syntheticKb, syntheticQueries } from './lib/eval-synthetic.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    variants: { type: 'string', default: '5' },
    queries: { type: 'string', default: '3000' },
  },
});
// `npm run bench:kb` has no --expose-gc; the flag can still be set at run time, and a fresh
// context then exposes gc(), so "heap used" is measured after collection, not approximated.
setFlagsFromString('--expose-gc');
const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as (() => void) | undefined);
const heap = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

const kb = syntheticKb(Number(values.articles), Number(values.variants));
const queries = syntheticQueries(kb, Number(values.queries));
const before = heap();
const t0 = performance.now();
const retriever = createRetriever(kb);
const buildMs = performance.now() - t0;
const heapMb = (heap() - before) / 2 ** 20;

for (const q of queries.slice(0, 200)) retriever.search(q);
const times: number[] = [];
// CPU time too: on a shared machine the wall-clock tail is mostly time spent descheduled.
const cpuTimes: number[] = [];
let hits = 0;
queries.forEach((q, i) => {
  const { value: res, ms, cpuMs } = timed(() => retriever.search(q));
  times.push(ms);
  cpuTimes.push(cpuMs);
  if (res.matches[0]?.id === kb[(i * 7919) % kb.length]!.id) hits++;
});

const edits = kb.slice(0, 100).map((e) => ({ ...e, questions: [...e.questions, `${e.title}?`] }));
const u0 = performance.now();
for (const e of edits) retriever.upsert(e);
const upsertMs = (performance.now() - u0) / edits.length;

// MiniSearch on the same KB and queries, as a yardstick for how busy the machine is.
const m0 = performance.now();
const baseline = buildBaseline(kb);
const baselineBuildMs = performance.now() - m0;
for (const q of queries.slice(0, 200)) baseline(q);
const baselineTimes = queries.map((q) => {
  const s = performance.now();
  baseline(q);
  return performance.now() - s;
});

console.log(`articles ${kb.length} × ${values.variants} variants (mixed RU/EN), ${queries.length} queries`);
console.log(`build ${buildMs.toFixed(0)} ms (index + calibration), heap used ${heapMb.toFixed(1)} MB${gc ? '' : ' (no --expose-gc: approximate)'}`);
console.log(`query p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms (wall clock); top1 on typo'd variants ${(hits / queries.length).toFixed(3)}`);
console.log(`query cpu time p50 ${percentile(cpuTimes, 50).toFixed(3)} ms, p99 ${percentile(cpuTimes, 99).toFixed(3)} ms; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(
  `minisearch (same run): build ${baselineBuildMs.toFixed(0)} ms, query p50 ${percentile(baselineTimes, 50).toFixed(3)} ms, p99 ${percentile(baselineTimes, 99).toFixed(3)} ms`,
);
console.log(`upsert ${upsertMs.toFixed(2)} ms each (mean of ${edits.length}, incl. batched recalibration)`);
