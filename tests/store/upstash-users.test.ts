import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/http/errors';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';
import { describeUsersContract } from './users-contract';

// A real redis-server behind the project's Upstash REST bridge; each test gets its own key prefix.
let bridge: UpstashBridge;
beforeAll(async () => {
  bridge = await startUpstashBridge();
});
afterAll(() => bridge?.stop());

let counter = 0;
const makeStore = () => createUpstashStore({ url: bridge.url, token: bridge.token, prefix: `u${Date.now()}-${++counter}` });

describeUsersContract('upstash', () => makeStore().users);

describe('upstash users', () => {
  it('keeps key prefixes apart', async () => {
    const a = makeStore().users;
    const b = makeStore().users;
    const ann = { id: 'u1', email: 'ann@example.com', role: 'admin' as const, passwordHash: 'x', departments: [], capacity: 3, disabled: false, createdAt: 1, version: 0 };
    expect(await a.create(ann)).toBe(true);
    expect(await b.findByEmail('ann@example.com')).toBeNull();
    expect(await b.create(ann)).toBe(true);
  });

  it('turns an unreachable backend into StoreUnavailableError', async () => {
    const users = createUpstashStore({ url: 'http://127.0.0.1:9', token: 'x' }).users;
    await expect(users.findByEmail('ann@example.com')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
