import type { z } from 'zod';
import type { loginBody, loginResultSchema } from '../../routes/auth/auth.schemas';
import type { addCaseBody, regressionDiffSchema, regressionListSchema } from '../../routes/kb/kb-editor.schemas';
import type { createArticleBody, listArticlesSchema, savedArticleSchema, articleViewSchema } from '../../routes/kb/kb.schemas';
import type { tryResult } from '../../routes/kb/kb-try';
import { request } from '../shared/api';

/** The editor's calls; types are the routes' own schemas (type-only: no zod in the bundle). */
export type ArticleView = z.infer<typeof articleViewSchema>;
export type ArticleInput = z.input<typeof createArticleBody>;
export type SavedArticle = z.infer<typeof savedArticleSchema>;
export type RegressionDiff = z.infer<typeof regressionDiffSchema>;
export type RegressionList = z.infer<typeof regressionListSchema>;
export type LoginResult = z.infer<typeof loginResultSchema>;
/** The try route's answer. */
export type TryResult = z.infer<typeof tryResult>;
/** A rule an article breaks, as the API reports it in error.details.problems. */
export type Problem = { field?: string; message: string; severity: 'error' | 'warning' };

export function editorApi(base: string, token: string) {
  const at = (id: string) => `/api/kb/articles/${encodeURIComponent(id)}`;
  return {
    list: () => request<z.infer<typeof listArticlesSchema>>(base, '/api/kb/articles', { token }),
    get: (id: string) => request<ArticleView>(base, at(id), { token }),
    create: (body: ArticleInput) => request<SavedArticle>(base, '/api/kb/articles', { token, body }),
    replace: (body: ArticleInput) => request<SavedArticle>(base, at(body.id), { token, body, method: 'PUT' }),
    remove: (id: string) => request<void>(base, at(id), { token, method: 'DELETE' }),
    revert: (id: string) => request<SavedArticle>(base, `${at(id)}/revert`, { token, method: 'POST' }),
    check: (body: { article: ArticleInput } | { remove: string }) => request<RegressionDiff>(base, '/api/kb/check', { token, body }),
    regression: () => request<RegressionList>(base, '/api/kb/regression', { token }),
    addCase: (body: z.input<typeof addCaseBody>) => request<RegressionList>(base, '/api/kb/regression', { token, body }),
    try: (text: string, lang?: 'ru' | 'en') => request<TryResult>(base, '/api/kb/try', { token, body: { text, ...(lang ? { lang } : {}) } }),
  };
}
export type EditorApi = ReturnType<typeof editorApi>;

export const login = (base: string, body: z.input<typeof loginBody>) => request<LoginResult>(base, '/api/auth/login', { body });
