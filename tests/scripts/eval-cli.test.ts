import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FIELDS = ['top1', 'top3', 'auroc', 'a90', 'precision', 'coverage', 'oosHandoff', 'ece', 'p50Ms', 'p99Ms', 'n', 'oos'];

const KB = [
  { id: 'card_arrival', title: 'Card arrival', questions: ['where is my card', 'my card has not arrived', 'card delivery time'], lang: 'en' },
  { id: 'refund', title: 'Refund', questions: ['how do I get a refund', 'I want my money back', 'refund for my order'], lang: 'en' },
  { id: 'pin', title: 'PIN', questions: ['I forgot my pin', 'how to change my pin', 'pin is blocked'], lang: 'en' },
  { id: 'доставка', title: 'Доставка', questions: ['сколько стоит доставка', 'когда привезут заказ', 'доставка курьером'], lang: 'ru' },
];
const QUERIES = [
  { text: 'my card still has not arrived', expected: 'card_arrival', lang: 'en' },
  { text: 'can I get my money back', expected: 'refund', lang: 'en' },
  { text: 'forgot the PIN', expected: 'pin', lang: 'en' },
  { text: 'доставку привезут когда?', expected: 'доставка', lang: 'ru' },
  { text: 'what is the weather tomorrow', expected: null, lang: 'en' },
];

let dir = '';
const jsonl = (rows: unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eval-cli-'));
  await writeFile(join(dir, 'kb.jsonl'), jsonl(KB));
  await writeFile(join(dir, 'queries.jsonl'), jsonl(QUERIES));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function evalJson(...extra: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(TSX, ['scripts/eval.ts', '--kb', join(dir, 'kb.jsonl'), '--queries', join(dir, 'queries.jsonl'), '--json', ...extra], { cwd: ROOT });
  const last = stdout.trim().split('\n').at(-1)!;
  return JSON.parse(last) as Record<string, unknown>;
}

describe('npm run eval -- --json', () => {
  it('prints every contract field as one JSON object on the last line', async () => {
    const out = await evalJson();
    for (const f of FIELDS) expect(out).toHaveProperty(f);
    expect(out.n).toBe(4);
    expect(out.oos).toBe(1);
    expect(out.top1).toBeGreaterThanOrEqual(0.75);
    expect(out.baseline).toBeUndefined();
  });

  it('adds the baseline fields under `baseline` with --baseline', async () => {
    const out = await evalJson('--baseline');
    for (const f of FIELDS) expect(out).toHaveProperty(f);
    const baseline = out.baseline as Record<string, unknown>;
    for (const f of FIELDS) expect(baseline).toHaveProperty(f);
    expect(baseline.n).toBe(4);
  });
});

describe('npm run eval -- --oos-shares', () => {
  it('prints precision, coverage and ece at each resampled share, and puts them under byShare', async () => {
    const { stdout } = await run(TSX, ['scripts/eval.ts', '--kb', join(dir, 'kb.jsonl'), '--queries', join(dir, 'queries.jsonl'), '--json', '--oos-shares', '0,20'], { cwd: ROOT });
    expect(stdout).toContain('| oosShare | precision | coverage |');
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as { byShare: Array<Record<string, number | null>> };
    expect(out.byShare.map((r) => r.share)).toEqual([0, 0.2]);
    // 4 in scope, 1 out: at 0 % the out-of-scope query is gone; at 20 % all five stay.
    expect(out.byShare[0]).toMatchObject({ n: 4, oos: 0, oosHandoff: null });
    expect(out.byShare[1]).toMatchObject({ n: 4, oos: 1 });
    for (const r of out.byShare) for (const f of ['precision', 'coverage', 'ece', 'eceFloor']) expect(r).toHaveProperty(f);
  });

  it('refuses a share it cannot resample to, naming the option', async () => {
    await expect(run(TSX, ['scripts/eval.ts', '--kb', join(dir, 'kb.jsonl'), '--queries', join(dir, 'queries.jsonl'), '--oos-shares', '100'], { cwd: ROOT })).rejects.toThrow(/--oos-shares/);
  });
});

describe('npm run eval -- --variants', () => {
  it('cuts the KB to n question variants per entry before building', async () => {
    const full = await evalJson();
    const one = await evalJson('--variants', '1', '--no-titles');
    expect(one.n).toBe(full.n);
    // One variant and no title left per entry: a different (here never better) ranking.
    expect(one.top1 as number).toBeLessThanOrEqual(full.top1 as number);
    const { stdout } = await run(TSX, ['scripts/eval.ts', '--kb', join(dir, 'kb.jsonl'), '--queries', join(dir, 'queries.jsonl'), '--variants', '1'], { cwd: ROOT });
    expect(stdout).toContain('4 entries');
  });
});

describe('npm run eval with untidy data', () => {
  it('merges lines that repeat an id, and says which expected ids the KB lacks', async () => {
    const kb = join(dir, 'dup.kb.jsonl');
    const queries = join(dir, 'dup.queries.jsonl');
    await writeFile(kb, jsonl([...KB, { id: 'pin', title: 'PIN again', questions: ['pin locked after three tries'] }]));
    await writeFile(queries, jsonl([...QUERIES, { text: 'pin locked after three tries', expected: 'pin' }, { text: 'x', expected: 'no_such_entry' }]));
    const { stdout, stderr } = await run(TSX, ['scripts/eval.ts', '--kb', kb, '--queries', queries, '--json', '--baseline'], { cwd: ROOT });
    expect(stderr).toContain('1 line(s) repeat an earlier id');
    expect(stderr).toContain('no_such_entry');
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    expect(stdout).toContain('4 entries');
    expect(out.n).toBe(6);
  });
});

describe('npm run eval on files other tools wrote', () => {
  it('reads a BOM, CRLF, blank lines, numeric ids, entries without questions and an upper-case .JSONL name', async () => {
    const kb = join(dir, 'messy.kb.JSONL');
    const queries = join(dir, 'messy.queries.jsonl');
    const lines = [...KB.map((e) => JSON.stringify(e)), JSON.stringify({ id: 42, title: 'Opening hours', questions: ['when are you open'] }), JSON.stringify({ id: 'gift', title: 'Gift cards' })];
    await writeFile(kb, `\uFEFF${lines.join('\r\n')}\r\n\r\n`);
    await writeFile(queries, `\uFEFF${[...QUERIES, { text: 'are you open on sunday', expected: 42 }].map((q) => JSON.stringify(q)).join('\r\n')}\r\n`);
    const { stdout } = await run(TSX, ['scripts/eval.ts', '--kb', kb, '--queries', queries, '--json'], { cwd: ROOT });
    expect(stdout).toContain('6 entries');
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    expect(out.n).toBe(5);
  });

  it('names the real line of a broken one, blank lines counted, and refuses a line that is not an object', async () => {
    const bad = join(dir, 'bad.queries.jsonl');
    await writeFile(bad, `${JSON.stringify(QUERIES[0])}\n\n\n{oops\n`);
    await expect(run(TSX, ['scripts/eval.ts', '--kb', join(dir, 'kb.jsonl'), '--queries', bad], { cwd: ROOT })).rejects.toMatchObject({
      stderr: expect.stringContaining('bad.queries.jsonl:4: not JSON'),
    });
    const notObject = join(dir, 'null.kb.jsonl');
    await writeFile(notObject, 'null\n');
    await expect(run(TSX, ['scripts/eval.ts', '--kb', notObject, '--queries', join(dir, 'queries.jsonl')], { cwd: ROOT })).rejects.toMatchObject({
      stderr: expect.stringContaining('null.kb.jsonl:1: an entry must be a JSON object'),
    });
  });
});
