import { Redis } from '@upstash/redis/cloudflare';
import { StoreUnavailableError } from '../../http/errors';
import { createKeys, type Keys } from './keys';

export interface UpstashStoreOptions {
  url: string;
  token: string;
  prefix?: string;
  /** How often an SSE stream polls for new events when idle. */
  pollIntervalMs?: number;
}

/** What every Upstash repository shares: the client, the key builder, and the failure guard. */
export interface UpstashContext {
  redis: Redis;
  keys: Keys;
  pollIntervalMs: number;
  /** Run a store call; any failure becomes StoreUnavailableError (the app answers 503). */
  guard<T>(what: string, work: () => Promise<T>): Promise<T>;
}

export function createUpstashContext(opts: UpstashStoreOptions): UpstashContext {
  // Raw strings in and out: our JSON is parsed by zod, never guessed at by the client.
  const redis = new Redis({ url: opts.url, token: opts.token, automaticDeserialization: false, retry: { retries: 2 } });
  return {
    redis,
    keys: createKeys(opts.prefix ?? 'sc'),
    pollIntervalMs: opts.pollIntervalMs ?? 400,
    async guard(what, work) {
      try {
        return await work();
      } catch (error) {
        throw new StoreUnavailableError(`Upstash store: ${what} failed`, { cause: error });
      }
    },
  };
}
