import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory/memory-store';
import type { Store } from '../../src/store/ports';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { auth, makeTestApp, startConversation } from '../helpers/app';
import { makeStaff, staffHeaders } from '../helpers/staff';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';

const CLAIMS = 50;

/** 50 operators claim one conversation at the same moment: exactly one 200, the rest 409. */
async function race(store: Store) {
  const { app, deps } = makeTestApp({ RATE_LIMITS: 'off' }, { store });
  const operators = await Promise.all(Array.from({ length: CLAIMS }, () => makeStaff(deps, 'operator')));
  const convo = await startConversation(app);
  expect((await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) })).status).toBe(200);

  const responses = await Promise.all(
    operators.map((op) => app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) })),
  );
  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(CLAIMS - 1);
  const codes = await Promise.all(responses.filter((r) => r.status === 409).map(async (r) => (await r.json()).error.code));
  expect(new Set(codes)).toEqual(new Set(['already_claimed']));

  const winner = operators[statuses.indexOf(200)]!;
  const view = await (await app.request(`/api/operator/conversations/${convo.id}`, { headers: staffHeaders(winner.token) })).json();
  expect(view).toMatchObject({ status: 'assigned', assigneeId: winner.id });
}

/**
 * One operator with capacity 3 who holds 2 claims 10 more at once: exactly one claim wins (the
 * capacity is counted in the claim's own atomic step), the other nine are 409 over_capacity
 * and still waiting in the queue, and the operator holds exactly 3.
 */
async function capacityRace(store: Store) {
  const { app, deps } = makeTestApp({ RATE_LIMITS: 'off' }, { store });
  const op = await makeStaff(deps, 'operator', { capacity: 3 });
  const convos = [];
  for (let i = 0; i < 12; i++) {
    const convo = await startConversation(app);
    await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
    convos.push(convo);
  }
  const claim = (id: string) => app.request(`/api/operator/conversations/${id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
  for (const c of convos.slice(0, 2)) expect((await claim(c.id)).status).toBe(200);
  const responses = await Promise.all(convos.slice(2).map((c) => claim(c.id)));
  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(9);
  const codes = await Promise.all(responses.filter((r) => r.status === 409).map(async (r) => (await r.json()).error.code));
  expect(new Set(codes)).toEqual(new Set(['over_capacity']));
  const records = await Promise.all(convos.map((c) => deps.store.conversations.get(c.id)));
  expect(records.filter((r) => r?.status === 'assigned' && r.assigneeId === op.id)).toHaveLength(3);
  expect(await deps.store.queue.held([op.id])).toEqual([3]);
  const queue = await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json();
  expect(queue.items).toHaveLength(9);
  expect(queue.total).toBe(9);
}

/** A store whose moves take a moment, as a remote store's do: concurrent requests interleave around them. */
function slowWrites(store: Store): Store {
  const conversations = store.conversations;
  return {
    ...store,
    conversations: {
      get: conversations.get.bind(conversations),
      create: conversations.create.bind(conversations),
      replace: conversations.replace.bind(conversations),
      snapshot: conversations.snapshot.bind(conversations),
      move: async (...args: Parameters<Store['conversations']['move']>) => {
        await new Promise((r) => setTimeout(r, 10));
        return conversations.move(...args);
      },
    },
  };
}

describe('transfers to an operator at capacity', () => {
  it('two transfers at once to an operator with one free slot leave them within capacity', async () => {
    const { app, deps } = makeTestApp({ RATE_LIMITS: 'off' }, { store: slowWrites(createMemoryStore()) });
    const anna = await makeStaff(deps, 'operator', { capacity: 3 });
    const boris = await makeStaff(deps, 'operator', { capacity: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const convo = await startConversation(app);
      await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
      expect((await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(anna.token) })).status).toBe(200);
      ids.push(convo.id);
    }
    const statuses = (
      await Promise.all(
        ids.map((id) =>
          app.request(`/api/operator/conversations/${id}/transfer`, { method: 'POST', headers: staffHeaders(anna.token), body: JSON.stringify({ operatorId: boris.id }) }),
        ),
      )
    ).map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const records = await Promise.all(ids.map((id) => deps.store.conversations.get(id)));
    expect(records.filter((r) => r?.assigneeId === boris.id)).toHaveLength(1);
    expect(statuses.sort()).toEqual([200, 409]);
    // What Boris could not take stays with Anna.
    expect(records.every((r) => r?.status === 'assigned' && (r.assigneeId === boris.id || r.assigneeId === anna.id))).toBe(true);
  });
});

describe('the claim race', () => {
  it(`memory store: ${CLAIMS} concurrent claims, one winner`, async () => {
    await race(createMemoryStore());
  });

  it('memory store: one operator at capacity − 1 claiming 10 at once gets exactly one', async () => {
    await capacityRace(createMemoryStore());
  });

  describe('Upstash store against real Redis', () => {
    let bridge: UpstashBridge;
    beforeAll(async () => {
      bridge = await startUpstashBridge();
    });
    afterAll(() => bridge?.stop());

    // A generous store timeout: fifty accounts hashed at once starve a busy machine's event loop,
    // and this test is about the race, not about outages (tests/store/outage.test.ts is).
    it(`${CLAIMS} concurrent claims, one winner`, async () => {
      await race(createUpstashStore({ url: bridge.url, token: bridge.token, prefix: `race-${Date.now()}`, timeoutMs: 15_000 }));
    });

    it('one operator at capacity − 1 claiming 10 at once gets exactly one', async () => {
      await capacityRace(createUpstashStore({ url: bridge.url, token: bridge.token, prefix: `cap-${Date.now()}`, timeoutMs: 15_000 }));
    });
  });
});
