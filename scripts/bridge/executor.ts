import { Command, type Redis } from 'ioredis';
import type { RedisCommand } from './commands.js';
import type { CommandOutcome } from './encoding.js';
import { ScriptRegistry } from './scripts.js';

/** A transaction either ran (one outcome per command) or was discarded as a whole. */
export type TransactionOutcome =
  | { ok: true; outcomes: CommandOutcome[] }
  | { ok: false; error: string; fromRedis: boolean };

/**
 * Runs commands on a shared ioredis connection and returns Redis's raw replies.
 *
 * We build ioredis `Command`s ourselves instead of calling `redis.callBuffer`, because ioredis
 * applies reply transformers by command name (HGETALL becomes an object, ZRANGE WITHSCORES pairs),
 * and the protocol needs what Redis sent: flat arrays of raw bytes.
 */
export class RawExecutor {
  private readonly scripts = new ScriptRegistry();

  constructor(private readonly redis: Redis) {}

  async run(command: RedisCommand): Promise<CommandOutcome> {
    return settle(this.send(command), command, this.scripts);
  }

  /** Commands go out back to back; each gets its own outcome, as in a Redis pipeline. */
  async pipeline(commands: readonly RedisCommand[]): Promise<CommandOutcome[]> {
    // Sent synchronously in one loop so they reach the socket in order before any await.
    const sent = commands.map((command) => this.send(command));
    return Promise.all(sent.map((reply, index) => settle(reply, commands[index] ?? [], this.scripts)));
  }

  /**
   * Runs the commands inside MULTI/EXEC. Returns one outcome per command, or the transaction's
   * error (EXECABORT, when Redis refused a command while queueing).
   */
  async transaction(commands: readonly RedisCommand[]): Promise<TransactionOutcome> {
    // MULTI, the commands and EXEC are written in one synchronous burst: the connection is shared,
    // and nothing else may land between them or it would join this transaction.
    const multi = this.send(['multi']);
    const queued = commands.map((command) => this.send(command));
    const exec = this.send(['exec']);
    const settled = await Promise.allSettled([multi, ...queued, exec]);
    const execResult = settled[settled.length - 1];
    if (!execResult || execResult.status === 'rejected') {
      const reason: unknown = execResult?.status === 'rejected' ? execResult.reason : undefined;
      // Redis names the queueing error only on the command itself; EXECABORT alone says little.
      const queueError = settled.slice(1, -1).find((s) => s.status === 'rejected');
      const detail = queueError ? ` (${errorText(queueError.reason)})` : '';
      return { ok: false, error: `${errorText(reason)}${detail}`, fromRedis: isRedisError(reason) };
    }
    const replies: unknown = execResult.value;
    if (!Array.isArray(replies)) {
      // A null EXEC reply means a WATCH failed, which this bridge never issues; say so plainly.
      return { ok: false, error: 'ERR transaction was aborted by Redis', fromRedis: true };
    }
    const outcomes = replies.map((reply: unknown, index): CommandOutcome => {
      if (reply instanceof Error) return { ok: false, error: reply.message, fromRedis: true };
      return { ok: true, reply: shaForLoad(commands[index] ?? [], reply, this.scripts) };
    });
    return { ok: true, outcomes };
  }

  private send(command: RedisCommand): Promise<unknown> {
    const [name = '', ...args] = this.scripts.rewrite(command);
    const raw = new Command(name.toLowerCase(), args);
    // Bypass ioredis's per-command reply transformers (see the class comment). Without a reply
    // encoding ioredis also leaves strings as Buffers, so binary values survive.
    raw.transformReply = (reply) => reply;
    return this.redis.sendCommand(raw) as Promise<unknown>;
  }
}

async function settle(reply: Promise<unknown>, command: RedisCommand, scripts: ScriptRegistry): Promise<CommandOutcome> {
  try {
    return { ok: true, reply: shaForLoad(command, await reply, scripts) };
  } catch (error) {
    // Error text goes back verbatim: the client looks for "NOSCRIPT" to fall back to EVAL.
    return { ok: false, error: errorText(error), fromRedis: isRedisError(error) };
  }
}

/** SCRIPT LOAD must answer with the SHA the client computed, not the one for the stripped text. */
function shaForLoad(command: RedisCommand, reply: unknown, scripts: ScriptRegistry): unknown {
  return scripts.clientShaForLoad(command) ?? reply;
}

/** Redis's own error replies, as opposed to a lost connection or a timeout inside ioredis. */
function isRedisError(error: unknown): boolean {
  // ioredis does not export a typed ReplyError class; its error replies all carry this name.
  return error instanceof Error && error.name === 'ReplyError';
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'ERR unknown error';
}
