import { readFile } from 'node:fs/promises';
import type { RetrievalEntry } from '../../src/kb/retrieval/index.js';
import { loadKbSource } from './kb-source.js';

/** One visitor message of a `*.queries.jsonl` file; `expected: null` means out of scope. */
export interface EvalQuery {
  text: string;
  expected: string | null;
  lang?: string;
}

async function readJsonl(path: string): Promise<unknown[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new Error(`${path}:${i + 1}: not JSON`);
      }
    });
}

function toEntry(row: unknown, where: string): RetrievalEntry {
  const r = row as Partial<RetrievalEntry>;
  if (typeof r.id !== 'string' || !Array.isArray(r.questions)) {
    throw new Error(`${where}: an entry needs "id" and "questions"`);
  }
  return {
    id: r.id,
    title: typeof r.title === 'string' ? r.title : '',
    questions: r.questions.filter((q): q is string => typeof q === 'string'),
    ...(typeof r.answer === 'string' ? { answer: r.answer } : {}),
    ...(typeof r.lang === 'string' ? { lang: r.lang } : {}),
  };
}

/**
 * Loads a KB for evaluation: a `.jsonl` in the datasets format is read here, as is (entries
 * without an answer are fine); a folder of Markdown articles or a `.csv` goes through the
 * project's KB source loader, so the eval sees what the bot would serve.
 */
export async function loadKb(path: string): Promise<RetrievalEntry[]> {
  if (path.endsWith('.jsonl')) {
    return mergeDuplicates((await readJsonl(path)).map((row, i) => toEntry(row, `${path}:${i + 1}`)), path);
  }
  const { articles, problems } = await loadKbSource(path);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) console.error(`${path}: ${errors.length} error(s) while loading; those articles are skipped`);
  return articles.map((a, i) => toEntry(a, `${path}#${i + 1}`));
}

/**
 * Intent data sometimes lists one intent on several lines: those become one entry with all
 * their questions (the first line's title and language), and stderr says so.
 */
export function mergeDuplicates(entries: RetrievalEntry[], path: string): RetrievalEntry[] {
  const byId = new Map<string, RetrievalEntry>();
  let merged = 0;
  for (const e of entries) {
    const seen = byId.get(e.id);
    if (!seen) {
      byId.set(e.id, { ...e, questions: [...e.questions] });
      continue;
    }
    merged++;
    seen.questions.push(...e.questions.filter((q) => !seen.questions.includes(q)));
    if (seen.title === '') seen.title = e.title;
  }
  if (merged > 0) console.error(`${path}: ${merged} line(s) repeat an earlier id; their questions were merged into it`);
  return [...byId.values()];
}

export async function loadQueries(path: string): Promise<EvalQuery[]> {
  return (await readJsonl(path)).map((row, i) => {
    const r = row as Partial<EvalQuery>;
    if (typeof r.text !== 'string' || (r.expected !== null && typeof r.expected !== 'string')) {
      throw new Error(`${path}:${i + 1}: a query needs "text" and "expected" (string or null)`);
    }
    return { text: r.text, expected: r.expected, ...(r.lang ? { lang: r.lang } : {}) };
  });
}

/** Says on stderr when queries expect entries the KB does not have (they count as misses). */
export function warnUnknownExpected(entries: RetrievalEntry[], queries: EvalQuery[], path: string): void {
  const ids = new Set(entries.map((e) => e.id));
  const unknown = new Set(queries.flatMap((q) => (q.expected !== null && !ids.has(q.expected) ? [q.expected] : [])));
  if (unknown.size === 0) return;
  const sample = [...unknown].slice(0, 5).join(', ');
  console.error(`${path}: queries expect ${unknown.size} id(s) the KB does not have (${sample}${unknown.size > 5 ? ', …' : ''}); they count as misses`);
}
