import { randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge.js';

// The real @upstash/redis client against the bridge and a real redis-server: the same way the
// app's Upstash store adapter will talk to it in contract tests.

let bridge: UpstashBridge;
const paths: string[] = [];

beforeAll(async () => {
  bridge = await startUpstashBridge({ onRequest: (request) => paths.push(new URL(request.url).pathname) });
});
afterAll(async () => {
  await bridge?.stop();
});

/** A fresh key per test, so tests share nothing and run in any order. */
const key = (name: string) => `test:${randomUUID()}:${name}`;

const clients = [
  { name: 'defaults (auto-pipelining, base64)', config: {} },
  { name: 'no auto-pipelining', config: { enableAutoPipelining: false } },
  { name: 'no base64 encoding', config: { responseEncoding: false as const } },
];

describe.each(clients)('@upstash/redis with $name', ({ config }) => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis({ url: bridge.url, token: bridge.token, enableTelemetry: false, ...config });
  });

  it('round-trips plain, Russian and JSON values', async () => {
    const [plain, russian, json] = [key('plain'), key('ru'), key('json')];
    expect(await redis.set(plain, 'hello')).toBe('OK');
    await redis.set(russian, 'Здравствуйте, чем могу помочь? Ёлка 🎄');
    await redis.set(json, { status: 'waiting', tags: ['оплата', 'refund'], count: 3 });

    expect(await redis.get(plain)).toBe('hello');
    expect(await redis.get(russian)).toBe('Здравствуйте, чем могу помочь? Ёлка 🎄');
    expect(await redis.get(json)).toEqual({ status: 'waiting', tags: ['оплата', 'refund'], count: 3 });
    expect(await redis.get(key('missing'))).toBeNull();
  });

  it('reads a hash back as an object', async () => {
    const hash = key('hash');
    expect(await redis.hset(hash, { name: 'Анна', visits: 2, '10': 'numeric field' })).toBe(3);
    expect(await redis.hgetall(hash)).toEqual({ name: 'Анна', visits: 2, '10': 'numeric field' });
    expect(await redis.hget(hash, 'name')).toBe('Анна');
    expect(await redis.hgetall(key('no-hash'))).toBeNull();
  });

  it('returns sorted-set members with scores as a flat list', async () => {
    const zset = key('zset');
    await redis.zadd(zset, { score: 2, member: 'второй' }, { score: 1.5, member: 'first' });
    expect(await redis.zrange(zset, 0, -1, { withScores: true })).toEqual(['first', 1.5, 'второй', 2]);
    expect(await redis.zscore(zset, 'first')).toBe(1.5);
  });

  it('handles lists and counters', async () => {
    const list = key('list');
    await redis.rpush(list, 'a', 'б', 'c');
    await redis.lpush(list, 'z');
    expect(await redis.lrange(list, 0, -1)).toEqual(['z', 'a', 'б', 'c']);
    expect(await redis.lpop(list)).toBe('z');
    expect(await redis.llen(list)).toBe(3);

    const counter = key('counter');
    expect(await redis.incr(counter)).toBe(1);
    expect(await redis.incrby(counter, 41)).toBe(42);
  });

  it('runs an explicit pipeline', async () => {
    const [a, b] = [key('a'), key('b')];
    const results = await redis.pipeline().set(a, 'один').incr(b).get(a).incr(b).exec();
    expect(results).toEqual(['OK', 1, 'один', 2]);
  });

  it('runs a transaction and reports per-command errors inside it', async () => {
    const [text, counter] = [key('text'), key('counter')];
    expect(await redis.multi().set(counter, 5).incr(counter).get(counter).exec()).toEqual(['OK', 6, 6]);

    const results = await redis.multi().set(text, 'x').incr(text).get(text).exec({ keepErrors: true });
    expect(results.map((r) => r.error ?? r.result)).toEqual(['OK', expect.stringMatching(/not an integer/), 'x']);
  });

  it('discards a transaction when Redis refuses a command while queueing', async () => {
    const written = key('never-written');
    // HSET with no field/value pairs is a syntax error at queueing time: Redis answers EXECABORT.
    const tx = redis.multi().set(written, 'x').hset(key('hash'), {});
    await expect(tx.exec()).rejects.toThrow(/EXECABORT/);
    expect(await redis.get(written)).toBeNull();
  });

  it('returns nested arrays from a Lua script', async () => {
    const script = "return {1, 'two', {3, KEYS[1], {ARGV[1], 'пять'}}}";
    const result = await redis.eval(script, ['ключ'], ['arg']);
    expect(result).toEqual([1, 'two', [3, 'ключ', ['arg', 'пять']]]);
  });

  it('surfaces a WRONGTYPE error', async () => {
    const text = key('text');
    await redis.set(text, 'not a list');
    await expect(redis.lpush(text, 'x')).rejects.toThrow(/WRONGTYPE/);
  });

  it('refuses a blocking command instead of stalling the shared connection', async () => {
    await expect(redis.exec(['BLPOP', key('queue'), '1'])).rejects.toThrow(/BLPOP is not supported/);
    // And the connection still works afterwards.
    expect(await redis.incr(key('after'))).toBe(1);
  });

  it('rejects a wrong token', async () => {
    const intruder = new Redis({ url: bridge.url, token: 'wrong', enableTelemetry: false, ...config });
    await expect(intruder.get(key('any'))).rejects.toThrow(/Unauthorized/);
  });
});

describe('transport', () => {
  it('sends concurrent commands as one /pipeline request when auto-pipelining is on', async () => {
    const redis = new Redis({ url: bridge.url, token: bridge.token, enableTelemetry: false });
    const before = paths.length;
    const [a, b, c] = [key('a'), key('b'), key('c')];
    await Promise.all([redis.set(a, 1), redis.set(b, 2), redis.set(c, 3)]);
    expect(paths.slice(before)).toEqual(['/pipeline']);
  });

  it('sends single commands to / when auto-pipelining is off', async () => {
    const redis = new Redis({ url: bridge.url, token: bridge.token, enableTelemetry: false, enableAutoPipelining: false });
    const before = paths.length;
    await Promise.all([redis.set(key('a'), 1), redis.set(key('b'), 2)]);
    expect(paths.slice(before)).toEqual(['/', '/']);
  });
});
