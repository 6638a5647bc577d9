import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Redis as IORedis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { createBridgeApp } from '../../scripts/bridge/server.js';
import { startRedis, type RedisServer } from './redis-server.js';

/** A real Redis behind the project's Upstash REST bridge, for tests that use @upstash/redis. */
export interface UpstashBridge {
  /** Base URL for `new Redis({ url, token })` from @upstash/redis. */
  url: string;
  token: string;
  /** The Redis behind the bridge, for checking state with another client. */
  redisUrl: string;
  /** The redis-server itself, to pause it for outage tests. */
  redis: RedisServer;
  /** Round trips (HTTP requests) and commands the bridge has served so far. */
  stats(): { requests: number; commands: number };
  stop(): Promise<void>;
}

export interface BridgeTestOptions {
  /** Sees every HTTP request before the bridge does, e.g. to check which endpoint a client used. */
  onRequest?: (request: Request) => void;
}

/**
 * Starts redis-server and the bridge (in this process, on a free port). Meant for
 * `beforeAll`/`afterAll`; each call gets its own Redis, so test files do not share data.
 *
 * @example
 * let bridge: UpstashBridge;
 * beforeAll(async () => { bridge = await startUpstashBridge(); });
 * afterAll(() => bridge.stop());
 */
export async function startUpstashBridge(options: BridgeTestOptions = {}): Promise<UpstashBridge> {
  const redis = await startRedis();
  const token = randomBytes(16).toString('hex');
  try {
    const app = createBridgeApp({ redis: redis.url, token });
    const { server, port } = await listen((request) => {
      options.onRequest?.(request);
      return app.fetch(request);
    });
    return {
      url: `http://127.0.0.1:${port}`,
      token,
      redisUrl: redis.url,
      redis,
      stats: () => app.stats(),
      async stop() {
        await closeServer(server);
        await app.close();
        await redis.stop();
      },
    };
  } catch (error) {
    await redis.stop();
    throw error;
  }
}

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    // @upstash/redis keeps connections alive; without dropping them close() would wait for their timeout.
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * For a test file: start the bridge and a direct ioredis client to the same Redis before its
 * tests, stop both after. The returned object is filled in by `beforeAll`.
 */
export function useBridgeWithDirectRedis(): { bridge: UpstashBridge; direct: IORedis } {
  const handles = {} as { bridge: UpstashBridge; direct: IORedis };
  beforeAll(async () => {
    handles.bridge = await startUpstashBridge();
    handles.direct = new IORedis(handles.bridge.redisUrl, { protocol: 2 });
  });
  afterAll(async () => {
    await handles.direct?.quit();
    await handles.bridge?.stop();
  });
  return handles;
}
