import { describe, expect, it } from 'vitest';
import { currentAvailability } from '../../src/conversation/availability';
import { handoffCollections } from '../../src/conversation/collections';
import { ALWAYS_OPEN, makeTestApp } from '../helpers/app';
import { makeStaff } from '../helpers/staff';

const NOW = Date.UTC(2026, 10, 18, 12, 0, 0);

async function setup(operators: Array<{ departments: string[]; capacity: number }>) {
  const { deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, AVG_HANDLE_MINUTES: '10', SLA_FIRST_REPLY_SECONDS: '3600' }, { clock: { now: () => NOW } });
  const collections = handoffCollections(deps.store);
  for (const o of operators) {
    const op = await makeStaff(deps, 'operator', o);
    await collections.presence.put(op.id, { online: true, lastSeen: NOW });
  }
  const queued = (conversationId: string, department: string, priority: number, secondsAgo: number) =>
    collections.queue.put(conversationId, { conversationId, department, priority, waitingSince: NOW - secondsAgo * 1000 });
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
    const sales = await currentAvailability(deps, { conversationId: 's0', department: 'sales', priority: 10, waitingSince: NOW - 1000 });
    expect(sales).toEqual({ kind: 'wait', minutes: 1, range: [0, 2] });
    const general = await currentAvailability(deps, { conversationId: 'g3', department: 'general', priority: 10, waitingSince: NOW - 57_000 });
    expect(general).toMatchObject({ kind: 'wait' });
    expect((general as { minutes: number }).minutes).toBeGreaterThan(10);
  });

  it('puts a higher priority ahead of those who waited longer, as the queue does', async () => {
    const { deps, queued } = await setup([{ departments: [], capacity: 1 }]);
    for (let i = 0; i < 3; i++) await queued(`n${i}`, 'general', 10, 300 - i);
    await queued('vip', 'general', 50, 1);
    const vip = await currentAvailability(deps, { conversationId: 'vip', department: 'general', priority: 50, waitingSince: NOW - 1000 });
    const last = await currentAvailability(deps, { conversationId: 'n2', department: 'general', priority: 10, waitingSince: NOW - 298_000 });
    expect(vip).toEqual({ kind: 'wait', minutes: 1, range: [0, 2] });
    expect((last as { minutes: number }).minutes).toBeGreaterThan(10);
  });
});
