/**
 * Evaluates the complaint scorer on a labelled JSONL set of `{"text", "complaint", "lang"}` lines.
 *
 *   npm run eval:complaints -- --data datasets/complaints.jsonl [--json]
 *     [--ordinary datasets/ordinary-questions.jsonl] [--kb knowledge-base]
 *
 * --ordinary (a set of messages that are no complaints) and --kb (every question variant of the
 * knowledge base's articles) add the false-positive rate on ordinary questions, with the
 * messages that fired.
 *
 * Prints precision, recall, F1 and n of the complaint class, overall and per language. With
 * --json the last line is one JSON object with the same numbers. A missing or malformed file
 * exits with code 2 (1 is left to crashes), so CI can tell a broken set from a broken scorer.
 */
import { readFileSync } from 'node:fs';
import { scoreComplaint, COMPLAINT_THRESHOLD } from '../src/domain/complaint/index';
import { parseLabelledJsonl, type LabelledMessage } from '../src/domain/complaint/labelled';
import { binaryMetrics, type BinaryMetrics } from '../src/domain/complaint/metrics';
import { falsePositives, kbVariants } from './lib/complaint-fpr';

function fail(message: string): never {
  console.error(`eval:complaints: ${message}`);
  console.error('usage: npm run eval:complaints -- --data <file.jsonl> [--json]');
  process.exit(2);
}

function readSet(path: string): LabelledMessage[] {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${String(error)}`);
  }
  const parsed = parseLabelledJsonl(source);
  if (!parsed.ok) fail(`${path}: ${parsed.error}`);
  return parsed.messages;
}

function round(m: BinaryMetrics): BinaryMetrics {
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  return { ...m, precision: r(m.precision), recall: r(m.recall), f1: r(m.f1) };
}

function line(label: string, m: BinaryMetrics): string {
  const f = (x: number): string => x.toFixed(3);
  return `${label.padEnd(4)} n=${String(m.n).padEnd(5)} precision=${f(m.precision)} recall=${f(m.recall)} f1=${f(m.f1)}`;
}

const args = process.argv.slice(2);
const dataIndex = args.indexOf('--data');
const path = dataIndex >= 0 ? args[dataIndex + 1] : undefined;
if (path === undefined || path.startsWith('--')) fail('--data <file> is required');

const messages = readSet(path);
const judged = messages.map((m) => ({
  lang: m.lang,
  actual: m.complaint,
  predicted: scoreComplaint(m.text, m.lang).complaint,
}));
const overall = round(binaryMetrics(judged));
const byLang = Object.fromEntries(
  (['en', 'ru'] as const)
    .map((lang) => [lang, judged.filter((j) => j.lang === lang)] as const)
    .filter(([, part]) => part.length > 0)
    .map(([lang, part]) => [lang, round(binaryMetrics(part))]),
);

console.log(`complaint scorer on ${path} (threshold ${COMPLAINT_THRESHOLD})`);
console.log(line('all', overall));
for (const [lang, m] of Object.entries(byLang)) console.log(line(lang, m));
const optional = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 && args[at + 1] && !args[at + 1]!.startsWith('--') ? args[at + 1]! : undefined;
};
const ordinaryPath = optional('--ordinary');
const kbDir = optional('--kb');
const fpr: Record<string, { n: number; fp: number; rate: number }> = {};
const report = (label: string, set: { text: string; lang: 'ru' | 'en' }[]) => {
  const fired = falsePositives(set);
  fpr[label] = { n: set.length, fp: fired.length, rate: set.length ? fired.length / set.length : 0 };
  console.log(`false positives on ${label}: ${fired.length}/${set.length} = ${(fpr[label]!.rate * 100).toFixed(1)}%`);
  for (const f of fired) console.log(`  ${f.score.toFixed(2)} ${f.text}`);
};
if (ordinaryPath) report(ordinaryPath, readSet(ordinaryPath).filter((m) => !m.complaint));
if (kbDir) report(`${kbDir} question variants`, await kbVariants(kbDir));
if (args.includes('--json')) {
  const { precision, recall, f1, n, tp, fp, fn, tn } = overall;
  console.log(JSON.stringify({ precision, recall, f1, n, tp, fp, fn, tn, threshold: COMPLAINT_THRESHOLD, byLang, ...(Object.keys(fpr).length ? { fpr } : {}) }));
}
