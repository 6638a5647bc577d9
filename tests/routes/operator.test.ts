import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory/memory-store';
import type { Store } from '../../src/store/ports';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';
import { ALWAYS_OPEN, answeringBot, auth, json, makeTestApp, postText, readEvents, startConversation } from '../helpers/app';
import { makeStaff, staffHeaders } from '../helpers/staff';

const NEVER_OPEN = JSON.stringify({ timeZone: 'Europe/Moscow', weekly: {} });

// The queue, claims and every operator action run on both stores: memory, and Upstash over a real Redis.
let bridge: UpstashBridge | undefined;
let storeKind: 'memory' | 'upstash' = 'memory';
let counter = 0;
beforeAll(async () => {
  bridge = await startUpstashBridge();
});
afterAll(() => bridge?.stop());

function freshStore(): Store {
  if (storeKind === 'memory') return createMemoryStore();
  counter += 1;
  return createUpstashStore({ url: bridge!.url, token: bridge!.token, prefix: `op-${Date.now()}-${counter}`, pollIntervalMs: 50 });
}

function setup(vars: Record<string, string> = {}) {
  let now = Date.UTC(2026, 10, 18, 12, 0, 0);
  const clock = { now: () => now };
  const made = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, ...vars }, { clock, bot: answeringBot, store: freshStore() });
  return { ...made, advance: (ms: number) => (now += ms) };
}

async function handedOff(app: ReturnType<typeof setup>['app']) {
  const convo = await startConversation(app, { lang: 'ru', page: 'https://shop.example/orders' });
  await postText(app, convo, 'Где мой заказ № 123456? Жду уже неделю');
  const res = await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
  return { convo, res };
}

