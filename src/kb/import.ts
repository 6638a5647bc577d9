import { z } from 'zod';
import { articleIdSchema, langSchema, topicFromId, type KbLoadResult, type KbProblem } from './article';
import { buildArticle, guessLang, type ImportOptions } from './import-common';
import { validateCollection, zodProblems, type SourcedArticle } from './validate';

/**
 * Imports from the shared JSONL data-set format and from CSV. Edge-safe (text in, articles
 * out), so the editor API can accept an upload as well as the `kb:import` script.
 * Entries without an answer are kept with `evalOnly: true`: intent data sets are known by their
 * questions only and the eval still needs them.
 */

/** One line of `*.kb.jsonl` (see shared/datasets/README.md); extra article fields are allowed. */
const jsonlEntrySchema = z.object({
  id: articleIdSchema,
  title: z.string().trim().min(1, 'must not be empty'),
  questions: z.array(z.string()).min(1, 'must list at least one question'),
  lang: langSchema.optional(),
  answer: z.string().optional(),
  source: z.string().optional(),
  topic: articleIdSchema.optional(),
  tags: z.array(z.string()).optional(),
  department: z.string().optional(),
  handoff: z.enum(['auto', 'always']).optional(),
  url: z.string().optional(),
});

export function parseJsonlKb(text: string, options: ImportOptions = {}): KbLoadResult {
  const file = options.file ?? 'input.jsonl';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const total = lines.filter((l) => l.trim() !== '').length;
  const problems: KbProblem[] = [];
  const entries: SourcedArticle[] = [];
  let done = 0;

  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    done += 1;
    options.onProgress?.(done, total);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      problems.push({ file, line, message: `not valid JSON: ${(err as Error).message}`, severity: 'error' });
      return;
    }
    const parsed = jsonlEntrySchema.safeParse(json);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, json, file, line));
      return;
    }
    const { answer, lang, topic, ...rest } = parsed.data;
    const built = buildArticle(
      {
        ...rest,
        topic: topic ?? topicFromId(rest.id),
        lang: lang ?? options.lang ?? guessLang(rest.questions.join(' ')),
        answer: answer ?? '',
      },
      file,
      line,
    );
    if (built.ok) entries.push({ article: built.article, file, line });
    else problems.push(...built.problems);
  });
  const checked = validateCollection(entries);
  return { articles: checked.articles, problems: [...problems, ...checked.problems] };
}

export { parseCsvKb } from './import-csv';
export { guessLang, type ImportOptions } from './import-common';
