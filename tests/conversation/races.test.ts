import { describe, expect, it } from 'vitest';
import type { Bot } from '../../src/domain/decision';
import { StoreUnavailableError } from '../../src/http/errors';
import { createMemoryStore } from '../../src/store/memory/memory-store';
import { ALWAYS_OPEN, answeringBot, auth, makeTestApp, postText, startConversation } from '../helpers/app';
import { makeStaff, staffHeaders } from '../helpers/staff';

describe('races and half-done steps', () => {
  it('a retried message after the conversation was resolved is answered as the first time, not refused', async () => {
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, REOPEN_WINDOW_MINUTES: '0' }, { bot: answeringBot });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app);
    const first = await (await postText(app, convo, 'hello', { clientId: 'm-1' })).json();
    await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
    await app.request(`/api/operator/conversations/${convo.id}/resolve`, { method: 'POST', headers: staffHeaders(op.token), body: '{}' });
    const retry = await postText(app, convo, 'hello', { clientId: 'm-1' });
    expect(retry.status).toBe(201);
    expect((await retry.json()).message.id).toBe(first.message.id);
    const read = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
    expect(read.status).toBe('resolved');
  });

  it('a resolve landing while the bot decides reopens the conversation and gets the bot, not silence', async () => {
    const store = createMemoryStore();
    let resolveNow: () => Promise<unknown> = async () => undefined;
    // The operator resolves after the message was read and before it is stored.
    const bot: Bot = {
      async decide(input) {
        await resolveNow();
        resolveNow = async () => undefined;
        return answeringBot.decide(input);
      },
    };
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { store, bot });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app);
    let resolved = 0;
    resolveNow = async () => {
      const res = await app.request(`/api/operator/conversations/${convo.id}/resolve`, { method: 'POST', headers: staffHeaders(op.token), body: '{}' });
      if (res.status === 200) resolved += 1;
    };
    const first = await (await postText(app, convo, 'one more thing')).json();
    expect(resolved).toBe(1);
    expect(first.decision.kind).toBe('answer');
    const record = await store.conversations.get(convo.id);
    expect(record?.status).toBe('bot');
    const transcript = await store.transcripts.list(convo.id);
    expect(transcript.filter((m) => m.text === 'one more thing')).toHaveLength(1);
    expect(transcript.some((m) => m.replyTo === first.message.id)).toBe(true);
  });

  it('a release cannot undo another operator’s claim that landed after it read the record', async () => {
    const store = createMemoryStore();
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { store, bot: answeringBot });
    const anna = await makeStaff(deps, 'operator');
    const boris = await makeStaff(deps, 'operator');
    const convo = await startConversation(app);
    await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
    const get = store.conversations.get.bind(store.conversations);
    let armed = true;
    store.conversations.get = async (id) => {
      const record = await get(id);
      if (armed && record?.status === 'waiting') {
        armed = false;
        const claim = await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(anna.token) });
        expect(claim.status).toBe(200);
      }
      return record;
    };
    const release = await app.request(`/api/operator/conversations/${convo.id}/release`, { method: 'POST', headers: staffHeaders(boris.token) });
    expect(release.status).toBe(403);
    store.conversations.get = get;
    expect(await store.conversations.get(convo.id)).toMatchObject({ status: 'assigned', assigneeId: anna.id });
  });

  it('a resolved conversation frees its operator’s slot in the same step', async () => {
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: answeringBot });
    const op = await makeStaff(deps, 'operator', { capacity: 1 });
    const [a, b] = [await startConversation(app), await startConversation(app)];
    for (const c of [a, b]) await app.request(`/api/conversations/${c.id}/handoff`, { method: 'POST', ...auth(c.token) });
    const claim = (id: string) => app.request(`/api/operator/conversations/${id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
    expect((await claim(a.id)).status).toBe(200);
    expect((await claim(b.id)).status).toBe(409);
    expect(await deps.store.queue.held([op.id])).toEqual([1]);
    await app.request(`/api/operator/conversations/${a.id}/resolve`, { method: 'POST', headers: staffHeaders(op.token), body: '{}' });
    expect(await deps.store.queue.held([op.id])).toEqual([0]);
    expect((await claim(b.id)).status).toBe(200);
  });

  it('a handoff whose one step fails leaves nothing half done, and the next one succeeds', async () => {
    const store = createMemoryStore();
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { store, bot: answeringBot });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app);
    const move = store.conversations.move.bind(store.conversations);
    store.conversations.move = async () => {
      store.conversations.move = move;
      throw new StoreUnavailableError('blip');
    };
    expect((await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) })).status).toBe(503);
    expect((await store.conversations.get(convo.id))?.status).toBe('bot');
    expect((await deps.store.queue.page({ offset: 0, limit: 10, now: Date.now(), documents: 'packets' })).total).toBe(0);
    expect(await store.documents.get('packets', convo.id)).toBeNull();
    expect((await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) })).status).toBe(200);
    const queue = await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json();
    expect(queue.items.map((i: { conversationId: string }) => i.conversationId)).toEqual([convo.id]);
    expect(queue.total).toBe(1);
  });

  it('the SLA starts again on a second handoff', async () => {
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: answeringBot });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app);
    const base = `/api/operator/conversations/${convo.id}`;
    await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
    await app.request(`${base}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
    await app.request(`${base}/messages`, { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ text: 'hi' }) });
    await app.request(`${base}/release`, { method: 'POST', headers: staffHeaders(op.token) });
    await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
    const view = await (await app.request(base, { headers: staffHeaders(op.token) })).json();
    expect(view.sla.replied).toBe(false);
  });

  it('a conversation cannot be transferred to an editor', async () => {
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: answeringBot });
    const op = await makeStaff(deps, 'operator');
    const editor = await makeStaff(deps, 'editor');
    const convo = await startConversation(app);
    await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
    await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
    const res = await app.request(`/api/operator/conversations/${convo.id}/transfer`, {
      method: 'POST',
      headers: staffHeaders(op.token),
      body: JSON.stringify({ operatorId: editor.id }),
    });
    expect(res.status).toBe(409);
    const bad = await app.request(`/api/operator/conversations/${convo.id}/transfer`, {
      method: 'POST',
      headers: staffHeaders(op.token),
      body: JSON.stringify({ operatorId: 'x:msgs' }),
    });
    expect(bad.status).toBe(400);
  });
});