for (const kind of ['memory', 'upstash'] as const) {
  describe(`on the ${kind} store`, () => {
    beforeAll(() => {
      storeKind = kind;
    });

  describe('handoff and what the visitor is told', () => {
    it('with nobody online: the honest offline notice and the contact form, never a promised human', async () => {
      const { app } = setup();
      const convo = await startConversation(app, { lang: 'en' });
      const res = await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.status).toBe('waiting');
      expect(body.availability.kind).toBe('offline');
      expect(body.notice).toMatch(/email|phone/i);
      expect(body.notice).not.toMatch(/will reply in about/i);
    });

    it('outside business hours the visitor is offered the form even if an operator lingers online', async () => {
      const { app, deps } = setup({ BUSINESS_HOURS: NEVER_OPEN });
      const op = await makeStaff(deps, 'operator');
      await app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ online: true }) });
      const { res } = await handedOff(app);
      expect((await res.json()).availability.kind).toBe('offline');
    });

    it('with an operator online: a wait estimate in the visitor’s language', async () => {
      const { app, deps } = setup();
      const op = await makeStaff(deps, 'operator');
      const presence = await app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ online: true }) });
      expect(presence.status).toBe(200);
      const { res } = await handedOff(app);
      const body = await res.json();
      expect(body.availability).toMatchObject({ kind: 'wait' });
      expect(body.availability.minutes).toBeLessThanOrEqual(2);
      expect(body.notice).toMatch(/оператор/i);
    });

    it('an operator who went offline stays offline when the console reconnects its stream', async () => {
      const { app, deps } = setup({ SSE_MAX_SECONDS: '1' });
      const op = await makeStaff(deps, 'operator');
      await app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ online: false }) });
      await readEvents(await app.request(`/api/operator/events?token=${op.token}`), 1, 200);
      const { res } = await handedOff(app);
      expect((await res.json()).availability.kind).toBe('offline');
      // An operator who never said anything is online while the console is open.
      const other = await makeStaff(deps, 'operator');
      await readEvents(await app.request(`/api/operator/events?token=${other.token}`), 1, 200);
      const { res: again } = await handedOff(app);
      expect((await again.json()).availability.kind).toBe('wait');
    });

    it('asking twice queues once', async () => {
      const { app, deps } = setup();
      const op = await makeStaff(deps, 'operator');
      const { convo } = await handedOff(app);
      await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
      const queue = await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json();
      expect(queue.items).toHaveLength(1);
    });

    it('with no language given at start, the conversation follows the language the visitor writes in', async () => {
      const { app, deps } = setup();
      const op = await makeStaff(deps, 'operator');
      await app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ online: true }) });
      const convo = await startConversation(app);
      await postText(app, convo, 'Здравствуйте, где мой заказ № 123456?');
      const res = await (await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) })).json();
      expect(res.notice).toMatch(/Оператор/);
      const [item] = (await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json()).items;
      expect(item.lang).toBe('ru');
      expect(item.packet.lang).toBe('ru');

      // A language chosen at start stays.
      const fixed = await startConversation(app, { lang: 'en' });
      await postText(app, fixed, 'Здравствуйте, где мой заказ № 654321?');
      const fixedRes = await (await app.request(`/api/conversations/${fixed.id}/handoff`, { method: 'POST', ...auth(fixed.token) })).json();
      expect(fixedRes.notice).toMatch(/operator/i);
      expect(fixedRes.notice).not.toMatch(/Оператор/);
    });

    it('asking for a person while an operator already has the chat promises no wait', async () => {
      const { app, deps } = setup();
      const op = await makeStaff(deps, 'operator');
      await app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ online: true }) });
      const { convo } = await handedOff(app);
      await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
      const again = await (await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) })).json();
      expect(again).toMatchObject({ status: 'assigned', availability: { kind: 'with_operator' } });
      expect(again.notice).toMatch(/уже в этом чате/);
      expect(again.notice).not.toMatch(/примерно через/);
    });

    it('a contact left while offline is stored and shown in the transcript; a bad phone is 400', async () => {
      const { app, deps } = setup({ BUSINESS_HOURS: NEVER_OPEN });
      const op = await makeStaff(deps, 'operator');
      const { convo } = await handedOff(app);
      const bad = await app.request(`/api/conversations/${convo.id}/contact`, json({ phone: 'call me' }, convo.token));
      expect(bad.status).toBe(400);
      const none = await app.request(`/api/conversations/${convo.id}/contact`, json({ message: 'hi' }, convo.token));
      expect(none.status).toBe(400);
      const ok = await app.request(`/api/conversations/${convo.id}/contact`, json({ email: 'ivan@example.ru', phone: '+7 999 123-45-67' }, convo.token));
      expect(ok.status).toBe(201);
      const view = await (await app.request(`/api/operator/conversations/${convo.id}`, { headers: staffHeaders(op.token) })).json();
      expect(view.messages.at(-1).text).toContain('ivan@example.ru');
    });
  });

  describe('the queue and the packet', () => {
    it('shows waiting conversations with their packet: reasons, summary, facts, language, page', async () => {
      const { app, deps } = setup();
      const op = await makeStaff(deps, 'operator');
      const { convo } = await handedOff(app);
      const res = await app.request('/api/operator/queue', { headers: staffHeaders(op.token) });
      expect(res.status).toBe(200);
      const [item] = (await res.json()).items;
      expect(item).toMatchObject({ conversationId: convo.id, lang: 'ru', sla: { breached: false } });
      expect(item.packet.reasons).toEqual(['explicit_request']);
      expect(item.packet.summary).toContain('123456');
      expect(item.packet.facts.orderNumbers).toContain('123456');
      expect(item.packet.page).toBe('https://shop.example/orders');
    });

    it('raises SLA breaches to the top of the queue', async () => {
      const { app, deps, advance } = setup({ SLA_FIRST_REPLY_SECONDS: '60' });
      const op = await makeStaff(deps, 'operator');
      const first = await handedOff(app);
      advance(120_000);
      const second = await handedOff(app);
      const items = (await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json()).items;
      expect(items.map((i: { conversationId: string }) => i.conversationId)).toEqual([first.convo.id, second.convo.id]);
      expect(items[0].sla.breached).toBe(true);
      expect(items[1].sla.breached).toBe(false);
    });

    it('needs an operator: 401 without a token, 403 for an editor', async () => {
      const { app, deps } = setup();
      const editor = await makeStaff(deps, 'editor');
      expect((await app.request('/api/operator/queue')).status).toBe(401);
      const res = await app.request('/api/operator/queue', { headers: staffHeaders(editor.token) });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    });
  });

  describe('operator work on one conversation', () => {
    it('claim (one wins), reply live, internal note hidden, transfer, resolve, rating, reopen', async () => {
      const { app, deps } = setup();
      const anna = await makeStaff(deps, 'operator', { name: 'Anna' });
      const boris = await makeStaff(deps, 'operator', { name: 'Boris' });
      const { convo } = await handedOff(app);
      const base = `/api/operator/conversations/${convo.id}`;

      expect((await app.request(`${base}/claim`, { method: 'POST', headers: staffHeaders(anna.token) })).status).toBe(200);
      const lost = await app.request(`${base}/claim`, { method: 'POST', headers: staffHeaders(boris.token) });
      expect(lost.status).toBe(409);
      expect((await lost.json()).error.code).toBe('already_claimed');
      expect((await app.request(`${base}/claim`, { method: 'POST', headers: staffHeaders(anna.token) })).status).toBe(200);

      const { lastEventId } = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
      const stream = app.request(`/api/conversations/${convo.id}/events?token=${convo.token}&lastEventId=${lastEventId}`);
      const visitorEvents = readEvents(await stream, 2, 3000);

      const reply = await app.request(`${base}/messages`, { method: 'POST', headers: staffHeaders(anna.token), body: JSON.stringify({ text: 'Проверяю ваш заказ' }) });
      expect(reply.status).toBe(201);
      const note = await app.request(`${base}/messages`, {
        method: 'POST',
        headers: staffHeaders(anna.token),
        body: JSON.stringify({ text: 'VIP customer, be nice', internal: true }),
      });
      expect(note.status).toBe(201);
      const notYours = await app.request(`${base}/messages`, { method: 'POST', headers: staffHeaders(boris.token), body: JSON.stringify({ text: 'hi' }) });
      expect(notYours.status).toBe(403);

      const visitorView = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
      expect(visitorView.status).toBe('assigned');
      expect(visitorView.messages.some((m: { text: string }) => m.text === 'Проверяю ваш заказ')).toBe(true);
      expect(JSON.stringify(visitorView)).not.toContain('VIP customer');

      const transfer = await app.request(`${base}/transfer`, { method: 'POST', headers: staffHeaders(anna.token), body: JSON.stringify({ operatorId: boris.id, note: 'billing question' }) });
      expect(transfer.status).toBe(200);
      expect(await transfer.json()).toMatchObject({ status: 'assigned', assigneeId: boris.id });

      const early = await app.request(`/api/conversations/${convo.id}/rating`, json({ score: 5 }, convo.token));
      expect(early.status).toBe(409);

      const resolved = await app.request(`${base}/resolve`, { method: 'POST', headers: staffHeaders(boris.token), body: JSON.stringify({ resolution: 'order found' }) });
      expect(await resolved.json()).toMatchObject({ status: 'resolved' });
      const rating = await app.request(`/api/conversations/${convo.id}/rating`, json({ score: 5, comment: 'спасибо!' }, convo.token));
      expect(rating.status).toBe(201);
      // Who resolved it, never the operator's internal id.
      expect(await rating.json()).toEqual({ score: 5, resolvedBy: 'operator' });

      const again = await postText(app, convo, 'И ещё вопрос');
      expect(again.status).toBe(201);
      const reopened = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
      expect(reopened.status).not.toBe('resolved');

      const events = await visitorEvents;
      expect(events.some((e) => e.event === 'message' && (e.data as { text: string }).text === 'Проверяю ваш заказ')).toBe(true);
    });

    it('illegal moves get 409 with a clear code', async () => {
      const { app, deps } = setup();
      const op = await makeStaff(deps, 'operator');
      const convo = await startConversation(app);
      const base = `/api/operator/conversations/${convo.id}`;
      const claim = await app.request(`${base}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
      expect(claim.status).toBe(409);
      expect((await claim.json()).error.code).toBe('illegal_transition');
      const release = await app.request(`${base}/release`, { method: 'POST', headers: staffHeaders(op.token) });
      expect(release.status).toBe(409);
      const reply = await app.request(`${base}/messages`, { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ text: 'x' }) });
      expect((await reply.json()).error.code).toBe('illegal_transition');
      expect((await app.request('/api/operator/conversations/nope/claim', { method: 'POST', headers: staffHeaders(op.token) })).status).toBe(404);
    });

    it('on a full transcript, claim and resolve still succeed and are told; only their notices are skipped', async () => {
      const { app, deps } = setup({ MAX_MESSAGES: '10' });
      const op = await makeStaff(deps, 'operator');
      const convo = await startConversation(app, { lang: 'en' });
      await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
      for (let i = 0; (await postText(app, convo, `still waiting ${i}`)).status === 201; i++);
      const base = `/api/operator/conversations/${convo.id}`;
      const claim = () => app.request(`${base}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
      expect((await claim()).status).toBe(200); // its "joined" notice takes the last slot
      await app.request(`${base}/release`, { method: 'POST', headers: staffHeaders(op.token) });
      await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
      expect((await claim()).status).toBe(200);
      const resolved = await app.request(`${base}/resolve`, { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ resolution: 'refund sent' }) });
      expect(resolved.status).toBe(200);
      const visitorEvents = await (await app.request(`/api/conversations/${convo.id}/events?poll=1`, auth(convo.token))).json();
      expect(visitorEvents.events.filter((e: { type: string }) => e.type === 'status').at(-1).data.status).toBe('resolved');
      expect(await deps.store.transcripts.list(convo.id)).toHaveLength(10);
    });

    it('a conversation answered in time and transferred back to the queue is not shown as breached', async () => {
      const { app, deps, advance } = setup({ SLA_FIRST_REPLY_SECONDS: '60' });
      const op = await makeStaff(deps, 'operator');
      const { convo } = await handedOff(app);
      const base = `/api/operator/conversations/${convo.id}`;
      await app.request(`${base}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
      advance(10_000);
      await app.request(`${base}/messages`, { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ text: 'Смотрю ваш заказ' }) });
      await app.request(`${base}/transfer`, { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ department: 'billing' }) });
      advance(120_000);
      const [item] = (await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json()).items;
      expect(item).toMatchObject({ conversationId: convo.id, sla: { breached: false, replied: true } });
    });

    it('transfer to a department puts it back in the queue there; release gives it to the bot', async () => {
      const { app, deps } = setup();
      const op = await makeStaff(deps, 'operator');
      const { convo } = await handedOff(app);
      const base = `/api/operator/conversations/${convo.id}`;
      await app.request(`${base}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
      const moved = await app.request(`${base}/transfer`, { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ department: 'billing' }) });
      expect(await moved.json()).toMatchObject({ status: 'waiting', department: 'billing' });
      const queue = (await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json()).items;
      expect(queue[0]).toMatchObject({ conversationId: convo.id, department: 'billing' });
      const bad = await app.request(`${base}/transfer`, { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({}) });
      expect(bad.status).toBe(400);
      const released = await app.request(`${base}/release`, { method: 'POST', headers: staffHeaders(op.token) });
      expect(await released.json()).toMatchObject({ status: 'bot' });
      expect((await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json()).items).toHaveLength(0);
    });

    it('an operator at capacity cannot claim more', async () => {
      const { app, deps } = setup();
      const op = await makeStaff(deps, 'operator', { capacity: 1 });
      const a = await handedOff(app);
      const b = await handedOff(app);
      expect((await app.request(`/api/operator/conversations/${a.convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) })).status).toBe(200);
      const full = await app.request(`/api/operator/conversations/${b.convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
      expect(full.status).toBe(409);
      expect((await full.json()).error.code).toBe('over_capacity');
    });

    it('a resolved conversation outside the reopen window refuses new messages with 409', async () => {
      const { app, deps, advance } = setup({ REOPEN_WINDOW_MINUTES: '10' });
      const op = await makeStaff(deps, 'operator');
      const { convo } = await handedOff(app);
      await app.request(`/api/operator/conversations/${convo.id}/resolve`, { method: 'POST', headers: staffHeaders(op.token), body: '{}' });
      advance(11 * 60_000);
      const late = await postText(app, convo, 'hello again');
      expect(late.status).toBe(409);
      expect((await late.json()).error.code).toBe('conversation_closed');
    });

    it('the operator stream tells of new handoffs and claims', async () => {
      const { app, deps } = setup({ SSE_MAX_SECONDS: '3' });
      const op = await makeStaff(deps, 'operator');
      const events = readEvents(await app.request(`/api/operator/events?token=${op.token}`), 12, 2500);
      const { convo } = await handedOff(app);
      await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
      const got = (await events).map((e) => e.event);
      expect(got).toContain('handoff');
      expect(got).toContain('claimed');
    });
  });

  describe('the bot resolves, the visitor rates', () => {
    it('a visitor closes a bot conversation and rates it as resolved by the bot', async () => {
      const { app } = setup();
      const convo = await startConversation(app);
      expect((await app.request(`/api/conversations/${convo.id}/resolve`, { method: 'POST', ...auth(convo.token) })).status).toBe(200);
      const rating = await app.request(`/api/conversations/${convo.id}/rating`, json({ score: 4 }, convo.token));
      expect(await rating.json()).toEqual({ score: 4, resolvedBy: 'bot' });
      const bad = await app.request(`/api/conversations/${convo.id}/rating`, json({ score: 6 }, convo.token));
      expect(bad.status).toBe(400);
    });
  });
  });
}
