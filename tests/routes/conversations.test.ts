import { describe, expect, it } from 'vitest';
import type { Bot } from '../../src/domain/decision';
import { answeringBot, auth, json, makeTestApp, postText, readEvents, startConversation } from '../helpers/app';


describe('visitor API: a conversation end to end', () => {
  it('creates a conversation with a greeting in the visitor language and a token', async () => {
    const { app } = makeTestApp();
    const res = await app.request('/api/conversations', json({ lang: 'ru', page: 'https://shop.example/delivery' }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'bot', lang: 'ru' });
    expect(body.token).toEqual(expect.any(String));
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]).toMatchObject({ role: 'bot' });
    expect(body.messages[0].text).toMatch(/Здравствуйте/);
  });

  it('without a knowledge base, hands off honestly and never invents an answer', async () => {
    const { app } = makeTestApp();
    const convo = await startConversation(app);
    const res = await postText(app, convo, 'How much is delivery to Kazan?');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.message).toMatchObject({ role: 'visitor', text: 'How much is delivery to Kazan?' });
    expect(body.decision).toMatchObject({ kind: 'handoff', confidence: 0, reasons: ['no_knowledge_base'], sources: [] });
    // Nobody is online in a fresh app: the visitor is offered the contact form, not a promised human.
    expect(body.decision.handoff.kind).toBe('offline');
    expect(body.reply.role).toBe('system');
    const read = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
    expect(read.status).toBe('waiting');
    expect(read.messages.map((m: { role: string }) => m.role)).toEqual(['bot', 'visitor', 'system']);
  });

  it('answers with the bot’s reply and its source, and keeps the transcript', async () => {
    const { app } = makeTestApp({}, { bot: answeringBot });
    const convo = await startConversation(app, { lang: 'en' });
    const body = await (await postText(app, convo, 'delivery?')).json();
    expect(body.decision).toMatchObject({ kind: 'answer', confidence: 0.97, sources: [{ id: 'delivery.en' }] });
    expect(body.reply).toMatchObject({ role: 'bot', replyTo: body.message.id, sources: [{ id: 'delivery.en', title: 'Delivery' }] });
    const read = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
    expect(read).toMatchObject({ id: convo.id, status: 'bot' });
    expect(read.messages).toHaveLength(3);
    expect(read.lastEventId).toBe(3);
    expect(read.messages[2]).not.toHaveProperty('decision');
  });

  it('stores one message for the same clientId and answers the retry as the first time', async () => {
    const { app } = makeTestApp({}, { bot: answeringBot });
    const convo = await startConversation(app);
    const first = await (await postText(app, convo, 'delivery?', { clientId: 'c-1' })).json();
    const second = await (await postText(app, convo, 'delivery?', { clientId: 'c-1' })).json();
    expect(second.message.id).toBe(first.message.id);
    expect(second.reply.id).toBe(first.reply.id);
    expect(second.decision).toEqual(first.decision);
    const read = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
    expect(read.messages.filter((m: { role: string }) => m.role === 'visitor')).toHaveLength(1);
  });

  it('answers a retried message that was handed off as the first time, with what the visitor is told', async () => {
    const handingOff: Bot = {
      async decide() {
        return { kind: 'handoff', confidence: 0.2, reasons: ['low_confidence'], sources: [] };
      },
    };
    const { app } = makeTestApp({}, { bot: handingOff });
    const convo = await startConversation(app);
    const first = await (await postText(app, convo, 'something odd', { clientId: 'c-9' })).json();
    const second = await (await postText(app, convo, 'something odd', { clientId: 'c-9' })).json();
    expect(first.decision.handoff).toMatchObject({ kind: 'offline' });
    expect(second.reply.id).toBe(first.reply.id);
    expect(second.decision).toEqual(first.decision);
  });

  it('keeps taking the visitor’s messages while waiting, with the bot silent', async () => {
    const { app } = makeTestApp();
    const convo = await startConversation(app);
    await postText(app, convo, 'help');
    const body = await (await postText(app, convo, 'my order number is 12345')).json();
    expect(body.decision.kind).toBe('silent');
    expect(body.reply).toBeUndefined();
    const read = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
    expect(read.messages.at(-1)).toMatchObject({ role: 'visitor', text: 'my order number is 12345' });
  });
});

