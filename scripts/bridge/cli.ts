import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createBridgeApp } from './server.js';

/**
 * Serves the Upstash REST bridge in front of a local Redis, so the app (or `curl`) can use
 * @upstash/redis offline:
 *
 *   npm run bridge -- --redis redis://127.0.0.1:6379 --port 8079 --token secret
 *
 * then UPSTASH_REDIS_REST_URL=http://127.0.0.1:8079 UPSTASH_REDIS_REST_TOKEN=secret.
 */

const USAGE = `usage: npm run bridge -- --token <secret> [--redis redis://127.0.0.1:6379] [--port 8079] [--host 127.0.0.1]
  or set BRIDGE_TOKEN, REDIS_URL, BRIDGE_PORT, BRIDGE_HOST`;

interface CliConfig {
  redisUrl: string;
  port: number;
  host: string;
  token: string;
}

function readConfig(argv: string[], env: NodeJS.ProcessEnv): CliConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      redis: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const token = values.token ?? env.BRIDGE_TOKEN ?? '';
  if (token === '') {
    throw new Error('a token is required: pass --token <secret> or set BRIDGE_TOKEN (clients send it as "Authorization: Bearer <secret>")');
  }
  const portText = values.port ?? env.BRIDGE_PORT ?? '8079';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`the port must be a number from 0 to 65535, got "${portText}" (--port or BRIDGE_PORT)`);
  }
  const redisUrl = values.redis ?? env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\//.test(redisUrl)) {
    throw new Error(`the Redis URL must start with redis:// or rediss://, got "${redisUrl}" (--redis or REDIS_URL)`);
  }
  // Loopback by default: the bridge is for local development and tests, not for exposure.
  const host = values.host ?? env.BRIDGE_HOST ?? '127.0.0.1';
  return { redisUrl, port, host, token };
}

function main(): void {
  let config: CliConfig;
  try {
    config = readConfig(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`bridge: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }

  const app = createBridgeApp({ redis: config.redisUrl, token: config.token });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
    console.log(`Upstash REST bridge on http://${config.host}:${info.port} -> ${config.redisUrl.replace(/\/\/[^@/]*@/, '//***@')}`);
  });
  server.on('error', (error: Error) => {
    console.error(`bridge: cannot listen on ${config.host}:${config.port}: ${error.message}`);
    void app.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`bridge: ${signal} received, shutting down`);
    // Keep-alive connections from @upstash/redis would otherwise hold close() open.
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => {
      void app.close().finally(() => process.exit(0));
    });
    // Do not hang forever if something refuses to close.
    setTimeout(() => process.exit(1), 5_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main();
