import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/loader';
import { readKbDir } from '../../scripts/lib/read-kb-dir';

// The scripts are run the way `npm run` runs them (tsx in a child process), so exit codes
// and output are tested for real, not through an imported function.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...process.env, KB_DIR: '' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-scripts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kb:lint', () => {
  it('passes on the sample knowledge base', async () => {
    const result = await run('kb-lint.ts', []);
    expect(result.stdout).toMatch(/knowledge-base: \d+ articles, \d+ topics \(en\+ru\); 0 errors, 0 warnings/);
    expect(result.code).toBe(0);
  }, 30_000);

  it('exits non-zero and prints every problem of a broken folder', async () => {
    await mkdir(join(dir, 'en'));
    await writeFile(join(dir, 'en', 'a.md'), '---\nid: ok.en\ntitle: OK\nlang: en\nquestions: [is it ok]\n---\nYes.\n');
    await writeFile(join(dir, 'en', 'b.md'), '---\nid: ok.en\ntitle: Dup\nlang: en\nquestions: [another one]\n---\nYes.\n');
    await writeFile(join(dir, 'en', 'c.md'), '---\nid: c.en\ntitle: C\nlang: en\nquestions: [Is it OK?]\n---\nYes.\n');
    await writeFile(join(dir, 'en', 'no-answer.md'), '---\nid: x.en\ntitle: X\nlang: en\nquestions: [x]\n---\n');
    await writeFile(join(dir, 'en', 'bad.md'), '---\ntitle: [\n---\nBody\n');
    await writeFile(join(dir, 'README.md'), 'Not an article.');
    const result = await run('kb-lint.ts', ['--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('en/b.md: id: duplicate id "ok.en", also in en/a.md');
    expect(result.stdout).toContain('en/c.md: questions.0: "Is it OK?" is also a question of "ok.en" in en/a.md');
    expect(result.stdout).toContain('en/no-answer.md: answer: empty answer');
    expect(result.stdout).toMatch(/en\/bad\.md:\d+: bad YAML/);
    expect(result.stdout).not.toContain('README');
    expect(result.stdout).toMatch(/4 errors, 0 warnings/);
  }, 30_000);
});

describe('kb:import', () => {
  it('writes Markdown files that load back to the same articles, and refuses to overwrite', async () => {
    const csv = join(dir, 'faq.csv');
    await writeFile(
      csv,
      'question,answer,id,title,tags\n' +
        '"Where is my order?","Open **My orders**:\n\n- status\n- tracking",order-status,Order status: tracking,orders\n' +
        'track my parcel,,order-status,,\n' +
        'Где мой заказ?,"В личном кабинете, раздел «Мои заказы».",,,\n',
    );
    const out = join(dir, 'kb');
    const first = await run('kb-import.ts', ['--from', csv, '--out', out]);
    expect(first.stdout).toMatch(/wrote 2 articles/);
    expect(first.code).toBe(0);

    const files = await readKbDir(out);
    expect(files.map((f) => f.path).sort()).toEqual(['en/order-status.md', 'ru/gde-moy-zakaz.md']);
    const { articles, problems } = loadKnowledgeBase(files);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const order = articles.find((a) => a.id === 'order-status');
    expect(order).toMatchObject({
      title: 'Order status: tracking',
      questions: ['Where is my order?', 'track my parcel'],
      answer: 'Open **My orders**:\n\n- status\n- tracking',
      tags: ['orders'],
      lang: 'en',
    });
    expect(articles.find((a) => a.lang === 'ru')?.answer).toBe('В личном кабинете, раздел «Мои заказы».');

    const again = await run('kb-import.ts', ['--from', csv, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/refusing to overwrite/);
    const forced = await run('kb-import.ts', ['--from', csv, '--out', out, '--force']);
    expect(forced.code).toBe(0);
  }, 30_000);

  it('imports a JSONL data set without answers, with progress on stderr, and --dry-run writes nothing', async () => {
    const jsonl = join(dir, 'big.kb.jsonl');
    const lines = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({ id: `intent_${i}`, title: `Intent ${i}`, questions: [`question number ${i}`], lang: 'en' }),
    );
    await writeFile(jsonl, lines.join('\n'));
    const out = join(dir, 'kb');
    const dry = await run('kb-import.ts', ['--from', jsonl, '--out', out, '--dry-run']);
    expect(dry.stdout).toMatch(/would write 1000 articles/);
    await expect(readFile(join(out, 'en', 'intent-0.md'), 'utf8')).rejects.toThrow();

    const result = await run('kb-import.ts', ['--from', jsonl, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('imported 1000/1000');
    expect(result.stderr).toMatch(/imported 50\/1000/);
    const { articles, problems } = loadKnowledgeBase(await readKbDir(out));
    expect(articles).toHaveLength(1000);
    expect(articles.every((a) => a.evalOnly && a.answer === '')).toBe(true);
    expect(problems.every((p) => p.severity === 'warning' && p.field === 'answer')).toBe(true);
  }, 60_000);
});
