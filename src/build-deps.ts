import type { Deps } from './deps';
import { noKnowledgeBaseBot, type Bot } from './domain/decision';
import { DEFAULT_SCHEDULE, scheduleSchema } from './domain/business-hours';
import { policyConfigSchema } from './domain/handoff-policy';
import { ConfigError, type Env } from './env';
import type { z } from 'zod';
import { createKbBot } from './answer/kb-bot';
import { createEmbeddingIndex } from './kb/embedding-index';
import { createOpenAIEmbedder, embeddingModel } from './kb/embeddings';
import { createKnowledgeBase, type KnowledgeBase } from './kb/knowledge-base';
import type { SavedCalibration } from './kb/retrieval';
import { createLogger, type Logger } from './logger';
import { createSigner, randomSecret } from './security/signer';
import { createMemoryStore } from './store/memory/memory-store';
import type { Store } from './store/ports';
import { createUpstashStore } from './store/upstash/upstash-store';

export interface BuildOptions {
  bot?: Bot;
  store?: Store;
  logger?: Logger;
  remoteAddress?: Deps['remoteAddress'];
  /** Built by the entry (it is async: it reads the stored edits); see createKnowledgeBase. */
  kb?: KnowledgeBase;
  clock?: { now(): number };
}

/** The store the configuration names. */
function createStore(env: Env): Store {
  if (env.STORE === 'upstash') {
    // env.ts guarantees both are set when STORE=upstash.
    return createUpstashStore({ url: env.UPSTASH_REDIS_REST_URL!, token: env.UPSTASH_REDIS_REST_TOKEN!, timeoutMs: env.STORE_TIMEOUT_MS });
  }
  return createMemoryStore();
}

/** Wire the app's dependencies from parsed configuration; entries and tests share this. */
export function buildDeps(env: Env, opts: BuildOptions = {}): Deps {
  const logger = opts.logger ?? createLogger(env.LOG_LEVEL);
  // Without a configured secret (embedded default only: env.ts demands one for a shared store)
  // tokens are signed with a per-process secret and stop working on restart, like the store.
  const secret = env.TOKEN_SECRET ?? randomSecret();
  const policy = setting('POLICY', policyConfigSchema, env.POLICY ?? {});
  return {
    env,
    config: {
      schedule: env.BUSINESS_HOURS === undefined ? DEFAULT_SCHEDULE : setting('BUSINESS_HOURS', scheduleSchema, env.BUSINESS_HOURS),
      policy,
    },
    store: opts.store ?? createStore(env),
    bot: opts.bot ?? noKnowledgeBaseBot,
    visitorSigner: createSigner(secret, 'visitor'),
    staffSigner: createSigner(secret, 'staff'),
    clock: opts.clock ?? { now: () => Date.now() },
    ids: () => crypto.randomUUID(),
    logger,
    remoteAddress: opts.remoteAddress ?? (() => undefined),
    // A knowledge base handed in (tests) gets its bot too: the one /api/kb/try shows.
    ...(opts.kb ? { kb: opts.kb, kbBot: createKbBot({ kb: opts.kb, policy }) } : {}),
  };
}

/**
 * Load the knowledge base (files as the baseline, stored edits over them) and put the
 * knowledge-base bot in charge. Without it the app runs with the honest no-knowledge-base bot.
 */
export async function withKnowledgeBase(
  deps: Deps,
  files: readonly { path: string; text: string }[],
  calibration?: SavedCalibration,
): Promise<Deps> {
  const kb = await createKnowledgeBase({ files, store: deps.store, now: () => deps.clock.now(), ...(calibration ? { retrieverOptions: { calibration } } : {}) });
  for (const problem of kb.problems.filter((p) => p.severity === 'error')) {
    deps.logger.warn('knowledge-base problem', { file: problem.file, field: problem.field, message: problem.message });
  }
  const embedder = createOpenAIEmbedder(deps.env);
  const embeddings = embedder
    ? createEmbeddingIndex({ embedder, store: deps.store.documents, model: embeddingModel(deps.env), log: (m, f) => deps.logger.warn(m, f) })
    : null;
  const bot = createKbBot({ kb, policy: deps.config.policy, embeddings });
  return { ...deps, kb, bot, kbBot: bot };
}

/** A structured setting from a JSON variable; a bad one fails the start naming the variable. */
function setting<S extends z.ZodType>(name: string, schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${name}: ${i.path.join('.') || '(value)'}: ${i.message}`));
}
