import { Redis } from '@upstash/redis/cloudflare';
import { StoreUnavailableError } from '../../http/errors';
import { createKeys, type Keys } from './keys';

export interface UpstashStoreOptions {
  url: string;
  token: string;
  prefix?: string;
  /** How often an SSE stream polls for new events when idle. */
  pollIntervalMs?: number;
  /** The longest a store call may take, retries included, before it fails as unavailable (503). */
  timeoutMs?: number;
}

/**
 * Under 3 s with room for the work around a store call: while Upstash is unreachable a request
 * answers 503 within about this long (its first call fails, the rest are not made).
 */
export const STORE_TIMEOUT_MS = 2_000;

/** What every Upstash repository shares: the client, the key builder, and the failure guard. */
export interface UpstashContext {
  redis: Redis;
  keys: Keys;
  pollIntervalMs: number;
  /** Run a store call; any failure becomes StoreUnavailableError (the app answers 503). */
  guard<T>(what: string, work: () => Promise<T>): Promise<T>;
}

export function createUpstashContext(opts: UpstashStoreOptions): UpstashContext {
  const timeoutMs = opts.timeoutMs ?? STORE_TIMEOUT_MS;
  // Raw strings in and out: our JSON is parsed by zod, never guessed at by the client. The
  // signal is made per request and covers its retries: a hung backend costs timeoutMs, not the
  // client's default of six tries with backoff.
  const redis = new Redis({
    url: opts.url,
    token: opts.token,
    automaticDeserialization: false,
    retry: { retries: 1, backoff: () => 50 },
    signal: () => AbortSignal.timeout(timeoutMs),
  });
  return {
    redis,
    keys: createKeys(opts.prefix ?? 'sc'),
    pollIntervalMs: opts.pollIntervalMs ?? 400,
    async guard(what, work) {
      // A second bound for what the signal does not cover (the rate limiter's own calls).
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs + 100);
      });
      try {
        return await Promise.race([work(), late]);
      } catch (error) {
        throw new StoreUnavailableError(`Upstash store: ${what} failed`, { cause: error });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
