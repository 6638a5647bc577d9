import { z } from '@hono/zod-openapi';
import { langSchema } from '../../kb/article';
import { createArticleBody } from './kb.schemas';

/** Shapes of the editor's own routes: revert, the regression set and the check before a save. */

const caseResultSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    lang: langSchema,
    expect: z.string().openapi({ description: 'The article id the question should reach' }),
    got: z.string().optional().openapi({ description: 'The article ranked first' }),
    confidence: z.number(),
    right: z.boolean().openapi({ description: 'The bot would answer it with the expected topic' }),
  })
  .openapi('KbRegressionResult');

const changedCase = z.object({ before: caseResultSchema, after: caseResultSchema });

export const regressionDiffSchema = z
  .object({
    total: z.number().int(),
    rightBefore: z.number().int(),
    rightAfter: z.number().int(),
    newlyRight: z.array(changedCase),
    newlyWrong: z.array(changedCase),
    moved: z.array(changedCase).openapi({ description: 'Right or wrong as before, but the confidence moved by 0.1 or more' }),
  })
  .openapi('KbRegressionDiff');

export const checkBody = z
  .strictObject({
    article: createArticleBody.optional().openapi({ description: 'The article as it would be saved' }),
    remove: z.string().min(1).max(200).optional().openapi({ description: 'The id of an article that would be deleted' }),
  })
  .refine((b) => (b.article === undefined) !== (b.remove === undefined), { message: 'give either article or remove' })
  .openapi('KbCheck');

export const regressionListSchema = z.object({ cases: z.array(caseResultSchema) }).openapi('KbRegressionSet');

export const addCaseBody = z
  .strictObject({
    text: z.string().trim().min(1, 'must not be empty').max(500),
    lang: langSchema,
    expect: z.string().min(1).max(200),
  })
  .openapi('KbRegressionCase');

export const caseIdParams = z.object({ caseId: z.string().min(1).max(600).openapi({ param: { name: 'caseId', in: 'path' }, example: 'en:how much is delivery' }) });
