import type { Context, ExecutionContext } from 'hono';
import { createApp, type App } from '../app';
import { ensureAdmin } from '../auth/bootstrap';
import { buildDeps, withKnowledgeBase } from '../build-deps';
import { ConfigError, parseEnv, workerProblems } from '../env';
import { BUNDLED_CALIBRATION, BUNDLED_KB } from '../generated/bundled-content';

/**
 * The Cloudflare Workers entry. Bindings are the configuration; the app (with the knowledge
 * base and its search calibration bundled at build time) is built once per isolate and reused. A bad configuration answers
 * every request with `bad_environment`.
 */
let cached: { bindings: unknown; app: Promise<App> } | undefined;

async function build(bindings: Record<string, unknown>): Promise<App> {
  // Cloudflare sets cf-connecting-ip itself at the edge; a client cannot choose it.
  const remoteAddress = (c: Context) => c.req.header('cf-connecting-ip');
  const started = Date.now();
  const env = parseEnv(bindings);
  const problems = workerProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);
  // The bundled calibration fits the bundled files; with stored edits on top it is recomputed.
  const deps = await withKnowledgeBase(buildDeps(env, { remoteAddress }), BUNDLED_KB, BUNDLED_CALIBRATION);
  // Date.now() is coarse on the edge; it still tells a saved calibration from a computed one.
  deps.logger.info('knowledge base ready', { articles: deps.kb?.size ?? 0, calibration: deps.kb?.calibrationSource, ms: Date.now() - started });
  await ensureAdmin(deps);
  return createApp(deps);
}

export default {
  async fetch(request: Request, bindings: Record<string, unknown>, ctx: ExecutionContext): Promise<Response> {
    if (cached?.bindings !== bindings) cached = { bindings, app: build(bindings) };
    try {
      return await (await cached.app).fetch(request, bindings, ctx);
    } catch (error) {
      // Only start-up failures land here: the app itself answers every error with the envelope.
      cached = undefined;
      const config = error instanceof ConfigError;
      console.error(config ? error.message : error);
      const body = { error: { code: config ? 'bad_environment' : 'internal_error', message: 'The service is misconfigured', requestId: crypto.randomUUID() } };
      return Response.json(body, { status: 500 });
    }
  },
};
