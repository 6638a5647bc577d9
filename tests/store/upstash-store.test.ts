import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { StoreUnavailableError } from '../../src/http/errors';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';
import { describeStoreContract } from './contract';

// A real redis-server behind the project's Upstash REST bridge; each test gets its own key prefix.
let bridge: UpstashBridge;
beforeAll(async () => {
  bridge = await startUpstashBridge();
});
afterAll(() => bridge?.stop());

let counter = 0;
describeStoreContract('upstash', () =>
  createUpstashStore({ url: bridge.url, token: bridge.token, prefix: `t${Date.now()}-${++counter}`, pollIntervalMs: 50 }),
);

describe('upstash store failures', () => {
  it('turns an unreachable backend into StoreUnavailableError and a false ping', async () => {
    const store = createUpstashStore({ url: 'http://127.0.0.1:9', token: 'x' });
    expect(await store.ping()).toBe(false);
    await expect(store.conversations.get('c1')).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('refuses a wrong token as unavailable, never as an empty result', async () => {
    const store = createUpstashStore({ url: bridge.url, token: 'wrong' });
    await expect(store.transcripts.list('c1')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
