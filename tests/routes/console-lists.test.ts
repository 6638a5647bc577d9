import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory/memory-store';
import type { Store } from '../../src/store/ports';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';
import { ALWAYS_OPEN, answeringBot, auth, makeTestApp, postText, startConversation, type TestApp } from '../helpers/app';
import { makeStaff, staffHeaders } from '../helpers/staff';
import { answerFlags } from '../../src/conversation/answer-flags';
import { OPERATOR_STREAM } from '../../src/conversation/streams';

// The console's lists and "away" presence, on both stores (Upstash over a real Redis).
let bridge: UpstashBridge | undefined;
beforeAll(async () => {
  bridge = await startUpstashBridge();
});
afterAll(() => bridge?.stop());

let counter = 0;
const stores: Record<string, () => Store> = {
  memory: () => createMemoryStore(),
  upstash: () => createUpstashStore({ url: bridge!.url, token: bridge!.token, prefix: `lists-${Date.now()}-${++counter}`, pollIntervalMs: 50 }),
};

async function handedOff(app: TestApp, text: string, lang: 'ru' | 'en' = 'en') {
  const convo = await startConversation(app, { lang });
  await postText(app, convo, text);
  const res = await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
  return { convo, handoff: await res.json() };
}

const get = async (app: TestApp, path: string, token: string) => {
  const res = await app.request(path, { headers: staffHeaders(token) });
  return { status: res.status, body: await res.json() };
};
const presence = (app: TestApp, token: string, body: unknown) =>
  app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(token), body: JSON.stringify(body) });

for (const [kind, freshStore] of Object.entries(stores)) {
  describe(`console lists on the ${kind} store`, () => {
    const setup = () => makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: answeringBot, store: freshStore() });

    it('mine and open: a claimed chat is mine, a waiting one is only open; a department filter narrows', async () => {
      const { app, deps } = setup();
      const anna = await makeStaff(deps, 'operator', { name: 'Anna' });
      const boris = await makeStaff(deps, 'operator', { name: 'Boris' });
      const a = await handedOff(app, 'I want to talk to a person about my order 123456');
      const b = await handedOff(app, 'Please connect me with a human');
      const claim = await app.request(`/api/operator/conversations/${a.convo.id}/claim`, { method: 'POST', headers: staffHeaders(anna.token) });
      expect(claim.status).toBe(200);

      const mine = await get(app, '/api/operator/conversations?scope=mine', anna.token);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([a.convo.id]);
      expect(mine.body.items[0]).toMatchObject({ status: 'assigned', assigneeId: anna.id, lang: 'en' });
      expect((await get(app, '/api/operator/conversations?scope=mine', boris.token)).body.items).toEqual([]);

      const open = await get(app, '/api/operator/conversations?scope=open', boris.token);
      expect(open.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.convo.id, b.convo.id].sort());
      const department = open.body.items[0].department as string;
      const other = await get(app, `/api/operator/conversations?scope=open&department=${encodeURIComponent(department + '-none')}`, boris.token);
      expect(other.body.items).toEqual([]);

      await app.request(`/api/operator/conversations/${a.convo.id}/resolve`, { method: 'POST', headers: staffHeaders(anna.token), body: '{}' });
      expect((await get(app, '/api/operator/conversations?scope=mine', anna.token)).body.items).toEqual([]);
    });

    it('validates the scope and needs the operator role', async () => {
      const { app, deps } = setup();
      const op = await makeStaff(deps, 'operator');
      const editor = await makeStaff(deps, 'editor');
      const bad = await get(app, '/api/operator/conversations?scope=everything', op.token);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('validation_error');
      expect((await get(app, '/api/operator/conversations', editor.token)).status).toBe(403);
      expect((await app.request('/api/operator/operators')).status).toBe(401);
    });

    it('away: listed as away with load and capacity, and not promised to visitors', async () => {
      const { app, deps } = setup();
      const op = await makeStaff(deps, 'operator', { name: 'Anna', capacity: 3 });
      const res = await presence(app, op.token, { status: 'away' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ online: false, status: 'away' });
      const listed = await get(app, '/api/operator/operators', op.token);
      expect(listed.body.items).toContainEqual(expect.objectContaining({ id: op.id, name: 'Anna', status: 'away', capacity: 3, load: 0 }));
      const { handoff } = await handedOff(app, 'I want a human');
      expect(handoff.availability.kind).toBe('offline');

      await presence(app, op.token, { status: 'online' });
      expect((await get(app, '/api/operator/operators', op.token)).body.items).toContainEqual(expect.objectContaining({ id: op.id, status: 'online' }));
      expect((await handedOff(app, 'I want a human')).handoff.availability.kind).toBe('wait');
      expect((await presence(app, op.token, {})).status).toBe(400);
    });
  });
}

for (const [kind, freshStore] of Object.entries(stores)) {
  describe(`flagging a bot answer on the ${kind} store`, () => {
    it('stores the flag with its note and cited sources, tells operators, and refuses what is not a bot answer', async () => {
      const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: answeringBot, store: freshStore() });
      const op = await makeStaff(deps, 'operator');
      const convo = await startConversation(app, { lang: 'en' });
      await postText(app, convo, 'How much is delivery?');
      const view = (await get(app, `/api/operator/conversations/${convo.id}`, op.token)).body as { messages: { id: string; role: string }[] };
      const bot = view.messages.filter((m) => m.role === 'bot').at(-1)!;
      const visitor = view.messages.find((m) => m.role === 'visitor')!;
      const flag = (messageId: string, body: unknown) =>
        app.request(`/api/operator/conversations/${convo.id}/messages/${messageId}/flag`, { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify(body) });

      const res = await flag(bot.id, { note: 'Delivery is free over 3000' });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ conversationId: convo.id, messageId: bot.id, note: 'Delivery is free over 3000', by: op.id });
      expect(await answerFlags(deps).get(`${convo.id}:${bot.id}`)).toMatchObject({ note: 'Delivery is free over 3000' });
      const events = await deps.store.events.after(OPERATOR_STREAM, 0, 1000);
      expect(events.some((e) => e.type === 'answer_flagged' && (e.data as { messageId: string }).messageId === bot.id)).toBe(true);

      expect((await flag(visitor.id, { note: 'x' })).status).toBe(400);
      expect((await flag('nope', { note: 'x' })).status).toBe(404);
      expect((await flag(bot.id, { note: '  ' })).status).toBe(400);
    });
  });
}
