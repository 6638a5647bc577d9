import { describe, expect, it } from 'vitest';
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

  it('a message stored while a resolve lands reopens the conversation and gets the bot, not silence', async () => {
    const store = createMemoryStore();
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { store, bot: answeringBot });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app);
    await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
    await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
    // The operator resolves right after the visitor's message is stored.
    const append = store.transcripts.append.bind(store.transcripts);
    store.transcripts.append = async (id, message, max) => {
      const result = await append(id, message, max);
      if (message.role === 'visitor') {
        store.transcripts.append = append;
        await app.request(`/api/operator/conversations/${convo.id}/resolve`, { method: 'POST', headers: staffHeaders(op.token), body: '{}' });
      }
      return result;
    };
    const body = await (await postText(app, convo, 'one more thing')).json();
    expect(body.decision.kind).toBe('answer');
    expect((await store.conversations.get(convo.id))?.status).toBe('bot');
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

  it('a stale assignment does not eat an operator’s capacity', async () => {
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: answeringBot });
    const op = await makeStaff(deps, 'operator', { capacity: 1 });
    await deps.store.documents.put('assignments', '00000000-0000-4000-8000-000000000000', { operatorId: op.id, since: 1 });
    const convo = await startConversation(app);
    await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
    expect((await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) })).status).toBe(200);
  });

  it('a handoff cut short by a store failure is repaired by the next one', async () => {
    const store = createMemoryStore();
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { store, bot: answeringBot });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app);
    const put = store.documents.put.bind(store.documents);
    store.documents.put = async (ns, id, value) => {
      if (ns === 'queue') {
        store.documents.put = put;
        throw new StoreUnavailableError('blip');
      }
      return put(ns, id, value);
    };
    expect((await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) })).status).toBe(503);
    expect((await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) })).status).toBe(200);
    const queue = await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json();
    expect(queue.items.map((i: { conversationId: string }) => i.conversationId)).toEqual([convo.id]);
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
