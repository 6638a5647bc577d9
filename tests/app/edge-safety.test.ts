import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** src/ runs on Workers: only the Node entry may reach for Node's modules or process. */
const NODE_ONLY = new Set(['src/entry/node.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('edge safety', () => {
  it('no file under src/ but the Node entry imports node:*, fs, path or uses process', () => {
    const offenders = files('src')
      .filter((f) => !NODE_ONLY.has(f) && !f.startsWith('src/generated/'))
      .filter((f) => {
        // Code only: a comment may name what the code avoids.
        const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
        return /from ['"](node:|fs['"]|path['"]|os['"]|child_process['"])/.test(text) || /\bprocess\.(env|exit|argv|cwd)/.test(text);
      });
    expect(offenders).toEqual([]);
  });
});
