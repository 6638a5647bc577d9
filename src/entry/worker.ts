import type { ExecutionContext } from 'hono';
import { createApp, type App } from '../app';
import { buildDeps } from '../build-deps';
import { ConfigError, parseEnv } from '../env';

/**
 * The Cloudflare Workers entry. Bindings are the configuration; the app is built once per
 * isolate and reused. A bad configuration answers every request with `bad_environment`.
 */
let cached: { bindings: unknown; app: App } | undefined;

function appFor(bindings: Record<string, unknown>): App {
  if (cached?.bindings !== bindings) cached = { bindings, app: createApp(buildDeps(parseEnv(bindings))) };
  return cached.app;
}

export default {
  fetch(request: Request, bindings: Record<string, unknown>, ctx: ExecutionContext): Response | Promise<Response> {
    try {
      return appFor(bindings).fetch(request, bindings, ctx);
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : 'The worker failed to start';
      console.error(message);
      const code = error instanceof ConfigError ? 'bad_environment' : 'internal_error';
      return Response.json({ error: { code, message: 'The service is misconfigured', requestId: crypto.randomUUID() } }, { status: 500 });
    }
  },
};
