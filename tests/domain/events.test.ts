import { describe, expect, it } from 'vitest';
import { operatorEventSchema, visitorEventSchema } from '../../src/domain/events';
import { ALWAYS_OPEN, answeringBot, auth, json, makeTestApp, postText, startConversation } from '../helpers/app';
import { makeStaff, staffHeaders } from '../helpers/staff';

/**
 * The event contract: a whole conversation (answer, handoff, claim, typing both ways, reply,
 * note, transfer, claim again, resolve, rating, callback) publishes only events the zod unions
 * accept, on both streams, read back through the polling route the widget falls back to.
 */
describe('event streams carry only events of their union', () => {
  it('every event of a whole conversation parses, and each type the flow makes is there', async () => {
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: answeringBot });
    const op = await makeStaff(deps, 'operator');
    const headers = staffHeaders(op.token);
    await app.request('/api/operator/presence', { method: 'POST', headers, body: JSON.stringify({ online: true }) });

    const convo = await startConversation(app, { lang: 'en' });
    expect((await postText(app, convo, 'How long is delivery?')).status).toBe(201);
    expect((await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) })).status).toBe(200);
    await app.request(`/api/conversations/${convo.id}/typing`, { method: 'POST', ...auth(convo.token) });
    expect((await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers })).status).toBe(200);
    await app.request(`/api/operator/conversations/${convo.id}/typing`, { method: 'POST', headers });
    await app.request(`/api/operator/conversations/${convo.id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text: 'Hello!' }) });
    await app.request(`/api/operator/conversations/${convo.id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text: 'note', internal: true }) });
    await postText(app, convo, 'Thanks, and my order number is 12345');
    await app.request(`/api/operator/conversations/${convo.id}/transfer`, { method: 'POST', headers, body: JSON.stringify({ department: 'billing' }) });
    await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers });
    expect((await app.request(`/api/operator/conversations/${convo.id}/resolve`, { method: 'POST', headers, body: '{}' })).status).toBe(200);
    expect((await app.request(`/api/conversations/${convo.id}/rating`, json({ score: 5 }, convo.token))).status).toBe(201);

    const visitor = (await (await app.request(`/api/conversations/${convo.id}/events?poll=1`, auth(convo.token))).json()) as { events: unknown[] };
    const operators = (await (await app.request('/api/operator/events?poll=1', { headers })).json()) as { events: unknown[] };

    const visitorTypes = visitor.events.map((e) => visitorEventSchema.parse(e).type);
    const operatorTypes = operators.events.map((e) => operatorEventSchema.parse(e).type);
    expect(new Set(visitorTypes)).toEqual(new Set(['message', 'status', 'typing']));
    for (const type of ['presence', 'handoff', 'typing', 'claimed', 'message', 'transferred', 'resolved', 'rated'] as const) {
      expect(operatorTypes).toContain(type);
    }
    // The internal note went to operators only.
    const visitorTexts = visitor.events.map((e) => visitorEventSchema.parse(e)).flatMap((e) => (e.type === 'message' ? [e.data.text] : []));
    expect(visitorTexts).toContain('Hello!');
    expect(visitorTexts).not.toContain('note');
  });

  it('rejects an event whose data does not match its type', () => {
    expect(visitorEventSchema.safeParse({ type: 'status', data: { status: 'lost' } }).success).toBe(false);
    expect(operatorEventSchema.safeParse({ type: 'claimed', data: { conversationId: 'c' } }).success).toBe(false);
    expect(operatorEventSchema.safeParse({ type: 'unknown', data: {} }).success).toBe(false);
  });
});
