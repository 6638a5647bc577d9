import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../src/env';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 8787, STORE: 'memory', RATE_LIMITS: 'on', KB_DIR: 'knowledge-base', SEED_DEMO: '0' });
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

  it('rejects a malformed URL and a short admin password', () => {
    expect(() => parseEnv({ UPSTASH_REDIS_REST_URL: 'not a url' })).toThrowError(/UPSTASH_REDIS_REST_URL/);
    expect(() => parseEnv({ ADMIN_PASSWORD: 'short' })).toThrowError(/ADMIN_PASSWORD: must be at least 8/);
  });
});
