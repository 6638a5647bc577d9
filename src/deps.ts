import type { Context } from 'hono';
import type { KbBot } from './answer/kb-bot';
import type { Schedule } from './domain/business-hours';
import type { Bot } from './domain/decision';
import type { PolicyConfig } from './domain/handoff-policy';
import type { Env } from './env';
import type { KnowledgeBase } from './kb/knowledge-base';
import type { Logger } from './logger';
import type { Signer } from './security/signer';
import type { Store } from './store/ports';

/**
 * Everything the app needs from outside, handed in by an entry (Node, Workers, tests).
 * Handlers read it from the context (`c.get('deps')`), never from module state.
 */
export interface Deps {
  env: Env;
  /** Structured settings parsed from env: business hours and the handoff policy. */
  config: { schedule: Schedule; policy: PolicyConfig };
  store: Store;
  bot: Bot;
  /** Signs visitor tokens (one conversation each). */
  visitorSigner: Signer;
  /** Signs staff session tokens (operators, editors, admins). */
  staffSigner: Signer;
  clock: { now(): number };
  ids: () => string;
  logger: Logger;
  /**
   * The live knowledge base (files + stored edits) behind the editor routes; absent when the
   * entry configured none, and the editor routes then answer 404.
   */
  kb?: KnowledgeBase;
  /** The bot over that knowledge base (with embeddings when configured): what /api/kb/try shows. */
  kbBot?: KbBot;
  /** The peer address the runtime sees (socket on Node, cf-connecting-ip on Workers), for per-client limits. */
  remoteAddress: (c: Context) => string | undefined;
}
