import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The script runs as `npm run eval:complaints` runs it: tsx in a child process, so exit codes
// and the printed lines are what is tested.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, 'scripts', 'eval-complaints.ts'), ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eval-complaints-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('eval:complaints', () => {
  it('prints precision, recall, f1 and n, and one JSON object last with --json', async () => {
    const file = join(dir, 'set.jsonl');
    const lines = [
      { text: 'Worst service ever, my order never arrived!!!', complaint: true, lang: 'en' },
      { text: 'Do you deliver on Sundays?', complaint: false, lang: 'en' },
      { text: 'Верните деньги, товар сломан', complaint: true, lang: 'ru' },
      { text: 'Спасибо, всё отлично', complaint: false, lang: 'ru' },
    ];
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const result = await run(['--data', file, '--json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^en .*precision=/m);
    expect(result.stdout).toMatch(/^ru .*recall=/m);
    const last = result.stdout.trim().split('\n').at(-1)!;
    const json = JSON.parse(last) as Record<string, unknown>;
    expect(json).toMatchObject({ precision: 1, recall: 1, f1: 1, n: 4 });
  });

  it('reports the project set in the human format without --json', async () => {
    const result = await run(['--data', 'datasets/complaints.jsonl']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^all +n=\d+ +precision=0\.\d+ recall=0\.\d+ f1=0\.\d+/m);
    expect(result.stdout).not.toMatch(/^\{/m);
  });

  it.each([
    ['a missing file', (d: string) => ['--data', join(d, 'nope.jsonl')], /no such file/],
    ['no --data', () => [], /--data <file> is required/],
  ])('exits 2 on %s', async (_, args, message) => {
    const result = await run(args(dir));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 naming the line of a malformed file', async () => {
    const file = join(dir, 'bad.jsonl');
    await writeFile(file, '{"text":"ok","complaint":true,"lang":"en"}\n{"text": oops}\n');
    const result = await run(['--data', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/line 2/);
  });
});
