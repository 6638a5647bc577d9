import { articleSchema, type Article, type KbProblem, type Lang } from './article';
import { zodProblems } from './validate';

export interface ImportOptions {
  /** Name used in problems (`file`), e.g. the uploaded file's name. */
  file?: string;
  /** Language for entries that do not state one; otherwise it is guessed from the script. */
  lang?: Lang;
  /** Called as entries are read, so long imports can show progress. */
  onProgress?: (done: number, total: number) => void;
}

/** Cyrillic anywhere means Russian: good enough for a default when the source says nothing. */
export function guessLang(text: string): Lang {
  return /[\u0400-\u04FF]/.test(text) ? 'ru' : 'en';
}

/** Builds an article, marking answerless entries `evalOnly` instead of rejecting them. */
export function buildArticle(
  input: Record<string, unknown> & { answer: string },
  file: string,
  line: number,
): { ok: true; article: Article } | { ok: false; problems: KbProblem[] } {
  const candidate = {
    ...input,
    questions: Array.isArray(input.questions) ? input.questions.map((q) => String(q).trim()).filter(Boolean) : input.questions,
    ...(input.answer.trim() === '' ? { evalOnly: true } : {}),
  };
  const parsed = articleSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, candidate, file, line) };
  return { ok: true, article: parsed.data };
}

