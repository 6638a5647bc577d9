import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { KbFile } from '../../src/kb/loader';

/**
 * Reads every `*.md` under `dir` (recursively) as `{ path, text }`, paths relative to `dir` with
 * forward slashes so messages and ids look the same on every OS. A folder's README.md and files
 * or folders starting with `_` or `.` are not articles: they are skipped, so a KB can document
 * itself and keep drafts beside it.
 */
export async function readKbDir(dir: string): Promise<KbFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md') && e.name.toLowerCase() !== 'readme.md')
    .map((e) => join(e.parentPath, e.name))
    .map((full) => ({ full, path: relative(dir, full).split(sep).join('/') }))
    .filter(({ path }) => !path.split('/').some((part) => part.startsWith('_') || part.startsWith('.')))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return Promise.all(files.map(async ({ full, path }) => ({ path, text: await readFile(full, 'utf8') })));
}
