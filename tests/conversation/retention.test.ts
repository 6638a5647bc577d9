import { Redis as IORedis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory/memory-store';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { ALWAYS_OPEN, answeringBot, auth, makeTestApp, postText, startConversation } from '../helpers/app';
import { makeStaff, staffHeaders } from '../helpers/staff';
import { useBridgeWithDirectRedis } from '../helpers/upstash-bridge';

const DAY = 86_400_000;

describe('retention (RETENTION_DAYS)', () => {
  it('the memory store forgets a resolved conversation after the retention, keeps a waiting one, and counts the resolution', async () => {
    let now = Date.UTC(2026, 10, 1, 12);
    const clock = { now: () => now };
    const store = createMemoryStore({ now: clock.now });
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, RETENTION_DAYS: '2' }, { store, clock, bot: answeringBot });
    const done = await startConversation(app);
    await postText(app, done, 'thanks');
    expect((await app.request(`/api/conversations/${done.id}/resolve`, { method: 'POST', ...auth(done.token) })).status).toBe(200);
    const waiting = await startConversation(app);
    await app.request(`/api/conversations/${waiting.id}/handoff`, { method: 'POST', ...auth(waiting.token) });

    now += 1 * DAY;
    await startConversation(app); // a write sweeps what is due
    expect(await store.conversations.get(done.id)).not.toBeNull();

    now += 2 * DAY;
    await startConversation(app);
    expect(await store.conversations.get(done.id)).toBeNull();
    expect(await store.transcripts.list(done.id)).toEqual([]);
    expect(await store.conversations.get(waiting.id)).toMatchObject({ status: 'waiting' });
    const op = await makeStaff(deps, 'operator'); // signed in now: a session outlives no three days
    const queue = await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json();
    expect(queue.items.map((i: { conversationId: string }) => i.conversationId)).toEqual([waiting.id]);
    expect(await store.documents.counter('resolved:2026-11-01')).toBe(1);
    expect(await store.documents.counter('resolved:2026-11-01:bot')).toBe(1);
  });

  describe('on Upstash', () => {
    const redis = useBridgeWithDirectRedis();
    it('expires a resolved conversation’s keys after the retention and keeps a waiting one’s for good', async () => {
      const prefix = `ret-${Date.now()}`;
      const store = createUpstashStore({ url: redis.bridge.url, token: redis.bridge.token, prefix });
      const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, RETENTION_DAYS: '3' }, { store, bot: answeringBot });
      const op = await makeStaff(deps, 'operator');
      const convo = await startConversation(app);
      await postText(app, convo, 'hello');
      const direct: IORedis = redis.direct;
      const ttls = () => Promise.all(['conv', 'msgs'].map((kind) => direct.ttl(`${prefix}:${kind}:${convo.id}`)));
      for (const ttl of await ttls()) expect(ttl).toBeGreaterThan(3 * 86_400 - 60);
      await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
      expect(await ttls()).toEqual([-1, -1]);
      await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
      expect(await ttls()).toEqual([-1, -1]);
      await app.request(`/api/operator/conversations/${convo.id}/resolve`, { method: 'POST', headers: staffHeaders(op.token), body: '{}' });
      for (const ttl of await ttls()) {
        expect(ttl).toBeGreaterThan(3 * 86_400 - 60);
        expect(ttl).toBeLessThanOrEqual(3 * 86_400);
      }
      const day = new Date().toISOString().slice(0, 10);
      expect(await store.documents.counter(`resolved:${day}:person`)).toBe(1);
    });
  });
});
