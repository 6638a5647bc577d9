import { randomUUID } from 'node:crypto';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { describe, expect, it } from 'vitest';
import { useBridgeWithDirectRedis } from '../helpers/upstash-bridge.js';

// @upstash/ratelimit's Lua scripts carry an Upstash-only shebang flag and are run by EVALSHA
// first; these tests prove both the flag stripping and the SHA mapping against a real Redis.

const local = useBridgeWithDirectRedis();

/** How many EVALSHA calls Redis has run successfully (NOSCRIPT counts as a failed call). */
async function successfulEvalsha(): Promise<number> {
  const info = await local.direct.info('commandstats');
  const line = /cmdstat_evalsha:calls=(\d+),.*failed_calls=(\d+)/.exec(info);
  return line ? Number(line[1]) - Number(line[2]) : 0;
}

// Hour-long windows, so a test run of a few milliseconds practically never straddles a boundary.
const limiters = [
  { name: 'slidingWindow', limiter: Ratelimit.slidingWindow(3, '1 h') },
  { name: 'fixedWindow', limiter: Ratelimit.fixedWindow(3, '1 h') },
  { name: 'tokenBucket', limiter: Ratelimit.tokenBucket(1, '1 h', 3) },
];
const clients = [
  { clientName: 'auto-pipelining', config: {} },
  { clientName: 'no auto-pipelining', config: { enableAutoPipelining: false } },
];

describe.each(clients)('@upstash/ratelimit through the bridge ($clientName)', ({ config }) => {
  it.each(limiters)('$name allows 3 requests, then limits', async ({ limiter }) => {
    const redis = new Redis({ url: local.bridge.url, token: local.bridge.token, enableTelemetry: false, ...config });
    // No ephemeral cache: every answer must come from Redis, not from the limiter's memory.
    const ratelimit = new Ratelimit({ redis, limiter, prefix: `rl:${randomUUID()}`, ephemeralCache: false });
    const evalshaBefore = await successfulEvalsha();

    const results = [];
    for (let i = 0; i < 5; i++) results.push(await ratelimit.limit('user-1'));

    expect(results.map((r) => r.success)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    // A timeout would also report a result; make sure every answer came from the script.
    expect(results.every((r) => r.reason === undefined)).toBe(true);
    // The first call may fall back to EVAL; the following ones must hit the loaded script by SHA.
    expect((await successfulEvalsha()) - evalshaBefore).toBeGreaterThanOrEqual(4);

    // A different identifier has its own budget.
    expect((await ratelimit.limit('user-2')).success).toBe(true);
  });
});

describe('script cache', () => {
  it('falls back to EVAL after SCRIPT FLUSH and then uses EVALSHA again', async () => {
    const redis = new Redis({ url: local.bridge.url, token: local.bridge.token, enableTelemetry: false });
    const ratelimit = new Ratelimit({
      redis,
      limiter: Ratelimit.fixedWindow(2, '1 h'),
      prefix: `rl:${randomUUID()}`,
      ephemeralCache: false,
    });
    expect((await ratelimit.limit('u')).success).toBe(true);
    await local.direct.script('FLUSH');
    // The bridge still maps the client SHA to a script Redis no longer has: Redis says NOSCRIPT,
    // which must reach the client unchanged so it retries with EVAL.
    expect((await ratelimit.limit('u')).success).toBe(true);
    const before = await successfulEvalsha();
    expect((await ratelimit.limit('u')).success).toBe(false);
    expect((await successfulEvalsha()) - before).toBe(1);
  });
});
