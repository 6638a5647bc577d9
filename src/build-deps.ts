import type { Deps } from './deps';
import { noKnowledgeBaseBot, type Bot } from './domain/decision';
import type { Env } from './env';
import { createLogger, type Logger } from './logger';
import { createSigner, randomSecret } from './security/signer';
import { createMemoryStore } from './store/memory/memory-store';
import type { Store } from './store/ports';
import { createUpstashStore } from './store/upstash/upstash-store';

export interface BuildOptions {
  bot?: Bot;
  store?: Store;
  logger?: Logger;
  kbInfo?: () => { articles: number };
  clock?: { now(): number };
}

/** The store the configuration names. */
export function createStore(env: Env): Store {
  if (env.STORE === 'upstash') {
    // env.ts guarantees both are set when STORE=upstash.
    return createUpstashStore({ url: env.UPSTASH_REDIS_REST_URL!, token: env.UPSTASH_REDIS_REST_TOKEN! });
  }
  return createMemoryStore();
}

/** Wire the app's dependencies from parsed configuration; entries and tests share this. */
export function buildDeps(env: Env, opts: BuildOptions = {}): Deps {
  const logger = opts.logger ?? createLogger(env.LOG_LEVEL);
  // Without a configured secret (embedded default only: env.ts demands one for a shared store)
  // tokens are signed with a per-process secret and stop working on restart, like the store.
  const secret = env.TOKEN_SECRET ?? randomSecret();
  return {
    env,
    store: opts.store ?? createStore(env),
    bot: opts.bot ?? noKnowledgeBaseBot,
    visitorSigner: createSigner(secret, 'visitor'),
    staffSigner: createSigner(secret, 'staff'),
    clock: opts.clock ?? { now: () => Date.now() },
    ids: () => crypto.randomUUID(),
    logger,
    kbInfo: opts.kbInfo ?? (() => ({ articles: 0 })),
  };
}
