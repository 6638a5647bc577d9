import { describe, expect, it } from 'vitest';
import { currentAvailability } from '../../src/conversation/availability';
import { handoffCollections } from '../../src/conversation/collections';
import type { Bot } from '../../src/domain/decision';
import { ALWAYS_OPEN, auth, makeTestApp, postText, startConversation } from '../helpers/app';
import { makeStaff, staffHeaders } from '../helpers/staff';

const NOW = Date.UTC(2026, 10, 18, 12, 0, 0);

async function setup(operators: Array<{ departments: string[]; capacity: number }>) {
  const { deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, AVG_HANDLE_MINUTES: '10', SLA_FIRST_REPLY_SECONDS: '3600' }, { clock: { now: () => NOW } });
  const collections = handoffCollections(deps.store);
  for (const o of operators) {
    const op = await makeStaff(deps, 'operator', o);
    await collections.presence.put(op.id, { online: true, lastSeen: NOW });
  }
  // A waiting conversation put in the queue the way a handoff does: by a move on its record.
  const queued = async (conversationId: string, department: string, priority: number, secondsAgo: number) => {
    const waitingSince = NOW - secondsAgo * 1000;
    await deps.store.conversations.create({ id: conversationId, status: 'waiting', lang: 'en', createdAt: waitingSince, updatedAt: waitingSince, missStreak: 0, vip: false, version: 1 });
    const placed = await deps.store.conversations.move({ conversationId, expectedVersion: 1, queue: { conversationId, department, priority, waitingSince, breachAt: waitingSince + 3_600_000 } });
    expect(placed.status).toBe('done');
  };
  return { deps, queued };
}

describe('the wait a visitor is told', () => {
  it('counts only the conversations of their own department ahead of them', async () => {
    const { deps, queued } = await setup([
      { departments: ['general'], capacity: 1 },
      { departments: ['sales'], capacity: 1 },
    ]);
    for (let i = 0; i < 4; i++) await queued(`g${i}`, 'general', 10, 60 - i);
    await queued('s0', 'sales', 10, 1);
    const sales = await currentAvailability(deps, 's0', 'sales');
    expect(sales).toEqual({ kind: 'wait', minutes: 1, range: [0, 2] });
    const general = await currentAvailability(deps, 'g3', 'general');
    expect(general).toMatchObject({ kind: 'wait' });
    expect((general as { minutes: number }).minutes).toBeGreaterThan(10);
  });

  it('puts a higher priority ahead of those who waited longer, as the queue does', async () => {
    const { deps, queued } = await setup([{ departments: [], capacity: 1 }]);
    for (let i = 0; i < 3; i++) await queued(`n${i}`, 'general', 10, 300 - i);
    await queued('vip', 'general', 50, 1);
    const vip = await currentAvailability(deps, 'vip', 'general');
    const last = await currentAvailability(deps, 'n2', 'general');
    expect(vip).toEqual({ kind: 'wait', minutes: 1, range: [0, 2] });
    expect((last as { minutes: number }).minutes).toBeGreaterThan(10);
  });
});

describe('the wait after a transfer back to the queue', () => {
  it('a chat answered in time and transferred back is not counted ahead of a more urgent visitor', async () => {
    let now = NOW;
    const urgent: Bot = { decide: async () => ({ kind: 'handoff', confidence: 0, reasons: ['low_confidence'], sources: [], department: 'general', priority: 1000 }) };
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, SLA_FIRST_REPLY_SECONDS: '60' }, { clock: { now: () => now }, bot: urgent });
    const op = await makeStaff(deps, 'operator', { capacity: 1 });
    const online = () => app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ online: true }) });
    await online();
    const a = await startConversation(app);
    await app.request(`/api/conversations/${a.id}/handoff`, { method: 'POST', ...auth(a.token) });
    const base = `/api/operator/conversations/${a.id}`;
    await app.request(`${base}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
    now += 10_000;
    await app.request(`${base}/messages`, { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ text: 'Looking into it' }) });
    await app.request(`${base}/transfer`, { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ department: 'general' }) });
    now += 120_000;
    await online();
    const b = await startConversation(app);
    const body = await (await postText(app, b, 'something the bot cannot answer')).json();
    expect(body.decision.handoff).toEqual({ kind: 'wait', minutes: 1, range: [0, 2] });
  });
});

describe('the cost of a wait estimate', () => {
  it('reads no conversation records for queue entries still within their SLA', async () => {
    const { deps, queued } = await setup([{ departments: [], capacity: 1 }]);
    for (let i = 0; i < 50; i++) await queued(`w${i}`, 'general', 10, 60 - i);
    let reads = 0;
    const get = deps.store.conversations.get.bind(deps.store.conversations);
    deps.store.conversations.get = async (id: string) => {
      reads += 1;
      return get(id);
    };
    const wait = await currentAvailability(deps, 'w49', 'general');
    expect(wait.kind).toBe('wait');
    expect(reads).toBe(0);
  });
});
