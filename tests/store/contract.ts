import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../src/domain/conversation';
import type { Store } from '../../src/store/ports';

/**
 * The one contract every store adapter passes. Each test asks the factory for a fresh,
 * empty store, so tests never see each other's data.
 */
export function describeStoreContract(name: string, makeStore: () => Store) {
  const conversation = (id: string, version = 1): Conversation => ({
    id,
    status: 'bot',
    lang: 'ru',
    createdAt: 1,
    updatedAt: 1,
    missStreak: 0,
    vip: false,
    version,
  });
  const message = (id: string, text: string, clientId?: string): Message => ({ id, role: 'visitor', text, createdAt: 2, clientId });

  describe(`${name} store contract`, () => {
    describe('conversations', () => {
      it('creates once, reads back, and refuses a second create of the same id', async () => {
        const store = makeStore();
        expect(await store.conversations.get('c1')).toBeNull();
        expect(await store.conversations.create(conversation('c1'))).toBe(true);
        expect(await store.conversations.create(conversation('c1'))).toBe(false);
        expect(await store.conversations.get('c1')).toEqual(conversation('c1'));
      });

      it('keeps a conversation apart from another one\'s transcript and client ids, whatever the ids', async () => {
        const store = makeStore();
        await store.transcripts.append('c1', message('m0', 'a', 'v'), 100);
        await store.transcripts.append('c1', message('m1', 'b'), 100);
        expect(await store.conversations.get('c1:msgs')).toBeNull();
        expect(await store.conversations.create(conversation('c1:cids'))).toBe(true);
        expect((await store.transcripts.findByClientId('c1', 'v'))?.id).toBe('m0');
        expect(await store.transcripts.findByClientId('c1', 'data')).toBeNull();
      });

      it('replaces only on the expected version', async () => {
        const store = makeStore();
        await store.conversations.create(conversation('c1'));
        const next = { ...conversation('c1', 2), status: 'waiting' as const };
        expect(await store.conversations.replace(next, 7)).toBe(false);
        expect(await store.conversations.replace(next, 1)).toBe(true);
        expect(await store.conversations.replace({ ...next, version: 3 }, 1)).toBe(false);
        expect(await store.conversations.get('c1')).toMatchObject({ status: 'waiting', version: 2 });
        expect(await store.conversations.replace(conversation('missing', 2), 1)).toBe(false);
      });

      it('lets exactly one of many concurrent writers of the same version win', async () => {
        const store = makeStore();
        await store.conversations.create(conversation('c1'));
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.conversations.replace({ ...conversation('c1', 2), assigneeId: `op${i}` }, 1),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect((await store.conversations.get('c1'))?.assigneeId).toBe(`op${winner}`);
      });
    });

    describe('transcripts', () => {
      it('appends in order and lists with offset and limit, Unicode intact', async () => {
        const store = makeStore();
        for (const [i, text] of ['привет', 'ёлка 🎄', 'hello'].entries()) {
          const r = await store.transcripts.append('c1', message(`m${i}`, text), 100);
          expect(r).toMatchObject({ status: 'stored', index: i });
        }
        expect((await store.transcripts.list('c1')).map((m) => m.text)).toEqual(['привет', 'ёлка 🎄', 'hello']);
        expect((await store.transcripts.list('c1', { offset: 1, limit: 1 })).map((m) => m.id)).toEqual(['m1']);
        expect((await store.transcripts.list('c1', { offset: 1, limit: 5 })).map((m) => m.id)).toEqual(['m1', 'm2']);
        expect(await store.transcripts.list('c1', { limit: 0 })).toEqual([]);
        expect(await store.transcripts.list('c1', { offset: 2, limit: 0 })).toEqual([]);
        expect(await store.transcripts.list('other')).toEqual([]);
      });

      it('stores one message for the same clientId, returning the first', async () => {
        const store = makeStore();
        await store.transcripts.append('c1', message('m1', 'first', 'client-a'), 100);
        const again = await store.transcripts.append('c1', message('m2', 'second', 'client-a'), 100);
        expect(again).toEqual({ status: 'duplicate', message: message('m1', 'first', 'client-a') });
        expect(await store.transcripts.list('c1')).toHaveLength(1);
        expect(await store.transcripts.findByClientId('c1', 'client-a')).toEqual(message('m1', 'first', 'client-a'));
        expect(await store.transcripts.findByClientId('c1', 'client-z')).toBeNull();
        expect(await store.transcripts.findByClientId('c2', 'client-a')).toBeNull();
      });

      it('stores one message when the same clientId arrives concurrently', async () => {
        const store = makeStore();
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.transcripts.append('c1', message(`m${i}`, 'same', 'client-b'), 100)),
        );
        expect(results.filter((r) => r.status === 'stored')).toHaveLength(1);
        expect(await store.transcripts.list('c1')).toHaveLength(1);
      });

      it('refuses to grow past the limit', async () => {
        const store = makeStore();
        expect((await store.transcripts.append('c1', message('m1', 'a'), 2)).status).toBe('stored');
        expect((await store.transcripts.append('c1', message('m2', 'b'), 2)).status).toBe('stored');
        expect(await store.transcripts.append('c1', message('m3', 'c'), 2)).toEqual({ status: 'full' });
        expect(await store.transcripts.list('c1')).toHaveLength(2);
      });
    });

    describe('moves and the queue', () => {
      const T = 1_800_000_000_000;
      const waiting = async (store: Store, id: string) => {
        await store.conversations.create({ ...conversation(id), status: 'waiting' });
      };
      const enqueue = async (store: Store, id: string, department: string, priority: number, waitingSince: number, breachAt?: number) => {
        await waiting(store, id);
        expect(await store.conversations.move({ conversationId: id, expectedVersion: 1, queue: { conversationId: id, department, priority, waitingSince, breachAt } })).toEqual({ status: 'done' });
      };
      const ids = async (store: Store, q: { department?: string; offset?: number; limit?: number; now?: number } = {}) =>
        (await store.queue.page({ offset: 0, limit: 50, now: T, documents: 'packets', ...q })).rows.map((r) => r.entry.conversationId);

      it('applies a move only at the version it was decided on, record and queue together', async () => {
        const store = makeStore();
        await store.conversations.create(conversation('c1'));
        const next = { ...conversation('c1', 2), status: 'waiting' as const };
        const placement = { conversationId: 'c1', department: 'general', priority: 0, waitingSince: T };
        expect(await store.conversations.move({ conversationId: 'c1', expectedVersion: 7, next, queue: placement })).toEqual({ status: 'stale' });
        expect(await ids(store)).toEqual([]);
        expect(await store.conversations.move({ conversationId: 'missing', expectedVersion: 1 })).toEqual({ status: 'stale' });
        expect(await store.conversations.move({ conversationId: 'c1', expectedVersion: 1, next, queue: placement, document: { namespace: 'packets', id: 'c1', value: { p: 1 } } })).toEqual({ status: 'done' });
        expect(await store.conversations.get('c1')).toMatchObject({ status: 'waiting', version: 2 });
        const page = await store.queue.page({ offset: 0, limit: 10, now: T, documents: 'packets' });
        expect(page.total).toBe(1);
        expect(page.rows[0]).toMatchObject({ entry: placement, breached: false, conversation: { id: 'c1', version: 2 }, document: { p: 1 } });
      });

      it('orders a line by breach, then priority, then the longest wait, then id; pages it and counts it', async () => {
        const store = makeStore();
        await enqueue(store, 'low-old', 'general', 0, T - 50_000);
        await enqueue(store, 'high-new', 'general', 10, T - 1_000);
        await enqueue(store, 'high-old', 'general', 10, T - 9_000);
        await enqueue(store, 'b', 'general', 0, T - 50_000);
        await enqueue(store, 'late', 'general', 0, T - 1_000, T - 1);
        await enqueue(store, 'sales', 'sales', 99, T);
        expect(await ids(store, { department: 'general' })).toEqual(['late', 'high-old', 'high-new', 'b', 'low-old']);
        expect(await ids(store)).toEqual(['late', 'sales', 'high-old', 'high-new', 'b', 'low-old']);
        expect(await ids(store, { department: 'general', offset: 1, limit: 2 })).toEqual(['high-old', 'high-new']);
        expect(await ids(store, { department: 'general', offset: 4, limit: 10 })).toEqual(['low-old']);
        expect((await store.queue.page({ department: 'general', offset: 0, limit: 0, now: T, documents: 'packets' })).total).toBe(5);
        expect(await store.queue.place('b', T)).toMatchObject({ ahead: 3, breached: false, entry: { department: 'general', priority: 0 } });
        expect(await store.queue.place('late', T)).toMatchObject({ ahead: 0, breached: true });
        expect(await store.queue.place('sales', T)).toMatchObject({ ahead: 0 });
        expect(await store.queue.place('nobody', T)).toBeNull();
      });

      it('moves an entry whose SLA runs out ahead of the line, and never one that cannot breach', async () => {
        const store = makeStore();
        await enqueue(store, 'vip', 'general', 50, T - 1_000, T + 60_000);
        await enqueue(store, 'met', 'general', 0, T - 90_000);
        await enqueue(store, 'slow', 'general', 0, T - 30_000, T + 30_000);
        expect(await ids(store, { now: T })).toEqual(['vip', 'met', 'slow']);
        const later = await store.queue.page({ offset: 0, limit: 10, now: T + 30_000, documents: 'packets' });
        expect(later.rows.map((r) => [r.entry.conversationId, r.breached])).toEqual([['slow', true], ['vip', false], ['met', false]]);
        expect(await store.queue.place('vip', T + 60_000)).toMatchObject({ ahead: 0, breached: true });
        expect(await ids(store, { department: 'general', now: T + 60_000 })).toEqual(['vip', 'slow', 'met']);
      });

      it('takes an entry out, or moves it to another department, in the same step as the record', async () => {
        const store = makeStore();
        await enqueue(store, 'c1', 'general', 0, T);
        expect(await store.conversations.move({ conversationId: 'c1', expectedVersion: 1, queue: { conversationId: 'c1', department: 'sales', priority: 3, waitingSince: T } })).toEqual({ status: 'done' });
        expect(await ids(store, { department: 'general' })).toEqual([]);
        expect(await ids(store, { department: 'sales' })).toEqual(['c1']);
        expect(await ids(store)).toEqual(['c1']);
        expect(await store.conversations.move({ conversationId: 'c1', expectedVersion: 1, next: { ...conversation('c1', 2), status: 'assigned' }, queue: null })).toEqual({ status: 'done' });
        expect(await ids(store)).toEqual([]);
        expect(await store.queue.place('c1', T)).toBeNull();
      });

      it('counts capacity in the step: a held conversation counts once, and a release frees its slot', async () => {
        const store = makeStore();
        for (const id of ['a', 'b', 'c']) await waiting(store, id);
        const assign = (id: string, version = 1) => store.conversations.move({ conversationId: id, expectedVersion: version, assign: { operatorId: 'op', capacity: 2 } });
        expect(await assign('a')).toEqual({ status: 'done' });
        expect(await assign('a')).toEqual({ status: 'done' });
        expect(await assign('b')).toEqual({ status: 'done' });
        expect(await assign('c')).toEqual({ status: 'over_capacity' });
        expect(await store.queue.held(['op', 'other'])).toEqual([2, 0]);
        expect(await store.conversations.move({ conversationId: 'a', expectedVersion: 1, assign: { operatorId: 'other', capacity: 1 } })).toEqual({ status: 'done' });
        expect(await store.queue.held(['op', 'other'])).toEqual([1, 1]);
        expect(await store.conversations.move({ conversationId: 'b', expectedVersion: 1, assign: null })).toEqual({ status: 'done' });
        expect(await assign('c')).toEqual({ status: 'done' });
        expect(await store.queue.held(['op', 'other'])).toEqual([1, 1]);
      });

      it('appends a message with its reply in the step, once per clientId, and refuses a full transcript whole', async () => {
        const store = makeStore();
        await store.conversations.create(conversation('c1'));
        const reply: Message = { id: 'r1', role: 'bot', text: 'answer', createdAt: 3, clientId: '\u0001answer:m1', replyTo: 'm1' };
        const next = { ...conversation('c1', 2), missStreak: 1 };
        const step = { conversationId: 'c1', expectedVersion: 1, next, append: { message: message('m1', 'привет', 'k1'), maxMessages: 3, reply } };
        expect(await store.conversations.move(step)).toEqual({ status: 'done', index: 0 });
        expect(await store.conversations.move({ ...step, expectedVersion: 2, next: { ...next, version: 3 } })).toMatchObject({ status: 'duplicate', message: { id: 'm1' } });
        expect(await store.conversations.get('c1')).toMatchObject({ version: 2, missStreak: 1 });
        expect((await store.transcripts.list('c1')).map((m) => m.id)).toEqual(['m1', 'r1']);
        expect((await store.transcripts.findByClientId('c1', '\u0001answer:m1'))?.id).toBe('r1');
        expect(await store.conversations.move({ conversationId: 'c1', expectedVersion: 2, append: { message: message('m2', 'b'), maxMessages: 2 } })).toEqual({ status: 'full' });
        expect(await store.conversations.move({ conversationId: 'c1', expectedVersion: 2, append: { message: message('m2', 'b'), maxMessages: 3 } })).toEqual({ status: 'done', index: 2 });
        const snap = await store.conversations.snapshot('c1', 'k1');
        expect(snap.conversation).toMatchObject({ id: 'c1', version: 2 });
        expect(snap.earlier?.id).toBe('m1');
        expect(snap.messages.map((m) => m.id)).toEqual(['m1', 'r1', 'm2']);
        expect(await store.conversations.snapshot('none')).toEqual({ conversation: null, messages: [], earlier: null });
      });

      it('lets one of 50 concurrent moves at one version win, and one of 10 claims at capacity − 1', async () => {
        const store = makeStore();
        await waiting(store, 'c1');
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            store.conversations.move({ conversationId: 'c1', expectedVersion: 1, next: { ...conversation('c1', 2), status: 'assigned', assigneeId: `op${i}` }, assign: { operatorId: `op${i}`, capacity: 1 } }),
          ),
        );
        expect(results.filter((r) => r.status === 'done')).toHaveLength(1);
        const winner = (await store.conversations.get('c1'))!.assigneeId!;
        expect(await store.queue.held([winner])).toEqual([1]);
        for (let i = 0; i < 12; i++) await waiting(store, `q${i}`);
        for (const id of ['q10', 'q11']) await store.conversations.move({ conversationId: id, expectedVersion: 1, assign: { operatorId: 'ann', capacity: 3 } });
        const claims = await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.conversations.move({ conversationId: `q${i}`, expectedVersion: 1, assign: { operatorId: 'ann', capacity: 3 } })),
        );
        expect(claims.filter((r) => r.status === 'done')).toHaveLength(1);
        expect(claims.filter((r) => r.status === 'over_capacity')).toHaveLength(9);
        expect(await store.queue.held(['ann'])).toEqual([3]);
      });
    });

    describe('events', () => {
      it('numbers events per stream from 1 and reads after an id', async () => {
        const store = makeStore();
        expect(await store.events.lastId('s')).toBe(0);
        const a = await store.events.append('s', { type: 'message', data: { text: 'один' } });
        const b = await store.events.append('s', { type: 'status', data: { status: 'waiting' } });
        await store.events.append('other', { type: 'x', data: null });
        expect([a.id, b.id]).toEqual([1, 2]);
        expect(await store.events.lastId('s')).toBe(2);
        expect((await store.events.after('s', 0)).map((e) => [e.id, e.type, e.data])).toEqual([
          [1, 'message', { text: 'один' }],
          [2, 'status', { status: 'waiting' }],
        ]);
        expect((await store.events.after('s', 1)).map((e) => e.id)).toEqual([2]);
        expect(await store.events.after('s', 2)).toEqual([]);
        expect((await store.events.after('s', 0, 1)).map((e) => e.id)).toEqual([1]);
      });

      it('keeps streams apart whatever their names ("s" and "s:seq")', async () => {
        const store = makeStore();
        await store.events.append('s', { type: 't', data: 1 });
        expect((await store.events.append('s:seq', { type: 't', data: 2 })).id).toBe(1);
        expect((await store.events.append('s', { type: 't', data: 3 })).id).toBe(2);
      });

      it('gives concurrent appends distinct, gapless ids', async () => {
        const store = makeStore();
        const events = await Promise.all(Array.from({ length: 25 }, (_, i) => store.events.append('s', { type: 't', data: i })));
        expect(events.map((e) => e.id).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      });

      it('wait returns once an event may be there, and on abort', async () => {
        const store = makeStore();
        const started = Date.now();
        const waiting = store.events.wait('s', 0, 5000);
        await store.events.append('s', { type: 't', data: 1 });
        await waiting;
        expect(Date.now() - started).toBeLessThan(4000);
        const controller = new AbortController();
        const aborted = store.events.wait('s', 1, 5000, controller.signal);
        controller.abort();
        await aborted;
        expect(Date.now() - started).toBeLessThan(4000);
      });
    });

    describe('rate limiter', () => {
      it('allows the limit, then refuses, per key', async () => {
        const store = makeStore();
        const rule = { name: 'test', limit: 3, windowSeconds: 60 };
        const results = [];
        for (let i = 0; i < 5; i++) results.push((await store.rateLimiter.limit(rule, 'k1')).success);
        expect(results).toEqual([true, true, true, false, false]);
        expect((await store.rateLimiter.limit(rule, 'k2')).success).toBe(true);
      });
    });

    describe('documents', () => {
      it('puts, gets, lists and deletes JSON documents per namespace', async () => {
        const store = makeStore();
        expect(await store.documents.get('packets', 'c1')).toBeNull();
        await store.documents.put('packets', 'c1', { reasons: ['complaint'], score: 0.9, text: 'жалоба' });
        await store.documents.put('packets', 'c2', { reasons: [], nested: { list: [1, 2] } });
        await store.documents.put('ratings', 'c1', { score: 5 });
        expect(await store.documents.get('packets', 'c1')).toEqual({ reasons: ['complaint'], score: 0.9, text: 'жалоба' });
        const listed = (await store.documents.list('packets')).sort((a, b) => a.id.localeCompare(b.id));
        expect(listed).toEqual([
          { id: 'c1', value: { reasons: ['complaint'], score: 0.9, text: 'жалоба' } },
          { id: 'c2', value: { reasons: [], nested: { list: [1, 2] } } },
        ]);
        await store.documents.delete('packets', 'c1');
        expect(await store.documents.get('packets', 'c1')).toBeNull();
        expect(await store.documents.list('packets')).toHaveLength(1);
        expect(await store.documents.list('empty')).toEqual([]);
      });

      it('bumps counters atomically', async () => {
        const store = makeStore();
        expect(await store.documents.counter('kb')).toBe(0);
        await Promise.all(Array.from({ length: 10 }, () => store.documents.bump('kb')));
        expect(await store.documents.counter('kb')).toBe(10);
      });
    });

    it('answers ping', async () => {
      expect(await makeStore().ping()).toBe(true);
    });
  });
}
