import type { Context } from 'hono';
import type { Deps } from '../deps';
import type { RateRule } from '../store/ports';
import { AppError } from './errors';
import type { HonoEnv } from './hono-env';

/** Every rate limit of the product, in one table. */
export const RULES = {
  /** Password guessing: per email and client address, so a stranger cannot lock a colleague out. */
  login: { name: 'login', limit: 10, windowSeconds: 15 * 60 },
  /** Broad guessing from one address across many emails. */
  loginPerAddress: { name: 'login-ip', limit: 50, windowSeconds: 15 * 60 },
  /** The widget sends typing at most every few seconds; more is a flood of the operators' stream. */
  typing: { name: 'typing', limit: 30, windowSeconds: 60 },
  contact: { name: 'contact', limit: 5, windowSeconds: 3600 },
} satisfies Record<string, RateRule>;

/** Count one use of `rule` for `key`; over the limit → 429. A no-op with RATE_LIMITS=off. */
export async function enforceRateLimit(deps: Deps, rule: RateRule, key: string, message: string): Promise<void> {
  if (deps.env.RATE_LIMITS !== 'on') return;
  const result = await deps.store.rateLimiter.limit(rule, key);
  if (!result.success) throw new AppError('rate_limited', message, { retryAt: result.reset });
}

/**
 * The client's address for per-client limits. Behind a proxy you trust (TRUST_PROXY=on) it is
 * the last X-Forwarded-For entry, the one the proxy appended; otherwise what the runtime says
 * (the socket on Node, cf-connecting-ip on Workers). Never the first X-Forwarded-For entry: the
 * client writes that one.
 */
export function clientAddress(c: Context<HonoEnv>): string {
  const deps = c.get('deps');
  if (deps.env.TRUST_PROXY === 'on') {
    const last = c.req.header('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
    if (last) return last;
  }
  return deps.remoteAddress(c) ?? 'unknown';
}
