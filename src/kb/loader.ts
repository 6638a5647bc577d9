import {
  articleSchema,
  frontMatterSchema,
  topicFromId,
  type Article,
  type KbLoadResult,
  type KbProblem,
} from './article';
import { splitFrontMatter } from './front-matter';
import { validateCollection, zodProblems, type SourcedArticle } from './validate';

/**
 * Markdown knowledge-base loading. Edge-safe: it takes file contents, never reads files, so the
 * Worker can feed it the bundled sample KB and Node scripts can feed it a folder.
 */

/** One Markdown file: its path relative to the KB folder (used in messages) and its text. */
export interface KbFile {
  path: string;
  text: string;
}

export type ParsedArticleFile =
  | { ok: true; article: Article; problems: KbProblem[] }
  | { ok: false; problems: KbProblem[] };

/**
 * Parses one Markdown article and checks the rules that need no other file. Cross-file rules
 * (duplicate ids and questions, RU/EN pairs) are `loadKnowledgeBase`'s job.
 */
export function parseArticleFile(path: string, text: string): ParsedArticleFile {
  const split = splitFrontMatter(text);
  if (!split.ok) {
    return {
      ok: false,
      problems: split.errors.map((e) => ({
        file: path,
        ...(e.line ? { line: e.line } : {}),
        message: e.message,
        severity: 'error' as const,
      })),
    };
  }
  const front = frontMatterSchema.safeParse(split.data);
  if (!front.success) {
    return { ok: false, problems: zodProblems(front.error, split.data, path) };
  }
  const { topic, ...fields } = front.data;
  const candidate = { ...fields, topic: topic ?? topicFromId(fields.id), answer: split.body };
  // Cannot fail after the front matter passed, but a thrown error would stop the whole load.
  const article = articleSchema.safeParse(candidate);
  if (!article.success) return { ok: false, problems: zodProblems(article.error, candidate, path) };
  return { ok: true, article: article.data, problems: [] };
}

/**
 * Loads a whole knowledge base and reports every problem in it: bad front matter, missing or
 * invalid fields, empty answers, duplicate ids and questions, broken RU/EN pairs.
 * Files are processed in path order so messages ("also in ...") are stable between runs.
 *
 * @example
 * const { articles, problems } = loadKnowledgeBase([{ path: 'en/delivery-cost.md', text }]);
 */
export function loadKnowledgeBase(files: readonly KbFile[]): KbLoadResult {
  const problems: KbProblem[] = [];
  const entries: SourcedArticle[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const parsed = parseArticleFile(file.path, file.text);
    problems.push(...parsed.problems);
    if (parsed.ok) entries.push({ article: parsed.article, file: file.path });
  }
  const checked = validateCollection(entries);
  return { articles: checked.articles, problems: [...problems, ...checked.problems] };
}

export { validateArticle, normalizeQuestion } from './validate';
