import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/entry/worker';
import { parseEnv, workerProblems } from '../../src/env';

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as Parameters<typeof worker.fetch>[2];
const SECRET = 'x'.repeat(32);

afterEach(() => vi.restoreAllMocks());

describe('the Workers deploy trap', () => {
  it('refuses to start on the memory store without TOKEN_SECRET, saying what to set', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: unknown) => void logged.push(String(message)));
    const res = await worker.fetch(new Request('http://w/health'), { STORE: 'memory' }, ctx);
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe('bad_environment');
    expect(logged.join('\n')).toMatch(/TOKEN_SECRET/);
    expect(logged.join('\n')).toMatch(/STORE=upstash/);
    expect(logged.join('\n')).toMatch(/SINGLE_ISOLATE_DEMO=on/);
  });

  it('starts when a variable says it is a single-isolate demo', async () => {
    const res = await worker.fetch(new Request('http://w/health'), { STORE: 'memory', SINGLE_ISOLATE_DEMO: 'on', LOG_LEVEL: 'silent' }, ctx);
    expect(res.status).toBe(200);
  });

  it('has nothing against a shared store, or a memory store with a fixed secret', () => {
    expect(workerProblems(parseEnv({ STORE: 'upstash', UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:1', UPSTASH_REDIS_REST_TOKEN: 't', TOKEN_SECRET: SECRET }))).toEqual([]);
    expect(workerProblems(parseEnv({ STORE: 'memory', TOKEN_SECRET: SECRET }))).toEqual([]);
    expect(workerProblems(parseEnv({}))).toHaveLength(1);
  });
});
