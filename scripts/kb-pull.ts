/**
 * `npm run kb:pull -- --url <server> [--dir knowledge-base]`: writes the edits stored on a server
 * (GET /api/kb/export) as Markdown files into the folder, so what editors changed in the page can
 * be reviewed and committed. Signs in with KB_EMAIL and KB_PASSWORD (an editor's account), or
 * uses KB_TOKEN. Articles deleted in the editor are listed, not removed: their file is for the
 * reviewer to delete.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

async function token(url: string): Promise<string> {
  if (process.env.KB_TOKEN) return process.env.KB_TOKEN;
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: process.env.KB_EMAIL, password: process.env.KB_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed (${res.status}); set KB_EMAIL and KB_PASSWORD, or KB_TOKEN`);
  return ((await res.json()) as { token: string }).token;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || !values.url) {
    console.log('usage: KB_EMAIL=… KB_PASSWORD=… npm run kb:pull -- --url <server> [--dir knowledge-base]');
    return values.help ? 0 : 1;
  }
  const url = values.url.replace(/\/+$/, '');
  const dir = values.dir ?? 'knowledge-base';
  const res = await fetch(`${url}/api/kb/export`, { headers: { authorization: `Bearer ${await token(url)}` } });
  if (!res.ok) throw new Error(`GET /api/kb/export: ${res.status} ${await res.text()}`);
  const { files, deleted } = (await res.json()) as { files: { path: string; text: string }[]; deleted: { id: string }[] };
  for (const file of files) {
    const target = join(dir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.text, 'utf8');
    console.log(`wrote ${target}`);
  }
  for (const d of deleted) console.log(`deleted in the editor: ${d.id} (remove its file by hand)`);
  console.log(`${files.length} file(s) written, ${deleted.length} deletion(s) to review`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: Error) => {
    console.error(`kb:pull: ${err.message}`);
    process.exitCode = 1;
  },
);
