import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../src/env';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 8787, STORE: 'memory', RATE_LIMITS: 'on', KB_DIR: 'knowledge-base', SEED_DEMO: '0' });
  });

  it('listens on every interface by default, on the address HOST names otherwise', () => {
    expect(parseEnv({}).HOST).toBe('0.0.0.0');
    expect(parseEnv({ HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
  });

  it('coerces numbers and treats empty strings as unset', () => {
    expect(parseEnv({ PORT: '9000', STORE: '' })).toMatchObject({ PORT: 9000, STORE: 'memory' });
  });

  it('names the variable and the value that is wrong', () => {
    expect(() => parseEnv({ STORE: 'redis', PORT: 'eighty' })).toThrowError(ConfigError);
    try {
      parseEnv({ STORE: 'redis', PORT: 'eighty' });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^STORE: .*\(got "redis"\)/m);
      expect(problems).toMatch(/^PORT: .*\(got "eighty"\)/m);
    }
  });

  it('demands the Upstash URL, token and a token secret when STORE=upstash', () => {
    try {
      parseEnv({ STORE: 'upstash' });
      expect.unreachable('parseEnv should have thrown');
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems.some((p) => p.startsWith('UPSTASH_REDIS_REST_URL: is required'))).toBe(true);
      expect(problems.some((p) => p.startsWith('UPSTASH_REDIS_REST_TOKEN: is required'))).toBe(true);
      expect(problems.some((p) => p.startsWith('TOKEN_SECRET: is required'))).toBe(true);
    }
  });

  it('never echoes a secret, and masks credentials in a URL', () => {
    const problems = (() => {
      try {
        parseEnv({
          TOKEN_SECRET: 'my-real-prod-secret',
          ADMIN_EMAIL: 'a@b.co',
          ADMIN_PASSWORD: 'hunter2',
          SITE_SECRET: 'site-secret',
          OPENAI_BASE_URL: 'https://user:pa55@llm.example:70000/v1',
        });
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
      return '';
    })();
    expect(problems).toMatch(/^TOKEN_SECRET: .*\(got \(hidden, 19 characters\)\)/m);
    expect(problems).toMatch(/^ADMIN_PASSWORD: /m);
    expect(problems).toMatch(/^SITE_SECRET: /m);
    for (const secret of ['my-real-prod-secret', 'hunter2', 'site-secret', 'pa55']) expect(problems).not.toContain(secret);
    expect(problems).toContain('//***@llm.example');
  });

  it('reads Worker bindings that wrangler passes as JSON (numbers, booleans, objects)', () => {
    const env = parseEnv({ MAX_MESSAGES: 500, PORT: 9001, BUSINESS_HOURS: { timeZone: 'UTC', weekly: {} }, SOME_KV: { get() {} } });
    expect(env.MAX_MESSAGES).toBe(500);
    expect(env.PORT).toBe(9001);
    expect(env.BUSINESS_HOURS).toEqual({ timeZone: 'UTC', weekly: {} });
    expect(() => parseEnv({ RATE_LIMITS: false })).toThrowError(/RATE_LIMITS: .*\(got "false"\)/);
  });

  it('refuses an admin account the login form could never accept', () => {
    expect(() => parseEnv({ ADMIN_EMAIL: 'boss@shop.example', ADMIN_PASSWORD: 'p'.repeat(1100) })).toThrowError(/ADMIN_PASSWORD/);
  });

  it('rejects a malformed URL and a short admin password', () => {
    expect(() => parseEnv({ UPSTASH_REDIS_REST_URL: 'not a url' })).toThrowError(/UPSTASH_REDIS_REST_URL/);
    expect(() => parseEnv({ ADMIN_PASSWORD: 'short' })).toThrowError(/ADMIN_PASSWORD: must be at least 8/);
  });
});
