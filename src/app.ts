import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from './deps';
import { handleError, send } from './http/error-handler';
import type { HonoEnv } from './http/hono-env';
import { declareBodyErrors } from './http/router';
import { conversationRoutes } from './routes/conversations';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { kbRoutes } from './routes/kb';
import { operatorRoutes } from './routes/operator';
import { pageRoutes } from './routes/pages';

/** The whole HTTP app, built from its dependencies; the entries only decide where they come from. */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<HonoEnv>();

  app.use('*', requestId({ limitLength: 64 }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  // The widget runs on customers' sites and authenticates with a bearer token, never a cookie:
  // the configured site origins, or any site on the embedded default. Staff routes get no CORS.
  const origin = deps.env.ALLOWED_ORIGINS ?? '*';
  app.use('/api/conversations/*', cors({ origin, allowHeaders: ['Content-Type', 'Authorization', 'Last-Event-ID'] }));
  app.use('/api/conversations', cors({ origin, allowHeaders: ['Content-Type', 'Authorization'] }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.env.MAX_BODY_BYTES,
      onError: (c) => {
        const res = send(c, 'payload_too_large', `The request body is larger than ${deps.env.MAX_BODY_BYTES} bytes`, c.get('requestId'));
        // The rest of the body is never read, so the connection cannot carry another request.
        res.headers.set('connection', 'close');
        return res;
      },
    }),
  );

  app.route('/', healthRoutes);
  app.route('/', conversationRoutes);
  app.route('/', operatorRoutes);
  app.route('/', authRoutes);
  app.route('/', adminRoutes);
  app.route('/', kbRoutes);
  app.route('/', pageRoutes);
  declareBodyErrors(app.openAPIRegistry);

  app.openAPIRegistry.registerComponent('securitySchemes', 'visitorToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token returned when the conversation was created; `?token=` also works for EventSource',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'staffToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A staff session token from POST /api/auth/login; `?token=` also works for the operator event stream',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Support chat API',
      version: '0.1.0',
      description: 'Visitor, operator, editor and admin routes. Every error is { error: { code, message, requestId } }.',
    },
  });

  app.notFound((c) => send(c, 'not_found', `No route for ${c.req.method} ${c.req.path}`, c.get('requestId')));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