describe('visitor API: access', () => {
  it('401 without a token or with a forged one, 403 with another conversation’s token', async () => {
    const { app } = makeTestApp();
    const mine = await startConversation(app);
    const theirs = await startConversation(app);
    const none = await app.request(`/api/conversations/${mine.id}`);
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('unauthorized');
    const forged = await app.request(`/api/conversations/${mine.id}`, auth(`${mine.token}x`));
    expect(forged.status).toBe(401);
    for (const path of ['', '/messages', '/events']) {
      const method = path === '/messages' ? 'POST' : 'GET';
      const res = await app.request(`/api/conversations/${mine.id}${path}`, {
        method,
        headers: { authorization: `Bearer ${theirs.token}`, 'content-type': 'application/json' },
        body: method === 'POST' ? JSON.stringify({ text: 'hi' }) : undefined,
      });
      expect(res.status, path).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: 'forbidden', requestId: expect.any(String) });
    }
  });

  it('a token from another deployment secret does not open the conversation', async () => {
    const a = makeTestApp();
    const b = makeTestApp({ TOKEN_SECRET: 'another-secret-another-secret-another-1' });
    const convo = await startConversation(a.app);
    expect((await a.app.request(`/api/conversations/${convo.id}`, auth(convo.token))).status).toBe(200);
    expect((await b.app.request(`/api/conversations/${convo.id}`, auth(convo.token))).status).toBe(401);
  });
});

