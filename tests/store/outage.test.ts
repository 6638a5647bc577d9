import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { ALWAYS_OPEN, answeringBot, auth, makeTestApp, postText, startConversation } from '../helpers/app';
import { makeStaff, staffHeaders } from '../helpers/staff';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';

let bridge: UpstashBridge;
beforeAll(async () => {
  bridge = await startUpstashBridge();
});
afterAll(async () => {
  bridge?.redis.resume();
  await bridge?.stop();
});

async function timed(work: () => Response | Promise<Response>) {
  const started = performance.now();
  const res = await work();
  return { res, ms: performance.now() - started, body: (await res.json()) as { error?: { code: string; message: string } } };
}

describe('a store outage (Redis frozen behind the bridge)', () => {
  it('answers 503 store_unavailable within 3 s, never 500 or a hang, and recovers by itself', async () => {
    const store = createUpstashStore({ url: bridge.url, token: bridge.token, prefix: `out-${Date.now()}` });
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { store, bot: answeringBot });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app);
    expect((await postText(app, convo, 'before', { clientId: 'k-0' })).status).toBe(201);

    bridge.redis.pause();
    try {
      const attempts = await Promise.all([
        timed(() => postText(app, convo, 'during', { clientId: 'k-1' })),
        timed(() => app.request(`/api/conversations/${convo.id}`, auth(convo.token))),
        timed(() => app.request('/api/operator/queue', { headers: staffHeaders(op.token) })),
        timed(() => app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) })),
      ]);
      for (const { res, ms, body } of attempts) {
        expect(res.status).toBe(503);
        expect(body.error?.code).toBe('store_unavailable');
        expect(body.error?.message).not.toMatch(/at .*\.ts|Error:/);
        expect(ms).toBeLessThan(3_000);
      }
    } finally {
      bridge.redis.resume();
    }

    // Recovery needs nobody: the next requests succeed, and the retried message is stored once.
    let status = 0;
    for (let i = 0; i < 50 && status !== 201; i++) {
      status = (await postText(app, convo, 'during', { clientId: 'k-1' })).status;
      if (status !== 201) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(201);
    const transcript = await store.transcripts.list(convo.id);
    expect(transcript.filter((m) => m.text === 'during')).toHaveLength(1);
    expect(transcript.filter((m) => m.text === 'before')).toHaveLength(1);
  }, 30_000);
});
