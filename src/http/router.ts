import { OpenAPIHono, z } from '@hono/zod-openapi';
import { streamControlEventSchema } from '../domain/events';
import { AppError, ERROR_CODES } from './errors';
import { describeZodError } from './error-handler';
import type { HonoEnv } from './hono-env';

/**
 * A feature router whose validation failures become the error envelope (400 validation_error)
 * instead of zod's raw output.
 */
export function createRouter() {
  return new OpenAPIHono<HonoEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' ? 'body' : result.target;
        const { message, issues } = describeZodError(result.error, where);
        throw new AppError('validation_error', message, { issues });
      }
    },
  });
}

const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      requestId: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

/** The error responses a route may give, for its OpenAPI definition. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503)[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid input',
    401: 'Missing or invalid credentials',
    403: 'Not yours',
    404: 'Not found',
    409: 'Conflict with the current state',
    413: 'Too large',
    415: 'The body is not sent as application/json',
    429: 'Rate limited',
    503: 'Store unavailable',
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s]!, content: { 'application/json': { schema: errorSchema } } }]),
  ) as Record<number, { description: string; content: { 'application/json': { schema: typeof errorSchema } } }>;
}

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * The 200 of an event stream route: the stream's events (its own union and the control events
 * `ready`/`resync`), and with `?poll=1` the same events as JSON, each with its id.
 */
export function eventStreamResponse<S extends z.ZodType>(events: S, description: string) {
  return {
    description,
    content: {
      'text/event-stream': {
        schema: z.union([events, streamControlEventSchema]).describe('One event per SSE frame: `event:` is the type, `data:` its JSON data, `id:` its id'),
      },
      'application/json': {
        schema: z.object({
          events: z.array(z.intersection(z.object({ id: z.number() }), events)),
          lastEventId: z.number(),
          resync: z
            .boolean()
            .optional()
            .describe('true when events after the given id are gone (trimmed, or the stream started over): reload, then go on from lastEventId'),
        }),
      },
    },
  };
}

/**
 * Every route with a JSON body may answer 413 (the body limit, before validation) and 415 (a
 * body not declared as JSON): declared here for all of them at once, so no route can forget.
 * Call after the feature routers are mounted, before the document is served.
 */
export function declareBodyErrors(registry: OpenAPIHono<HonoEnv>['openAPIRegistry']) {
  const added = errorResponses(413, 415);
  for (const definition of registry.definitions) {
    if (definition.type !== 'route' || !definition.route.request?.body) continue;
    definition.route.responses = { ...added, ...definition.route.responses };
  }
}
