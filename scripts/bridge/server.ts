import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { Redis, type RedisOptions } from 'ioredis';
import {
  parseCommand,
  parseCommandList,
  parsePathCommand,
  refusalReason,
  type Parsed,
  type RedisCommand,
} from './commands.js';
import { encodeOutcome, encodeReply, responseEncodingOf, type ResponseEncoding } from './encoding.js';
import { RawExecutor } from './executor.js';

/**
 * Serves the Upstash REST protocol in front of a plain Redis, so @upstash/redis and
 * @upstash/ratelimit can run against a local redis-server (there is no Upstash cloud offline).
 *
 * @example
 * const app = createBridgeApp({ redis: 'redis://127.0.0.1:6379', token: 'secret' });
 * serve({ fetch: app.fetch, port: 8079 });
 * // later: await app.close();
 */
export interface BridgeOptions {
  /** A connection URL, ioredis options, or a client created with `protocol: 2` (the bridge does not close a client it was given). */
  redis: Redis | string | RedisOptions;
  /** Clients must send `Authorization: Bearer <token>`. */
  token: string;
  /** Where unexpected failures are reported; clients only ever see a generic message. */
  logError?: (message: string) => void;
}

/** What the bridge has served: HTTP requests (each a round trip for a client) and the commands in them. */
export interface BridgeStats {
  requests: number;
  commands: number;
}

export type BridgeApp = Hono & {
  /** Closes the Redis connection if the bridge opened it. */
  close(): Promise<void>;
  /** Counters since start, for benches and tests that count a client's round trips. */
  stats(): BridgeStats;
};

export function createBridgeApp(options: BridgeOptions): BridgeApp {
  if (options.token === '') throw new Error('createBridgeApp: token must not be empty');
  const logError = options.logError ?? ((message: string) => console.error(`[bridge] ${message}`));
  const { redis, owned } = connect(options.redis, logError);
  const executor = new RawExecutor(redis);
  const tokenDigest = digest(options.token);
  const counted: BridgeStats = { requests: 0, commands: 0 };
  const count = (commands: number) => {
    counted.requests += 1;
    counted.commands += commands;
  };

  const app = new Hono();

  app.onError((error, c) => {
    logError(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return c.json({ error: 'ERR internal bridge error' }, 500);
  });
  app.notFound((c) => c.json({ error: `ERR no such endpoint: ${c.req.method} ${c.req.path}` }, 404));

  app.use('*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    // Comparing fixed-length digests keeps the comparison constant-time whatever the token length.
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), tokenDigest)) {
      return c.json({ error: 'Unauthorized: missing or invalid bearer token' }, 401);
    }
    await next();
  });

  app.post('/', async (c) => {
    const body = await readJson(c);
    const command = body.ok ? parseCommand(body.value) : body;
    return runSingle(c, command);
  });

  app.post('/pipeline', async (c) => {
    const body = await readJson(c);
    const commands = body.ok ? parseCommandList(body.value) : body;
    if (!commands.ok) return c.json({ error: commands.error }, 400);
    count(commands.value.length);
    const encoding = encodingOf(c);
    // A refused command fails on its own, like any per-command error in a pipeline.
    const refusals = commands.value.map(refusalReason);
    const allowed = commands.value.filter((_, index) => refusals[index] === undefined);
    const outcomes = await executor.pipeline(allowed);
    let next = 0;
    return c.json(
      refusals.map((refusal) => {
        if (refusal !== undefined) return { error: refusal };
        const outcome = outcomes[next++];
        return outcome ? encodeOutcome(outcome, encoding) : { error: 'ERR internal bridge error' };
      }),
    );
  });

  app.post('/multi-exec', async (c) => {
    const body = await readJson(c);
    const commands = body.ok ? parseCommandList(body.value) : body;
    if (!commands.ok) return c.json({ error: commands.error }, 400);
    count(commands.value.length);
    // A transaction is all or nothing, so one refused command discards it, as EXECABORT would.
    const refusal = commands.value.map(refusalReason).find((reason) => reason !== undefined);
    if (refusal !== undefined) return c.json({ error: `EXECABORT Transaction discarded: ${refusal}` }, 400);
    const outcome = await executor.transaction(commands.value);
    if (!outcome.ok) return c.json({ error: outcome.error }, outcome.fromRedis ? 400 : 503);
    const encoding = encodingOf(c);
    return c.json(outcome.outcomes.map((item) => encodeOutcome(item, encoding)));
  });

  // Path-style commands (`GET /get/key`, `POST /set/key` with the value as the body), which
  // Upstash also serves; handy with curl.
  app.get('/*', (c) => runSingle(c, parsePathCommand(c.req.path)));
  app.post('/*', async (c) => {
    const command = parsePathCommand(c.req.path);
    const value = await c.req.text();
    return runSingle(c, command.ok && value !== '' ? { ok: true, value: [...command.value, value] } : command);
  });

  async function runSingle(c: Context, command: Parsed<RedisCommand>): Promise<Response> {
    if (!command.ok) return c.json({ error: command.error }, 400);
    count(1);
    const refusal = refusalReason(command.value);
    if (refusal !== undefined) return c.json({ error: refusal }, 400);
    const outcome = await executor.run(command.value);
    if (!outcome.ok) return c.json({ error: outcome.error }, outcome.fromRedis ? 400 : 503);
    return c.json({ result: encodeReply(outcome.reply, encodingOf(c)) });
  }

  return Object.assign(app, {
    stats: (): BridgeStats => ({ ...counted }),
    async close(): Promise<void> {
      if (owned) await redis.quit().catch(() => redis.disconnect());
    },
  });
}

function encodingOf(c: Context): ResponseEncoding {
  return responseEncodingOf(c.req.header('upstash-encoding'));
}

async function readJson(c: Context): Promise<Parsed<unknown>> {
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'ERR the body is not valid JSON' };
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function connect(target: BridgeOptions['redis'], logError: (message: string) => void): { redis: Redis; owned: boolean } {
  if (target instanceof Redis) {
    // Under RESP3 Redis itself nests some replies (ZRANGE WITHSCORES), which Upstash never does.
    if (target.options.protocol !== 2) {
      throw new Error('createBridgeApp: pass an ioredis client created with `protocol: 2` (RESP3 changes reply shapes)');
    }
    return { redis: target, owned: false };
  }
  const settings: RedisOptions = {
    // Several settings here guard the shared connection: RESP2 keeps Upstash's reply shapes, and
    // commands cut off by a reconnect fail rather than being resent, which could replay half a
    // MULTI/EXEC or run a non-idempotent INCR twice.
    autoResendUnfulfilledCommands: false,
    ...(typeof target === 'string' ? {} : target),
    protocol: 2,
  };
  const redis = typeof target === 'string' ? new Redis(target, settings) : new Redis(settings);
  // Without a listener ioredis reports every reconnect attempt as an unhandled error event.
  redis.on('error', (error: Error) => logError(`redis: ${error.message}`));
  return { redis, owned: true };
}