describe('visitor API: bad input gets the envelope', () => {
  const expectEnvelope = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    return body;
  };

  it('bad JSON → 400 bad_json', async () => {
    const { app } = makeTestApp();
    const convo = await startConversation(app);
    const res = await app.request(`/api/conversations/${convo.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${convo.token}` },
      body: '{"text": "unterminated',
    });
    await expectEnvelope(res, 400, 'bad_json');
  });

  it('a body that is not JSON → 415 unsupported_media_type, never a 500', async () => {
    const { app } = makeTestApp();
    const none = await app.request('/api/conversations', { method: 'POST', body: '{}' });
    await expectEnvelope(none, 415, 'unsupported_media_type');
    const text = await app.request('/api/conversations', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    await expectEnvelope(text, 415, 'unsupported_media_type');
  });

  it('unknown fields, wrong types and empty text → 400 validation_error naming the field', async () => {
    const { app } = makeTestApp();
    const convo = await startConversation(app);
    const unknown = await expectEnvelope(await postText(app, convo, 'hi', { admin: true }), 400, 'validation_error');
    expect(unknown.error.message).toMatch(/admin/);
    const empty = await expectEnvelope(await postText(app, convo, '   '), 400, 'validation_error');
    expect(empty.error.message).toMatch(/text/);
    await expectEnvelope(await app.request('/api/conversations', json({ lang: 'de' })), 400, 'validation_error');
    await expectEnvelope(await app.request('/api/conversations', json({ visitor: { email: 'nope' } })), 400, 'validation_error');
  });

  it('an oversized message → 413 message_too_long, and nothing stored', async () => {
    const { app } = makeTestApp({ MAX_MESSAGE_CHARS: '50' });
    const convo = await startConversation(app);
    await expectEnvelope(await postText(app, convo, 'x'.repeat(51)), 413, 'message_too_long');
    const read = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
    expect(read.messages).toHaveLength(1);
  });

  it('an oversized body → 413 payload_too_large', async () => {
    const { app } = makeTestApp({ MAX_BODY_BYTES: '2048' });
    const convo = await startConversation(app);
    await expectEnvelope(await postText(app, convo, 'y'.repeat(3000)), 413, 'payload_too_large');
  });

  it('a full conversation → 413 conversation_too_long', async () => {
    const { app } = makeTestApp({ MAX_MESSAGES: '10' }, { bot: answeringBot });
    const convo = await startConversation(app);
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) last = await postText(app, convo, `q${i}`);
    await expectEnvelope(last!, 413, 'conversation_too_long');
  });

  it('a message is refused before it is stored when no room is left for its answer: a stored message is never 413', async () => {
    const { app, deps } = makeTestApp({ MAX_MESSAGES: '10' }, { bot: answeringBot });
    const convo = await startConversation(app); // greeting: 1 message
    for (let i = 0; i < 4; i++) expect((await postText(app, convo, `q${i}`)).status).toBe(201); // 9 messages
    await expectEnvelope(await postText(app, convo, 'last question'), 413, 'conversation_too_long');
    const texts = (await deps.store.transcripts.list(convo.id)).map((m) => m.text);
    expect(texts).toHaveLength(9);
    expect(texts).not.toContain('last question');
  });

  it('a wrong conversation id → 403 with a token, 404 when the conversation is gone', async () => {
    const { app, deps } = makeTestApp();
    const convo = await startConversation(app);
    await expectEnvelope(await app.request('/api/conversations/nope', auth(convo.token)), 403, 'forbidden');
    const { issueVisitorToken } = await import('../../src/security/visitor-token');
    const ghost = await issueVisitorToken(deps.visitorSigner, 'ghost');
    await expectEnvelope(await app.request('/api/conversations/ghost', auth(ghost)), 404, 'not_found');
  });

  it('too many messages → 429 rate_limited; RATE_LIMITS=off lifts it', async () => {
    const limited = makeTestApp({ RATE_MESSAGES_PER_MINUTE: '2' }, { bot: answeringBot });
    const convo = await startConversation(limited.app);
    await postText(limited.app, convo, 'a');
    await postText(limited.app, convo, 'b');
    await expectEnvelope(await postText(limited.app, convo, 'c'), 429, 'rate_limited');
    const free = makeTestApp({ RATE_MESSAGES_PER_MINUTE: '2', RATE_LIMITS: 'off' }, { bot: answeringBot });
    const other = await startConversation(free.app);
    for (const t of ['a', 'b', 'c']) expect((await postText(free.app, other, t)).status).toBe(201);
  });

  it('per-client limits cannot be dodged with a made-up X-Forwarded-For; behind a trusted proxy its last entry counts', async () => {
    const { app } = makeTestApp({ RATE_CONVERSATIONS_PER_HOUR: '2' });
    const spoof = (ip: string) => ({ ...json({}), headers: { 'content-type': 'application/json', 'x-forwarded-for': ip } });
    expect((await app.request('/api/conversations', spoof('1.1.1.1'))).status).toBe(201);
    expect((await app.request('/api/conversations', spoof('2.2.2.2'))).status).toBe(201);
    await expectEnvelope(await app.request('/api/conversations', spoof('3.3.3.3')), 429, 'rate_limited');

    const proxied = makeTestApp({ RATE_CONVERSATIONS_PER_HOUR: '1', TRUST_PROXY: 'on' });
    const via = (client: string) => ({ ...json({}), headers: { 'content-type': 'application/json', 'x-forwarded-for': `6.6.6.6, ${client}` } });
    expect((await proxied.app.request('/api/conversations', via('10.0.0.1'))).status).toBe(201);
    expect((await proxied.app.request('/api/conversations', via('10.0.0.2'))).status).toBe(201);
    expect((await proxied.app.request('/api/conversations', via('10.0.0.1'))).status).toBe(429);
  });

  it('typing notices and contact requests are rate-limited per conversation', async () => {
    const { app } = makeTestApp();
    const convo = await startConversation(app);
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await app.request(`/api/conversations/${convo.id}/typing`, { method: 'POST', ...auth(convo.token) })).status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
    const contacts: number[] = [];
    for (let i = 0; i < 6; i++) contacts.push((await app.request(`/api/conversations/${convo.id}/contact`, json({ email: `a${i}@b.ru` }, convo.token))).status);
    expect(contacts).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('an unknown route → 404 envelope; a store outage → 503; a bug → 500 without a stack', async () => {
    const { app } = makeTestApp();
    await expectEnvelope(await app.request('/api/nothing-here'), 404, 'not_found');
    const { StoreUnavailableError } = await import('../../src/http/errors');
    const { createMemoryStore } = await import('../../src/store/memory/memory-store');
    const broken = createMemoryStore();
    broken.conversations.create = async () => {
      throw new StoreUnavailableError('down');
    };
    const down = makeTestApp({}, { store: broken });
    await expectEnvelope(await down.app.request('/api/conversations', json({})), 503, 'store_unavailable');
    const buggy = makeTestApp({}, { bot: { decide: async () => { throw new Error('boom at secret.ts:12'); } } });
    const convo = await startConversation(buggy.app);
    const res = await postText(buggy.app, convo, 'hi');
    const body = await expectEnvelope(res, 500, 'internal_error');
    expect(JSON.stringify(body)).not.toContain('boom');
  });
});

