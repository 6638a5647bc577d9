import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse } from '../../http/router';
import { requireStaff } from '../../http/staff-auth';
import {
  articleIdParams,
  articleViewSchema,
  createArticleBody,
  listArticlesQuery,
  listArticlesSchema,
  replaceArticleBody,
  savedArticleSchema,
} from './kb.schemas';

/** Every editor route: tagged, documented as needing a staff token, and for editors (admins pass). */
export const forEditors = { tags: ['Knowledge base'], security: [{ staffToken: [] }], middleware: requireStaff('editor') };

const PROBLEMS_NOTE =
  'An article that breaks a knowledge-base rule (the same rules as the Markdown files: empty answer, a question another article already has, a second article for one topic and language, ...) is refused with 400 `validation_error`, every problem listed in `error.details.problems` as `{ field, message, severity }`. Changes take effect at once, on every instance.';

export const listArticles = createRoute({
  method: 'get',
  path: '/api/kb/articles',
  ...forEditors,
  // Operators read too: the console inserts answers from the KB into the reply box.
  middleware: requireStaff('any'),
  summary: 'List the articles (any staff member; `q` searches titles, questions and tags)',
  description: 'The effective knowledge base: the files with the changes made here layered over them. Filters combine.',
  request: { query: listArticlesQuery },
  responses: {
    200: jsonResponse(listArticlesSchema, 'The articles, by id'),
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

export const createArticle = createRoute({
  method: 'post',
  path: '/api/kb/articles',
  ...forEditors,
  summary: 'Create an article',
  description: `409 \`conflict\` when the id is taken. ${PROBLEMS_NOTE}`,
  request: { body: jsonBody(createArticleBody) },
  responses: {
    201: jsonResponse(savedArticleSchema, 'The stored article, and warnings if any'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 503),
  },
});

export const getArticle = createRoute({
  method: 'get',
  path: '/api/kb/articles/{id}',
  ...forEditors,
  summary: 'Read an article',
  request: { params: articleIdParams },
  responses: {
    200: jsonResponse(articleViewSchema, 'The article'),
    ...errorResponses(401, 403, 404, 503),
  },
});

export const replaceArticle = createRoute({
  method: 'put',
  path: '/api/kb/articles/{id}',
  ...forEditors,
  summary: 'Replace an article',
  description: `The whole article; a body \`id\` must equal the path id. A file article keeps its file untouched: the change is stored and layered over it. ${PROBLEMS_NOTE}`,
  request: { params: articleIdParams, body: jsonBody(replaceArticleBody) },
  responses: {
    200: jsonResponse(savedArticleSchema, 'The stored article, and warnings if any'),
    ...errorResponses(400, 401, 403, 404, 413, 503),
  },
});

export const deleteArticle = createRoute({
  method: 'delete',
  path: '/api/kb/articles/{id}',
  ...forEditors,
  summary: 'Delete an article',
  description: 'A file article is hidden (its file stays); an article created here is gone.',
  request: { params: articleIdParams },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses(401, 403, 404, 503),
  },
});
