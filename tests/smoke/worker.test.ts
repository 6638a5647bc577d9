import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../helpers/app';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';
import { startWranglerDev, type WranglerDev } from '../helpers/wrangler-dev';

/** One conversation round trip against the Worker in workerd: create → message → read → events. */
async function roundTrip(url: string) {
  const created = await fetch(`${url}/api/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lang: 'en' }),
  });
  expect(created.status).toBe(201);
  const convo = (await created.json()) as { id: string; token: string; messages: unknown[] };
  expect(convo.messages).toHaveLength(1);
  const headers = { authorization: `Bearer ${convo.token}`, 'content-type': 'application/json' };

  const posted = await fetch(`${url}/api/conversations/${convo.id}/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ text: 'Where is my order?', clientId: 'smoke-1' }),
  });
  expect(posted.status).toBe(201);
  const result = (await posted.json()) as { message: { text: string }; decision: { kind: string } };
  expect(result.message.text).toBe('Where is my order?');
  expect(['answer', 'clarify', 'handoff']).toContain(result.decision.kind);

  const read = await fetch(`${url}/api/conversations/${convo.id}`, { headers });
  expect(read.status).toBe(200);
  const body = (await read.json()) as { messages: { role: string }[] };
  expect(body.messages.map((m) => m.role).slice(0, 2)).toEqual(['bot', 'visitor']);

  const forbidden = await fetch(`${url}/api/conversations/someone-else`, { headers });
  expect(forbidden.status).toBe(403);
  expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('forbidden');

  const events = await readEvents(await fetch(`${url}/api/conversations/${convo.id}/events?token=${convo.token}`), 3, 10_000);
  expect(events.slice(0, 3).map((e) => e.event)).toEqual(['ready', 'message', 'message']);
  expect(events[2]).toMatchObject({ id: '2', data: { role: 'visitor', text: 'Where is my order?' } });
}

describe('the Worker under wrangler dev (memory store)', () => {
  let worker: WranglerDev;
  beforeAll(async () => {
    worker = await startWranglerDev();
  }, 120_000);
  afterAll(() => worker?.stop());

  it('serves health and a whole conversation round trip', async () => {
    const health = await (await fetch(`${worker.url}/health`)).json();
    expect(health).toMatchObject({ ok: true, store: { kind: 'memory' } });
    await roundTrip(worker.url);
  });
});

describe('the Worker under wrangler dev on the Upstash store (real Redis via the bridge)', () => {
  let bridge: UpstashBridge;
  let worker: WranglerDev;
  beforeAll(async () => {
    bridge = await startUpstashBridge();
    worker = await startWranglerDev({
      STORE: 'upstash',
      UPSTASH_REDIS_REST_URL: bridge.url,
      UPSTASH_REDIS_REST_TOKEN: bridge.token,
      TOKEN_SECRET: 'smoke-secret-smoke-secret-smoke-secret-1',
    });
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await bridge?.stop();
  });

  it('serves a whole conversation round trip with the state in Redis', async () => {
    const health = await (await fetch(`${worker.url}/health`)).json();
    expect(health).toMatchObject({ ok: true, store: { kind: 'upstash', ok: true } });
    await roundTrip(worker.url);
  });
});
