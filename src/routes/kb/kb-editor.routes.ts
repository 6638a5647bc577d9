import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse } from '../../http/router';
import { addCaseBody, caseIdParams, checkBody, regressionDiffSchema, regressionListSchema } from './kb-editor.schemas';
import { articleIdParams, savedArticleSchema } from './kb.schemas';
import { forEditors } from './kb.routes';

export const revertArticle = createRoute({
  method: 'post',
  path: '/api/kb/articles/{id}/revert',
  ...forEditors,
  summary: 'Revert an article to its file version',
  description: 'Drops the change (or deletion) stored over a file article. 404 when there is no file version or nothing to drop; 400 `validation_error` when the file version now clashes with another article.',
  request: { params: articleIdParams },
  responses: { 200: jsonResponse(savedArticleSchema, 'The file version, now in effect'), ...errorResponses(400, 401, 403, 404, 503) },
});

export const checkChange = createRoute({
  method: 'post',
  path: '/api/kb/check',
  ...forEditors,
  summary: 'Run the regression set against a change before saving it',
  description: 'Nothing is stored. Compares every regression question against the knowledge base as it is and as it would be with the change: newly right, newly wrong, confidence moved.',
  request: { body: jsonBody(checkBody) },
  responses: { 200: jsonResponse(regressionDiffSchema, 'What the change would do'), ...errorResponses(400, 401, 403, 404, 503) },
});

export const listRegression = createRoute({
  method: 'get',
  path: '/api/kb/regression',
  ...forEditors,
  summary: 'The regression set, with how each question does now',
  responses: { 200: jsonResponse(regressionListSchema, 'The cases and their results'), ...errorResponses(401, 403, 404, 503) },
});

export const addRegressionCase = createRoute({
  method: 'post',
  path: '/api/kb/regression',
  ...forEditors,
  summary: 'Add a question to the regression set',
  request: { body: jsonBody(addCaseBody) },
  responses: { 201: jsonResponse(regressionListSchema, 'The set after the change'), ...errorResponses(400, 401, 403, 404, 503) },
});

export const removeRegressionCase = createRoute({
  method: 'delete',
  path: '/api/kb/regression/{caseId}',
  ...forEditors,
  summary: 'Remove a question from the regression set',
  request: { params: caseIdParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 503) },
});
