import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useBridgeWithDirectRedis } from '../helpers/upstash-bridge.js';

// The wire format itself, checked with plain fetch: what any Upstash client (not only ours) sees.

const local = useBridgeWithDirectRedis();

const key = (name: string) => `proto:${randomUUID()}:${name}`;
const b64 = (text: string) => Buffer.from(text).toString('base64');

async function call(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${local.bridge.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${local.bridge.token}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}
const base64 = { 'Upstash-Encoding': 'base64' };

describe('authorization', () => {
  it.each([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
    ['a token with a different length', { authorization: `Bearer ${'x'.repeat(200)}` }],
    ['another scheme', { authorization: 'Basic abc' }],
  ])('answers 401 with a JSON error for %s', async (_, headers) => {
    for (const path of ['/', '/pipeline', '/multi-exec', '/get/x']) {
      const response = await fetch(`${local.bridge.url}${path}`, { method: 'POST', headers, body: '["PING"]' });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/Unauthorized/) });
    }
  });
});

describe('POST /', () => {
  it('answers {result} as UTF-8 text without the encoding header', async () => {
    const k = key('s');
    expect(await call('/', ['SET', k, 'Привет'])).toEqual({ status: 200, json: { result: 'OK' } });
    expect(await call('/', ['GET', k])).toEqual({ status: 200, json: { result: 'Привет' } });
    expect(await call('/', ['INCRBY', key('n'), 7])).toEqual({ status: 200, json: { result: 7 } });
  });

  it('base64-encodes every string at every depth, OK included, and leaves numbers and null', async () => {
    const k = key('s');
    expect((await call('/', ['SET', k, 'Привет'], base64)).json).toEqual({ result: b64('OK') });
    expect((await call('/', ['GET', k], base64)).json).toEqual({ result: b64('Привет') });
    expect((await call('/', ['GET', key('missing')], base64)).json).toEqual({ result: null });
    const script = "return {1, 'a', {2, 'b', {'OK'}}}";
    expect((await call('/', ['EVAL', script, 0], base64)).json).toEqual({
      result: [1, b64('a'), [2, b64('b'), [b64('OK')]]],
    });
  });

  it('keeps binary values intact under base64', async () => {
    const k = key('bin');
    const bytes = Buffer.from([0, 255, 254, 128, 10, 13, 0xc3]);
    await local.direct.set(k, bytes);
    const { json } = await call('/', ['GET', k], base64);
    expect(Buffer.from((json as { result: string }).result, 'base64')).toEqual(bytes);
  });

  it('returns HGETALL as a flat array, never an object', async () => {
    const k = key('h');
    await call('/', ['HSET', k, 'b', '2', '1', 'one']);
    const { json } = await call('/', ['HGETALL', k]);
    const result = (json as { result: string[] }).result;
    expect(Array.isArray(result)).toBe(true);
    expect(Object.fromEntries([[result[0], result[1]], [result[2], result[3]]])).toEqual({ b: '2', 1: 'one' });
  });

  it('answers a Redis error with 400 {error}, never encoded', async () => {
    const k = key('s');
    await call('/', ['SET', k, 'x']);
    const { status, json } = await call('/', ['LPUSH', k, 'y'], base64);
    expect(status).toBe(400);
    expect(json).toEqual({ error: expect.stringMatching(/^WRONGTYPE /) });
  });

  it.each([
    ['invalid JSON', '{"oops'],
    ['an object', { cmd: 'GET' }],
    ['an empty array', []],
    ['a nested array', [['GET', 'x']]],
    ['a null argument', ['GET', null]],
    ['an object argument', ['SET', 'k', { a: 1 }]],
  ])('answers 400 {error} without a stack trace for %s', async (_, body) => {
    const { status, json } = await call('/', body);
    expect(status).toBe(400);
    expect(Object.keys(json as object)).toEqual(['error']);
    expect((json as { error: string }).error).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['BLPOP', ['BLPOP', 'q', '0']],
    ['BRPOP', ['brpop', 'q', '0']],
    ['BLMOVE', ['BLMOVE', 'a', 'b', 'LEFT', 'RIGHT', '0']],
    ['XREAD with BLOCK', ['XREAD', 'BLOCK', '0', 'STREAMS', 's', '$']],
    ['SUBSCRIBE', ['SUBSCRIBE', 'ch']],
    ['SELECT', ['SELECT', '1']],
    ['QUIT', ['QUIT']],
    ['MONITOR', ['MONITOR']],
    ['MULTI', ['MULTI']],
  ])('refuses %s with a clear 400', async (_, command) => {
    const { status, json } = await call('/', command);
    expect(status).toBe(400);
    expect(json).toEqual({ error: expect.stringMatching(/is not supported by this bridge/) });
  });

  it('still serves XREAD without BLOCK, even for a stream named "block"', async () => {
    await local.direct.xadd('block', '1-1', 'f', 'v');
    const { status, json } = await call('/', ['XREAD', 'COUNT', '1', 'STREAMS', 'block', '0']);
    expect(status).toBe(200);
    expect(json).toEqual({ result: [['block', [['1-1', ['f', 'v']]]]] });
  });
});