describe('visitor API: events', () => {
  it('streams new messages and status changes, and resumes after Last-Event-ID', async () => {
    const { app } = makeTestApp({ SSE_MAX_SECONDS: '3' });
    const convo = await startConversation(app);
    await postText(app, convo, 'need help');
    const all = await readEvents(await app.request(`/api/conversations/${convo.id}/events?token=${convo.token}`), 5);
    expect(all.map((e) => e.event)).toEqual(['ready', 'message', 'message', 'status', 'message']);
    expect(all.slice(1).map((e) => e.id)).toEqual(['1', '2', '3', '4']);
    expect(all[3]?.data).toEqual({ status: 'waiting' });

    const resumed = await readEvents(
      await app.request(`/api/conversations/${convo.id}/events`, { headers: { authorization: `Bearer ${convo.token}`, 'last-event-id': '3' } }),
      2,
    );
    expect(resumed.map((e) => e.id)).toEqual([undefined, '4']);
  });

  it('a Last-Event-ID from before the stream started over gets resync and the stream from the start', async () => {
    const { app } = makeTestApp({ SSE_MAX_SECONDS: '2' });
    const convo = await startConversation(app);
    const events = await readEvents(
      await app.request(`/api/conversations/${convo.id}/events`, { headers: { authorization: `Bearer ${convo.token}`, 'last-event-id': '500' } }),
      3,
    );
    expect(events.map((e) => e.event)).toEqual(['resync', 'ready', 'message']);
    expect(events[2]?.id).toBe('1');
  });

  it('delivers a message posted while the stream is open', async () => {
    const { app } = makeTestApp({ SSE_MAX_SECONDS: '5' });
    const convo = await startConversation(app);
    const res = await app.request(`/api/conversations/${convo.id}/events?token=${convo.token}&lastEventId=1`);
    const reading = readEvents(res, 2);
    await new Promise((r) => setTimeout(r, 100));
    await postText(app, convo, 'live one');
    const events = await reading;
    expect(events[1]).toMatchObject({ event: 'message', id: '2', data: { role: 'visitor', text: 'live one' } });
  });

  it('falls back to polling: ?poll=1 answers the events after lastEventId as JSON', async () => {
    const { app } = makeTestApp();
    const convo = await startConversation(app);
    await postText(app, convo, 'hello');
    const res = await app.request(`/api/conversations/${convo.id}/events?poll=1&lastEventId=1`, auth(convo.token));
    expect(res.headers.get('content-type')).toMatch(/json/);
    const body = await res.json();
    expect(body.events[0]).toMatchObject({ id: 2, type: 'message', data: { role: 'visitor', text: 'hello' } });
    expect(body.lastEventId).toBe(body.events.at(-1).id);
    const empty = await (await app.request(`/api/conversations/${convo.id}/events?poll=1&lastEventId=${body.lastEventId}`, auth(convo.token))).json();
    expect(empty).toEqual({ events: [], lastEventId: body.lastEventId });
  });

  it('polling with an id from before the stream started over says resync and answers from the start', async () => {
    const { app } = makeTestApp();
    const convo = await startConversation(app);
    await postText(app, convo, 'hello');
    const stale = await (await app.request(`/api/conversations/${convo.id}/events?poll=1&lastEventId=500`, auth(convo.token))).json();
    expect(stale.resync).toBe(true);
    expect(stale.events[0]).toMatchObject({ id: 1 });
    await postText(app, convo, 'and again');
    const next = await (await app.request(`/api/conversations/${convo.id}/events?poll=1&lastEventId=${stale.lastEventId}`, auth(convo.token))).json();
    expect(next.resync).toBeUndefined();
    expect(next.events.map((e: { data: { text?: string } }) => e.data.text)).toContain('and again');
  });
});
