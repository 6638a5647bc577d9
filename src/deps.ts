import type { Bot } from './domain/decision';
import type { Env } from './env';
import type { Logger } from './logger';
import type { Signer } from './security/signer';
import type { Store } from './store/ports';

/**
 * Everything the app needs from outside, handed in by an entry (Node, Workers, tests).
 * Handlers read it from the context (`c.get('deps')`), never from module state.
 */
export interface Deps {
  env: Env;
  store: Store;
  bot: Bot;
  /** Signs visitor tokens (one conversation each). */
  visitorSigner: Signer;
  /** Signs staff session tokens (operators, editors, admins). */
  staffSigner: Signer;
  clock: { now(): number };
  ids: () => string;
  logger: Logger;
  /** What /health reports of the knowledge base. */
  kbInfo: () => { articles: number };
}