describe('POST /pipeline', () => {
  it('answers one {result} or {error} per command, in order', async () => {
    const k = key('s');
    const { status, json } = await call(
      '/pipeline',
      [['SET', k, 'text'], ['INCR', k], ['GET', k], ['BLPOP', 'q', '0'], ['GET', key('none')]],
      base64,
    );
    expect(status).toBe(200);
    expect(json).toEqual([
      { result: b64('OK') },
      { error: expect.stringMatching(/not an integer/) },
      { result: b64('text') },
      { error: expect.stringMatching(/BLPOP is not supported/) },
      { result: null },
    ]);
  });

  it.each([
    ['a single command', ['GET', 'x']],
    ['an empty list', []],
    ['a bad command inside', [['GET', 'x'], []]],
  ])('answers 400 {error} for %s', async (_, body) => {
    const { status, json } = await call('/pipeline', body);
    expect(status).toBe(400);
    expect(json).toEqual({ error: expect.any(String) });
  });
});

describe('POST /multi-exec', () => {
  it('runs the commands atomically and answers per command', async () => {
    const k = key('n');
    const { status, json } = await call('/multi-exec', [['INCR', k], ['INCR', k], ['LPUSH', k, 'x']]);
    expect(status).toBe(200);
    expect(json).toEqual([{ result: 1 }, { result: 2 }, { error: expect.stringMatching(/^WRONGTYPE/) }]);
  });

  it('answers EXECABORT as 400 {error} and writes nothing', async () => {
    const k = key('s');
    const { status, json } = await call('/multi-exec', [['SET', k, 'x'], ['NOSUCHCOMMAND']]);
    expect(status).toBe(400);
    expect(json).toEqual({ error: expect.stringMatching(/^EXECABORT .*unknown command/) });
    expect(await local.direct.exists(k)).toBe(0);
  });

  it('does not let commands from concurrent requests into a transaction', async () => {
    const k = key('list');
    // If a concurrent RPUSH slipped between MULTI and EXEC it would be queued and its reply
    // would show up in the transaction's answer as an extra element.
    const requests = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0 ? call('/multi-exec', [['RPUSH', k, 'tx'], ['LLEN', k]]) : call('/', ['RPUSH', k, 'solo']),
    );
    for (const [i, { status, json }] of (await Promise.all(requests)).entries()) {
      expect(status).toBe(200);
      if (i % 2 === 0) expect(json).toHaveLength(2);
    }
    expect(await local.direct.llen(k)).toBe(20);
  });

  it('refuses a blocking command inside a transaction as a whole', async () => {
    const k = key('s');
    const { status, json } = await call('/multi-exec', [['SET', k, 'x'], ['BRPOP', 'q', '0']]);
    expect(status).toBe(400);
    expect(json).toEqual({ error: expect.stringMatching(/EXECABORT.*BRPOP is not supported/) });
    expect(await local.direct.exists(k)).toBe(0);
  });
});

describe('path-style commands', () => {
  it('serves GET /get/<key> and POST /set/<key> with the value as the body', async () => {
    const k = key('p');
    const headers = { authorization: `Bearer ${local.bridge.token}` };
    const set = await fetch(`${local.bridge.url}/set/${encodeURIComponent(k)}`, { method: 'POST', headers, body: 'a b/c' });
    expect(await set.json()).toEqual({ result: 'OK' });
    const get = await fetch(`${local.bridge.url}/get/${encodeURIComponent(k)}`, { headers });
    expect(await get.json()).toEqual({ result: 'a b/c' });
  });
});
