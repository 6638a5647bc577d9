/**
 * npm run eval -- --kb <file|folder> --queries <file> [--json] [--baseline] [--opts '<json>']
 * Prints the eval contract fields (shared/datasets/README.md); with --json the last line is one
 * JSON object of ours, with the baseline's fields under `baseline` when --baseline is given.
 */
import { parseArgs } from 'node:util';
import type { RetrieverOptions } from '../src/kb/retrieval/index.js';
import { loadKb, loadQueries, warnUnknownExpected } from './lib/eval-load.js';
import { FIELDS, fmt, rounded, runBaselineEngine, runOurs } from './lib/eval-run.js';

const { values } = parseArgs({
  options: {
    kb: { type: 'string' },
    queries: { type: 'string' },
    json: { type: 'boolean', default: false },
    baseline: { type: 'boolean', default: false },
    opts: { type: 'string' },
  },
});

if (!values.kb || !values.queries) {
  console.error('usage: npm run eval -- --kb <file|folder> --queries <file> [--json] [--baseline]');
  process.exit(2);
}

const entries = await loadKb(values.kb);
const queries = await loadQueries(values.queries);
warnUnknownExpected(entries, queries, values.queries);
const opts = values.opts ? (JSON.parse(values.opts) as RetrieverOptions) : undefined;
const ours = runOurs(entries, queries, opts);
const base = values.baseline ? runBaselineEngine(entries, queries) : undefined;

console.log(`kb ${values.kb}: ${entries.length} entries; queries ${values.queries}: ${queries.length}`);
console.log(`ours: built in ${fmt(ours.buildMs, 1)} ms, threshold ${fmt(ours.threshold)}`);
for (const f of FIELDS) {
  console.log(`${f.padEnd(11)} ${fmt(ours.report[f]).padStart(8)}${base ? `   baseline ${fmt(base.report[f]).padStart(8)}` : ''}`);
}
console.log(`p99 cpu    ${fmt(ours.p99CpuMs).padStart(8)}${base ? `   baseline ${fmt(base.p99CpuMs).padStart(8)}` : ''}   (CPU time per query; p99Ms is wall clock)`);
if (values.json) {
  console.log(JSON.stringify(base ? { ...rounded(ours.report), baseline: rounded(base.report) } : rounded(ours.report)));
}
