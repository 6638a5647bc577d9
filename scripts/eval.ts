/**
 * npm run eval -- --kb <file|folder> --queries <file> [--json] [--baseline] [--opts '<json>']
 *   [--oos-shares 0,30,50,70] [--seed <n>] [--draws <n>] [--variants <n>] [--no-titles]
 * Prints the eval contract fields (shared/datasets/README.md); with --json the last line is one
 * JSON object of ours, with the baseline's fields under `baseline` when --baseline is given.
 * --oos-shares also resamples the queries (seeded) to each out-of-scope share, in per cent, and
 * prints precision, coverage and ece there (under `byShare` in the JSON). --variants n keeps at
 * most n question variants per entry (seeded by --seed): a KB cut to another set's size;
 * --no-titles indexes entries without their titles (a set whose titles are in another language).
 */
import { parseArgs } from 'node:util';
import type { RetrieverOptions } from '../src/kb/retrieval/index.js';
import { loadKb, loadQueries, warnUnknownExpected } from './lib/eval-load.js';
import { FIELDS, fmt, rounded, runBaselineEngine, runOurs } from './lib/eval-run.js';
import { SHARE_HEADER, cutVariants, parseShares, reportByShare, shareTableRows } from './lib/eval-shares.js';

const { values } = parseArgs({
  options: {
    kb: { type: 'string' },
    queries: { type: 'string' },
    json: { type: 'boolean', default: false },
    baseline: { type: 'boolean', default: false },
    opts: { type: 'string' },
    'oos-shares': { type: 'string' },
    seed: { type: 'string', default: '1' },
    draws: { type: 'string', default: '10' },
    variants: { type: 'string' },
    'no-titles': { type: 'boolean', default: false },
  },
});

if (!values.kb || !values.queries) {
  console.error('usage: npm run eval -- --kb <file|folder> --queries <file> [--json] [--baseline]');
  process.exit(2);
}

const seed0 = Number(values.seed);
const loaded = await loadKb(values.kb);
const cut = values.variants === undefined ? loaded : cutVariants(loaded, Number(values.variants), seed0);
const entries = values['no-titles'] ? cut.map((e) => ({ ...e, title: '' })) : cut;
const queries = await loadQueries(values.queries);
warnUnknownExpected(entries, queries, values.queries);
const opts = values.opts ? (JSON.parse(values.opts) as RetrieverOptions) : undefined;
const shares = values['oos-shares'] === undefined ? undefined : parseShares(values['oos-shares']);
const seed = Number(values.seed);
const draws = Number(values.draws);
const ours = runOurs(entries, queries, opts);
const base = values.baseline ? runBaselineEngine(entries, queries) : undefined;

console.log(`kb ${values.kb}: ${entries.length} entries; queries ${values.queries}: ${queries.length}`);
console.log(`ours: built in ${fmt(ours.buildMs, 1)} ms, threshold ${fmt(ours.threshold)}`);
for (const f of FIELDS) {
  console.log(`${f.padEnd(11)} ${fmt(ours.report[f]).padStart(8)}${base ? `   baseline ${fmt(base.report[f]).padStart(8)}` : ''}`);
}
console.log(`p99 cpu    ${fmt(ours.p99CpuMs).padStart(8)}${base ? `   baseline ${fmt(base.p99CpuMs).padStart(8)}` : ''}   (CPU time per query; p99Ms is wall clock)`);
const byShare = shares ? reportByShare(ours.decisions, ours.threshold, shares, seed, draws, ours.assumedShare) : undefined;
if (shares && byShare) {
  console.log(`\nresampled to out-of-scope shares (seeds ${seed}…${seed + draws - 1}, mean of ${draws} draws):`);
  console.log(`| ${SHARE_HEADER.join(' | ')} |`);
  console.log(`| ${SHARE_HEADER.map(() => '---').join(' | ')} |`);
  for (const line of shareTableRows(values.kb, 'ours', byShare, fmt)) console.log(line);
  if (base) for (const line of shareTableRows(values.kb, 'baseline', reportByShare(base.decisions, base.threshold, shares, seed, draws), fmt)) console.log(line);
}
if (values.json) {
  const out = { ...rounded(ours.report), ...(byShare ? { byShare } : {}) };
  console.log(JSON.stringify(base ? { ...out, baseline: rounded(base.report) } : out));
}
