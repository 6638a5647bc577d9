/**
 * npm run eval:all [-- --dir <datasets folder>] [--opts '<json>'] [--no-baseline]
 *   [--oos-shares 0,30,50,70] [--seed <n>] [--draws <n>] [--variants <n>]
 * Runs every development set (each *.kb.jsonl with its queries file), then the sample shop
 * (knowledge-base/ with datasets/voltmarket.queries.jsonl), one at a time, and prints one
 * Markdown table: ours beside the MiniSearch baseline. `eceFloor` is the ece a perfectly
 * calibrated model with the same confidences would show on a set that size. --oos-shares adds a
 * second table: each set resampled (seeded) to those out-of-scope shares, in per cent.
 * --variants n keeps at most n question variants per entry of every KB (seeded by --seed).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RetrieverOptions } from '../src/kb/retrieval/index.js';
import { loadKb, loadQueries, warnUnknownExpected } from './lib/eval-load.js';
import { eceNoiseFloor } from './lib/eval-metrics.js';
import { type EngineRun, FIELDS, fmt, runBaselineEngine, runOurs } from './lib/eval-run.js';
import { SHARE_HEADER, cutVariants, parseShares, reportByShare, shareTableRows } from './lib/eval-shares.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: resolve(import.meta.dirname, '../../shared/datasets') },
    opts: { type: 'string' },
    'no-baseline': { type: 'boolean', default: false },
    'oos-shares': { type: 'string' },
    seed: { type: 'string', default: '1' },
    draws: { type: 'string', default: '10' },
    variants: { type: 'string' },
  },
});
const shares = values['oos-shares'] === undefined ? undefined : parseShares(values['oos-shares']);
const seed = Number(values.seed);
const draws = Number(values.draws);
const dir = values.dir!;
const opts = values.opts ? (JSON.parse(values.opts) as RetrieverOptions) : undefined;

const files = readdirSync(dir);
const sets = files
  .filter((f) => f.endsWith('.kb.jsonl'))
  .sort()
  .map((kb) => {
    const name = kb.slice(0, -'.kb.jsonl'.length);
    const queries = files.find((f) => f === `${name}.dev.queries.jsonl`) ?? files.find((f) => f === `${name}.queries.jsonl`);
    return { name, kb: join(dir, kb), queries: queries ? join(dir, queries) : undefined };
  });
// The product's own sample KB and its independent visitor questions: the third target set.
const root = resolve(import.meta.dirname, '..');
const shop = { name: 'sample-shop', kb: join(root, 'knowledge-base'), queries: join(root, 'datasets/voltmarket.queries.jsonl') };
if (existsSync(shop.kb) && existsSync(shop.queries)) sets.push(shop);

const header = ['set', 'engine', ...FIELDS, 'p99CpuMs', 'threshold', 'buildMs', 'eceFloor'];
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map(() => '---').join(' | ')} |`);
const byShare: string[] = [];
const row = (name: string, engine: string, r: EngineRun): void => {
  if (shares) byShare.push(...shareTableRows(name, engine, reportByShare(r.decisions, r.threshold, shares, seed, draws, r.assumedShare), fmt));
  const cells = [name, engine, ...FIELDS.map((f) => fmt(r.report[f])), fmt(r.p99CpuMs), fmt(r.threshold), fmt(r.buildMs, 0), fmt(eceNoiseFloor(r.confidences))];
  console.log(`| ${cells.join(' | ')} |`);
};
for (const s of sets) {
  if (!s.queries) {
    console.error(`${s.name}: no queries file, skipped`);
    continue;
  }
  const loaded = await loadKb(s.kb);
  const entries = values.variants === undefined ? loaded : cutVariants(loaded, Number(values.variants), seed);
  const queries = await loadQueries(s.queries);
  warnUnknownExpected(entries, queries, s.queries);
  row(s.name, 'ours', runOurs(entries, queries, opts));
  if (!values['no-baseline']) row(s.name, 'minisearch', runBaselineEngine(entries, queries));
}
if (shares) {
  console.log(`\nResampled to out-of-scope shares (seeds ${seed}…${seed + draws - 1}, mean of ${draws} draws):\n`);
  console.log(`| ${SHARE_HEADER.join(' | ')} |`);
  console.log(`| ${SHARE_HEADER.map(() => '---').join(' | ')} |`);
  for (const line of byShare) console.log(line);
}
