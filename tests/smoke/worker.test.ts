import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../helpers/app';
import { staffHeaders } from '../helpers/staff';
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
    body: JSON.stringify({ text: 'How much does delivery cost?', clientId: 'smoke-1' }),
  });
  expect(posted.status).toBe(201);
  const result = (await posted.json()) as { message: { text: string }; decision: { kind: string; sources: { id: string }[] } };
  expect(result.message.text).toBe('How much does delivery cost?');
  // The knowledge base reached the Worker bundled at build time, and the bot answers from it.
  expect(result.decision.kind).toBe('answer');
  expect(result.decision.sources[0]?.id).toBe('delivery-cost.en');

  const read = await fetch(`${url}/api/conversations/${convo.id}`, { headers });
  expect(read.status).toBe(200);
  const body = (await read.json()) as { messages: { role: string }[] };
  expect(body.messages.map((m) => m.role).slice(0, 2)).toEqual(['bot', 'visitor']);

  const forbidden = await fetch(`${url}/api/conversations/someone-else`, { headers });
  expect(forbidden.status).toBe(403);
  expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('forbidden');

  const events = await readEvents(await fetch(`${url}/api/conversations/${convo.id}/events?token=${convo.token}`), 3, 10_000);
  expect(events.slice(0, 3).map((e) => e.event)).toEqual(['ready', 'message', 'message']);
  expect(events[2]).toMatchObject({ id: '2', data: { role: 'visitor', text: 'How much does delivery cost?' } });
}

/** Operators on the Worker: login, the queue, a claim, and the operator stream resuming after Last-Event-ID. */
async function operatorRoundTrip(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const staff = staffHeaders(token);

  const first = await readEvents(await fetch(`${url}/api/operator/events?token=${token}`), 1, 5000);
  expect(first[0]?.event).toBe('ready');
  const created = (await (await fetch(`${url}/api/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"lang":"ru"}' })).json()) as { id: string; token: string };
  const handoff = await fetch(`${url}/api/conversations/${created.id}/handoff`, { method: 'POST', headers: { authorization: `Bearer ${created.token}` } });
  expect(handoff.status).toBe(200);

  const queue = (await (await fetch(`${url}/api/operator/queue`, { headers: staff })).json()) as { items: { conversationId: string }[] };
  expect(queue.items.map((i) => i.conversationId)).toContain(created.id);
  expect((await fetch(`${url}/api/operator/conversations/${created.id}/claim`, { method: 'POST', headers: staff })).status).toBe(200);

  const events = await readEvents(await fetch(`${url}/api/operator/events?token=${token}`), 6, 5000);
  const handoffEvent = events.find((e) => e.event === 'handoff');
  expect(handoffEvent?.data).toMatchObject({ conversationId: created.id });
  const resumed = await readEvents(
    await fetch(`${url}/api/operator/events`, { headers: { authorization: `Bearer ${token}`, 'last-event-id': handoffEvent!.id! } }),
    2,
    5000,
  );
  expect(Number(resumed[1]?.id)).toBeGreaterThan(Number(handoffEvent!.id));
}

const ADMIN = { email: 'smoke-admin@test.local', password: 'smoke-password-123' };

describe('the Worker under wrangler dev (memory store)', () => {
  let worker: WranglerDev;
  beforeAll(async () => {
    // A single-isolate demo on purpose: without this a memory-store Worker refuses to start.
    worker = await startWranglerDev({ SINGLE_ISOLATE_DEMO: 'on' });
  }, 120_000);
  afterAll(() => worker?.stop());

  it('serves health and a whole conversation round trip', async () => {
    const health = await (await fetch(`${worker.url}/health`)).json();
    expect(health).toMatchObject({ ok: true, store: { kind: 'memory' } });
    await roundTrip(worker.url);
  });

  it('serves the widget and the demo shop built into the Worker, with the pages\' CSP', async () => {
    const widget = await fetch(`${worker.url}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toContain('javascript');
    const body = await widget.text();
    // The bundle built by scripts/build-ui.ts from src/ui/widget, not a placeholder.
    expect(body.length).toBeGreaterThan(20_000);
    expect(body).toContain('support-chat');
    const again = await fetch(`${worker.url}/widget.js`, { headers: { 'if-none-match': widget.headers.get('etag')! } });
    expect(again.status).toBe(304);

    const shop = await fetch(`${worker.url}/`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(shop.status).toBe(200);
    expect(shop.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await shop.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<script src="/widget.js" async');
  });

  it('starts from the search calibration bundled at build time instead of computing it', async () => {
    const health = await (await fetch(`${worker.url}/health`)).json();
    expect(health).toMatchObject({ kb: { calibration: 'saved' } });
    expect(health.kb.articles).toBeGreaterThan(50);
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
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
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

  it('lets an operator log in, claim from the queue and resume the operator stream', async () => {
    await operatorRoundTrip(worker.url);
  });
});
