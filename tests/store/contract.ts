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
