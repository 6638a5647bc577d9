import { createServer } from 'node:net';
import { Redis as IORedis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createBridgeApp } from '../../scripts/bridge/server.js';

// createBridgeApp's own contract, through app.request(): no HTTP server and, here, no Redis.

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

describe('createBridgeApp', () => {
  it('refuses a client speaking RESP3, whose replies have other shapes', () => {
    const client = new IORedis({ lazyConnect: true });
    expect(() => createBridgeApp({ redis: client, token: 't' })).toThrow(/protocol: 2/);
    client.disconnect();
  });

  it('refuses an empty token', () => {
    expect(() => createBridgeApp({ redis: { lazyConnect: true }, token: '' })).toThrow(/token/);
  });

  it('answers 503 {error} when Redis cannot be reached, and logs it', async () => {
    const logged: string[] = [];
    const app = createBridgeApp({
      // No retries: the command must fail now instead of waiting for a Redis that never comes.
      redis: { host: '127.0.0.1', port: await closedPort(), retryStrategy: () => null, maxRetriesPerRequest: 0 },
      token: 't',
      logError: (message) => logged.push(message),
    });
    const response = await app.request('/', {
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: JSON.stringify(['GET', 'k']),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: expect.any(String) });
    expect(logged.some((line) => line.includes('ECONNREFUSED'))).toBe(true);
    await app.close();
  });

  it('checks the token before anything else', async () => {
    const app = createBridgeApp({ redis: { lazyConnect: true }, token: 'secret' });
    const response = await app.request('/nowhere', { headers: { authorization: 'Bearer secre' } });
    expect(response.status).toBe(401);
    await app.close();
  });
});
