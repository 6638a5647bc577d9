import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { ALWAYS_OPEN, answeringBot, auth, makeTestApp, postText, startConversation } from '../helpers/app';
import { makeStaff, staffHeaders } from '../helpers/staff';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';

/**
 * Round trips to Upstash, counted at the bridge (each HTTP request is one): the latency a
 * visitor or operator on Workers feels. Rate limits stay on, as in production.
 */
let bridge: UpstashBridge;
beforeAll(async () => {
  bridge = await startUpstashBridge();
});
afterAll(() => bridge?.stop());

async function counted<T>(work: () => T | Promise<T>): Promise<{ value: T; requests: number; commands: number }> {
  const before = bridge.stats();
  const value = await work();
  const after = bridge.stats();
  return { value, requests: after.requests - before.requests, commands: after.commands - before.commands };
}

describe('round trips on the Upstash adapter', () => {
  it('a message the bot answers, a claim and a queue view', async () => {
    const store = createUpstashStore({ url: bridge.url, token: bridge.token, prefix: `rt-${Date.now()}` });
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { store, bot: answeringBot });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app);
    await postText(app, convo, 'warm up');

    const message = await counted(() => postText(app, convo, 'how long is delivery?'));
    expect(message.value.status).toBe(201);
    const other = await startConversation(app);
    await app.request(`/api/conversations/${other.id}/handoff`, { method: 'POST', ...auth(other.token) });
    // Scripts are loaded on first use (one extra trip per process): warm them up first.
    await app.request('/api/operator/queue', { headers: staffHeaders(op.token) });
    const queue = await counted(() => app.request('/api/operator/queue', { headers: staffHeaders(op.token) }));
    expect(queue.value.status).toBe(200);
    // Warm the claim's scripts on another conversation first.
    const warm = await startConversation(app);
    await app.request(`/api/conversations/${warm.id}/handoff`, { method: 'POST', ...auth(warm.token) });
    await app.request(`/api/operator/conversations/${warm.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
    const claim = await counted(() => app.request(`/api/operator/conversations/${other.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) }));
    expect(claim.value.status).toBe(200);
    console.log(`round trips: message ${message.requests} (${message.commands} commands), claim ${claim.requests} (${claim.commands}), queue ${queue.requests} (${queue.commands})`);
    // Reads with the rate limit, one move, the events.
    expect(message.requests).toBeLessThanOrEqual(3);
    // The session check every staff route makes, reads, one move, the events.
    expect(claim.requests).toBeLessThanOrEqual(4);
    // The session check, one page script.
    expect(queue.requests).toBeLessThanOrEqual(2);
  });
});
