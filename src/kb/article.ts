import { z } from 'zod';
import { keyText, text } from '../security/text';
import { langSchema, type Lang } from '../domain/conversation';

/**
 * The knowledge-base article: one FAQ topic in one language.
 *
 * Markdown files carry everything but `answer` in their front matter; the body is the answer.
 * Imported entries (JSONL/CSV) produce the same shape, so retrieval, eval and the editor API
 * see one type whatever the source.
 */

export { langSchema, type Lang } from '../domain/conversation';

/**
 * Ids should be slugs (`delivery-cost.en`), and validation warns when one is not. But imported
 * data sets keep their own ids (`card_arrival`, `100_NIGHT_TRIAL_OFFER`, even
 * `reverted_card_payment?`) because the eval matches queries by id, so the schema itself only
 * rejects what would break a file name, a URL path segment or a log line.
 */
export const ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

export const articleIdSchema = keyText()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[^\s/\\]+$/, 'must not contain spaces or slashes (use a slug like delivery-cost.en)');

const nonEmptyText = text().trim().min(1, 'must not be empty');
/** A tag or department: it names something, so it follows the key rule. */
const nonEmptyKey = keyText().trim().min(1, 'must not be empty');

/** Fields that live in front matter, shared by the front-matter and the article schema. */
const articleFields = {
  id: articleIdSchema,
  title: nonEmptyText,
  /** Links the RU and EN versions of one topic: `delivery-cost.en` and `.ru` share `delivery-cost`. */
  topic: articleIdSchema,
  /** The ways visitors ask it; retrieval matches against these, so they must be real phrasings. */
  questions: z.array(nonEmptyText).min(1, 'must list at least one question'),
  lang: langSchema,
  tags: z.array(nonEmptyKey).default([]),
  /** Where a handoff on this topic is routed. */
  department: nonEmptyKey.default('general'),
  /** `always`: a person must decide (claims, disputes), so the bot hands off even when it knows the topic. */
  handoff: z.enum(['auto', 'always']).default('auto'),
  // http(s) only: the link is shown to visitors, and a `javascript:` URL there would be a hole.
  url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL (https://...)' }).optional(),
  /**
   * Known by its questions only (imported intent data without answers): the eval can use it,
   * the bot must never answer with it. Lint warns about such entries.
   */
  evalOnly: z.boolean().optional(),
  /** Where an imported entry came from (data set, licence). */
  source: text().optional(),
};

/**
 * The front matter of a Markdown article. Strict, because a misspelt field (`question:`,
 * `hand_off:`) would otherwise be dropped silently and the article would behave differently
 * from what its author wrote. `topic` may be omitted: it defaults to the id without its
 * language suffix (`delivery-cost.en` → `delivery-cost`).
 */
export const frontMatterSchema = z.strictObject({
  ...articleFields,
  topic: articleFields.topic.optional(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const articleSchema = z.object({
  ...articleFields,
  /** The Markdown body, trimmed. May be empty only for `evalOnly` entries (validation checks). */
  answer: text().trim(),
});
export type Article = z.infer<typeof articleSchema>;
/** What callers (importers, the editor API) may pass before defaults are applied. */
export type ArticleInput = z.input<typeof articleSchema>;

/** One problem found in a knowledge base; the loader reports all of them, never only the first. */
export const kbProblemSchema = z.object({
  /** The file (relative path), or the import source, the problem is in. */
  file: z.string(),
  /** 1-based line in the file, when known (imports, YAML errors). */
  line: z.number().int().positive().optional(),
  /** The field at fault, e.g. `questions.2`; absent when the problem is the file as a whole. */
  field: z.string().optional(),
  message: z.string(),
  /** `error` makes the file unusable or the KB ambiguous; `warning` is worth a look. */
  severity: z.enum(['error', 'warning']),
});
export type KbProblem = z.infer<typeof kbProblemSchema>;

/** Articles that could be built, and every problem found on the way. */
export interface KbLoadResult {
  articles: Article[];
  problems: KbProblem[];
}

/** `delivery-cost.en` → `delivery-cost`: the default topic of an article. */
export function topicFromId(id: string): string {
  return id.replace(/\.(ru|en)$/i, '');
}

/** Only these can answer a visitor: eval-only entries and empty answers are never candidates. */
export const answerable = (a: Pick<Article, 'evalOnly' | 'answer'>): boolean => !a.evalOnly && a.answer !== '';

/** The key of a topic in one language: each has at most one article (its translation pair). */
export const slotKey = (topic: string, lang: Lang): string => `${topic}\u0000${lang}`;
