import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { KbLoadResult, Lang } from '../../src/kb/article';
import { parseCsvKb, parseJsonlKb, type ImportOptions } from '../../src/kb/import';
import { loadKnowledgeBase } from '../../src/kb/loader';
import { readKbDir } from './read-kb-dir';

export interface KbSourceOptions {
  /** Language for entries that do not state one (imports only). */
  lang?: Lang;
  onProgress?: ImportOptions['onProgress'];
}

/**
 * Loads a knowledge base from wherever it lives: a folder of Markdown articles, a `.jsonl`
 * data set or a `.csv` sheet. The eval, lint and import scripts all go through here, so they
 * agree on what a KB is.
 *
 * @example const { articles, problems } = await loadKbSource('../shared/datasets/banking77.kb.jsonl');
 */
export async function loadKbSource(path: string, options: KbSourceOptions = {}): Promise<KbLoadResult> {
  const info = await stat(path);
  if (info.isDirectory()) return loadKnowledgeBase(await readKbDir(path));
  const text = await readFile(path, 'utf8');
  const importOptions = { file: basename(path), ...options };
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return parseJsonlKb(text, importOptions);
  if (lower.endsWith('.csv')) return parseCsvKb(text, importOptions);
  if (lower.endsWith('.md')) return loadKnowledgeBase([{ path: basename(path), text }]);
  throw new Error(`${path}: not a folder, .jsonl, .csv or .md file`);
}
