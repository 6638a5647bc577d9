import type { z } from 'zod';
import { ID_PATTERN, slotKey, type Article, type KbLoadResult, type KbProblem, type Lang } from './article';
import { normalizeText } from './retrieval/normalize';

/**
 * The rules every article obeys, whatever its source (Markdown, JSONL, CSV, the editor API).
 * Cross-article rules go through `KbIndex`, so a whole knowledge base is checked in one pass
 * and a single edited article is checked against the rest with the very same code.
 */

/**
 * The form in which two questions count as "the same": case, ё/е, apostrophes, punctuation and
 * spacing do not change what a visitor asked. It is the retrieval's own normalisation, so two
 * questions the search cannot tell apart are never allowed to lead to two articles.
 *
 * @example normalizeQuestion('Где мой  заказ?!') === normalizeQuestion('где мой заказ')
 * @example normalizeQuestion("I can't log in") === normalizeQuestion('I cant log in')
 */
export function normalizeQuestion(question: string): string {
  return normalizeText(question);
}

/** An article together with the file (or import source) it came from, for messages. */
export interface SourcedArticle {
  article: Article;
  file: string;
  line?: number;
}

const LANG_NAMES: Record<Lang, string> = { ru: 'Russian', en: 'English' };

/** Rules that look at one article alone. */
function checkArticleAlone(entry: SourcedArticle): KbProblem[] {
  const { article, file, line } = entry;
  const problems: KbProblem[] = [];
  const at = (field: string | undefined, message: string, severity: KbProblem['severity']) =>
    problems.push({ file, ...(line ? { line } : {}), ...(field ? { field } : {}), message, severity });

  if (!ID_PATTERN.test(article.id)) {
    at('id', `"${article.id}" is not a slug (letters, digits, "-", "_", "."): fine for imported data, avoid in articles`, 'warning');
  }
  if (article.answer === '') {
    if (article.evalOnly) at('answer', 'no answer: usable for evaluation only, never shown to visitors', 'warning');
    else at('answer', 'empty answer: write the answer in the body (or set evalOnly: true for eval data)', 'error');
  }
  const seen = new Map<string, number>();
  article.questions.forEach((question, i) => {
    const key = normalizeQuestion(question);
    const first = seen.get(key);
    if (key === '') at(`questions.${i}`, 'question has no words', 'error');
    else if (first !== undefined) at(`questions.${i}`, `repeats questions.${first} ("${question}")`, 'warning');
    else seen.set(key, i);
  });
  return problems;
}

/** The cross-article facts: who owns each id, each question, each topic/language slot. */
class KbIndex {
  private readonly ids = new Map<string, SourcedArticle>();
  private readonly questions = new Map<string, { entry: SourcedArticle; question: string }>();
  private readonly slots = new Map<string, SourcedArticle>();
  readonly langs = new Set<Lang>();

  /** Problems `entry` would cause against what is already indexed (does not add it). */
  conflicts(entry: SourcedArticle): KbProblem[] {
    const { article, file, line } = entry;
    const problems: KbProblem[] = [];
    const where = (other: SourcedArticle) => (other.line ? `${other.file}:${other.line}` : other.file);
    const base = { file, ...(line ? { line } : {}), severity: 'error' as const };

    const sameId = this.ids.get(article.id);
    if (sameId) problems.push({ ...base, field: 'id', message: `duplicate id "${article.id}", also in ${where(sameId)}` });

    article.questions.forEach((question, i) => {
      const owner = this.questions.get(normalizeQuestion(question));
      if (owner && owner.entry.article.id !== article.id) {
        problems.push({
          ...base,
          field: `questions.${i}`,
          message: `"${question}" is also a question of "${owner.entry.article.id}" in ${where(owner.entry)}: a question must lead to one article`,
        });
      }
    });

    const slot = this.slots.get(slotOf(article));
    if (slot && slot.article.id !== article.id) {
      problems.push({
        ...base,
        field: 'topic',
        message: `topic "${article.topic}" already has a ${LANG_NAMES[article.lang]} article: "${slot.article.id}" in ${where(slot)}`,
      });
    }
    return problems;
  }

  add(entry: SourcedArticle): void {
    const { article } = entry;
    if (!this.ids.has(article.id)) this.ids.set(article.id, entry);
    for (const question of article.questions) {
      const key = normalizeQuestion(question);
      if (key && !this.questions.has(key)) this.questions.set(key, { entry, question });
    }
    if (!this.slots.has(slotOf(article))) this.slots.set(slotOf(article), entry);
    this.langs.add(article.lang);
  }

  hasSlot(topic: string, lang: Lang): boolean {
    return this.slots.has(slotKey(topic, lang));
  }
}

const slotOf = (article: Article): string => slotKey(article.topic, article.lang);

/** A topic exists in one language only, in a knowledge base that has both languages. */
function missingTranslation(entry: SourcedArticle, index: KbIndex): KbProblem | undefined {
  const { article, file, line } = entry;
  const other: Lang = article.lang === 'ru' ? 'en' : 'ru';
  // A single-language KB (most imported data sets) is not missing anything.
  if (!index.langs.has(other) || index.hasSlot(article.topic, other)) return undefined;
  return {
    file,
    ...(line ? { line } : {}),
    field: 'topic',
    message: `topic "${article.topic}" has no ${LANG_NAMES[other]} version: ${LANG_NAMES[other]}-speaking visitors will not get this answer`,
    severity: 'warning',
  };
}

/**
 * Checks an article submitted through the editor API against the rest of the knowledge base.
 * `others` must not contain the article's previous version (same id), or it would be reported
 * as a duplicate of itself.
 */
export function validateArticle(article: Article, others: readonly Article[], file = article.id): KbProblem[] {
  const index = new KbIndex();
  others.forEach((other) => index.add({ article: other, file: other.id }));
  const entry = { article, file };
  const problems = [...checkArticleAlone(entry), ...index.conflicts(entry)];
  const missing = missingTranslation(entry, index);
  if (missing) problems.push(missing);
  return problems;
}

/**
 * Checks a whole collection. An article whose id is already taken is left out of `articles`,
 * so the index never holds two answers under one id; every other article is kept, its problems
 * reported, and lint decides whether errors block a release.
 */
export function validateCollection(entries: readonly SourcedArticle[]): KbLoadResult {
  const index = new KbIndex();
  const problems: KbProblem[] = [];
  const kept: SourcedArticle[] = [];
  for (const entry of entries) {
    problems.push(...checkArticleAlone(entry));
    const conflicts = index.conflicts(entry);
    problems.push(...conflicts);
    if (conflicts.some((p) => p.field === 'id')) continue;
    index.add(entry);
    kept.push(entry);
  }
  for (const entry of kept) {
    const missing = missingTranslation(entry, index);
    if (missing) problems.push(missing);
  }
  return { articles: kept.map((e) => e.article), problems };
}

/**
 * zod issues as problems naming the field. "Missing" is told apart from "wrong" because
 * "title: expected string, received undefined" makes an editor hunt for a typo that isn't there.
 */
export function zodProblems(error: z.ZodError, input: unknown, file: string, line?: number): KbProblem[] {
  const problems: KbProblem[] = [];
  for (const issue of error.issues) {
    const base = { file, ...(line ? { line } : {}), severity: 'error' as const };
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ ...base, field: key, message: `unknown field "${key}" (check the spelling)` });
      }
      continue;
    }
    const field = issue.path.map(String).join('.') || undefined;
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    problems.push({ ...base, ...(field ? { field } : {}), message: missing ? 'is missing' : issue.message });
  }
  return problems;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
