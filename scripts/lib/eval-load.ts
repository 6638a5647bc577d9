import { readFile } from 'node:fs/promises';
import type { RetrievalEntry } from '../../src/kb/retrieval/index.js';
import { loadKbSource } from './kb-source.js';

/** One visitor message of a `*.queries.jsonl` file; `expected: null` means out of scope. */
export interface EvalQuery {
  text: string;
  expected: string | null;
  lang?: string;
}

/** JSON lines with their real line numbers; a BOM and blank lines are fine. */
async function readJsonl(path: string): Promise<Array<{ row: unknown; where: string }>> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const out: Array<{ row: unknown; where: string }> = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${path}:${i + 1}`;
    try {
      out.push({ row: JSON.parse(line) as unknown, where });
    } catch {
      throw new Error(`${where}: not JSON`);
    }
  });
  return out;
}

const asObject = (row: unknown, where: string, what: string): Record<string, unknown> => {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new Error(`${where}: ${what} must be a JSON object`);
  return row as Record<string, unknown>;
};

/** An id as text: intent data sometimes numbers its entries. */
const idText = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

function toEntry(row: unknown, where: string): RetrievalEntry {
  const r = asObject(row, where, 'an entry');
  const id = idText(r.id);
  if (id === undefined) throw new Error(`${where}: an entry needs an "id"`);
  // An entry known by its title (or answer) only is still an entry: it just has no variants.
  const questions = Array.isArray(r.questions) ? r.questions.filter((q): q is string => typeof q === 'string') : [];
  return {
    id,
    title: typeof r.title === 'string' ? r.title : '',
    questions,
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
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
    return mergeDuplicates((await readJsonl(path)).map(({ row, where }) => toEntry(row, where)), path);
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
function mergeDuplicates(entries: RetrievalEntry[], path: string): RetrievalEntry[] {
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
  return (await readJsonl(path)).map(({ row, where }) => {
    const r = asObject(row, where, 'a query');
    const expected = r.expected === null ? null : idText(r.expected);
    if (typeof r.text !== 'string' || expected === undefined) {
      throw new Error(`${where}: a query needs "text" and "expected" (an id, or null for out of scope)`);
    }
    return { text: r.text, expected, ...(typeof r.lang === 'string' && r.lang ? { lang: r.lang } : {}) };
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
