import { OpenAPIHono } from '@hono/zod-openapi';
import { describeZodError } from '../../http/error-handler';
import { AppError } from '../../http/errors';
import type { HonoEnv } from '../../http/hono-env';
import { zodProblems } from '../../kb/validate';
import { asFieldProblems, onCreate, onDelete, onGet, onList, onReplace } from './kb.handlers';
import { createArticle, deleteArticle, getArticle, listArticles, replaceArticle } from './kb.routes';
import { getTraffic, onTraffic } from './kb-traffic';
import { onAddCase, onCheck, onListRegression, onRemoveCase, onRevert } from './kb-editor.handlers';
import { addRegressionCase, checkChange, listRegression, removeRegressionCase, revertArticle } from './kb-editor.routes';
import { exportEdits, onExport } from './kb-export';
import { onTry, tryQuestion } from './kb-try';

/**
 * Editor routes. Like createRouter(), but a body that fails its schema is reported the way a
 * rule breach is (`details.problems`, with the lint's wording: "is missing", "unknown field"),
 * so the editor shows every problem beside its field whichever check found it.
 */
const router = new OpenAPIHono<HonoEnv>({
  defaultHook: async (result, c) => {
    if (result.success) return;
    const where = result.target === 'json' ? 'body' : result.target;
    const { message, issues } = describeZodError(result.error, where);
    // The body is parsed already (Hono caches it); zodProblems needs it to tell "missing" from "wrong".
    const body = result.target === 'json' ? await c.req.json().catch(() => undefined) : undefined;
    const problems = result.target === 'json' ? asFieldProblems(zodProblems(result.error, body, 'body')) : undefined;
    throw new AppError('validation_error', message, problems ? { problems, issues } : { issues });
  },
});

export const kbRoutes = router
  .openapi(listArticles, onList)
  .openapi(createArticle, onCreate)
  .openapi(getArticle, onGet)
  .openapi(replaceArticle, onReplace)
  .openapi(deleteArticle, onDelete)
  .openapi(tryQuestion, onTry)
  .openapi(getTraffic, onTraffic)
  .openapi(revertArticle, onRevert)
  .openapi(checkChange, onCheck)
  .openapi(listRegression, onListRegression)
  .openapi(addRegressionCase, onAddCase)
  .openapi(removeRegressionCase, onRemoveCase)
  .openapi(exportEdits, onExport);
