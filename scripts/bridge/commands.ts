/**
 * What the bridge accepts as a command, and which commands it refuses.
 *
 * Every HTTP request shares the bridge's Redis connection, so a command that blocks the connection
 * or changes its state (database, protocol, subscriber mode, an open MULTI) would stall or corrupt
 * every other request. Those are refused up front with a 400 instead.
 */

/** A command as Redis receives it: name first, every argument already a string. */
export type RedisCommand = string[];

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const WHY_BLOCKING = 'blocks the connection that all requests share';
const WHY_STATE = 'changes state of the connection that all requests share';
const WHY_TRANSACTION = 'is not available one command at a time; send the commands to /multi-exec';

/** Command name (lowercase) → why the bridge refuses it. */
const REFUSED: ReadonlyMap<string, string> = new Map([
  ...['blpop', 'brpop', 'brpoplpush', 'blmove', 'blmpop', 'bzpopmin', 'bzpopmax', 'bzmpop', 'wait', 'waitaof'].map(
    (name) => [name, WHY_BLOCKING] as const,
  ),
  ...['subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe', 'monitor'].map(
    (name) => [name, WHY_STATE] as const,
  ),
  ...['select', 'quit', 'reset', 'hello', 'auth', 'swapdb', 'sync', 'psync', 'replconf'].map(
    (name) => [name, WHY_STATE] as const,
  ),
  ...['multi', 'exec', 'discard', 'watch', 'unwatch'].map((name) => [name, WHY_TRANSACTION] as const),
]);

/** CLIENT subcommands that would change how the shared connection behaves. */
const REFUSED_CLIENT_SUBCOMMANDS = new Set(['reply', 'tracking', 'setname', 'no-evict', 'no-touch', 'pause']);

/** Returns a client-facing error when the bridge will not run `command`, else undefined. */
export function refusalReason(command: RedisCommand): string | undefined {
  const name = (command[0] ?? '').toLowerCase();
  const display = name.toUpperCase();
  const why = REFUSED.get(name);
  if (why) return `ERR ${display} is not supported by this bridge: it ${why}`;
  if ((name === 'xread' || name === 'xreadgroup') && hasBlockOption(command)) {
    return `ERR ${display} with BLOCK is not supported by this bridge: it ${WHY_BLOCKING}`;
  }
  if (name === 'client' && REFUSED_CLIENT_SUBCOMMANDS.has((command[1] ?? '').toLowerCase())) {
    return `ERR CLIENT ${(command[1] ?? '').toUpperCase()} is not supported by this bridge: it ${WHY_STATE}`;
  }
  return undefined;
}

/** BLOCK is an option before STREAMS; after STREAMS everything is a key or an ID. */
function hasBlockOption(command: RedisCommand): boolean {
  for (const arg of command.slice(1)) {
    const upper = arg.toUpperCase();
    if (upper === 'STREAMS') return false;
    if (upper === 'BLOCK') return true;
  }
  return false;
}

/**
 * Validates one command from a request body: a non-empty JSON array of strings and numbers.
 * Booleans are accepted too because @upstash/redis sends them as they are (`set(key, true)`).
 */
export function parseCommand(value: unknown, where = 'the body'): Parsed<RedisCommand> {
  if (!Array.isArray(value) || value.length === 0) {
    return { ok: false, error: `ERR ${where} must be a non-empty JSON array like ["SET", "key", "value"]` };
  }
  const command: RedisCommand = [];
  for (const [index, arg] of value.entries()) {
    if (typeof arg === 'string') command.push(arg);
    else if (typeof arg === 'number' && Number.isFinite(arg)) command.push(String(arg));
    else if (typeof arg === 'boolean') command.push(String(arg));
    else return { ok: false, error: `ERR argument ${index} of ${where} must be a string or a number` };
  }
  if (command[0] === '') return { ok: false, error: `ERR ${where} has an empty command name` };
  return { ok: true, value: command };
}

/** Validates a /pipeline or /multi-exec body: a non-empty array of commands. */
export function parseCommandList(value: unknown): Parsed<RedisCommand[]> {
  if (!Array.isArray(value) || value.length === 0) {
    return { ok: false, error: 'ERR the body must be a non-empty JSON array of commands like [["SET", "k", "v"]]' };
  }
  const commands: RedisCommand[] = [];
  for (const [index, item] of value.entries()) {
    const parsed = parseCommand(item, `command ${index}`);
    if (!parsed.ok) return parsed;
    commands.push(parsed.value);
  }
  return { ok: true, value: commands };
}

/** Reads `GET /set/key/value` style paths: each segment is one URL-encoded argument. */
export function parsePathCommand(path: string): Parsed<RedisCommand> {
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return { ok: false, error: 'ERR name a command in the path, like /get/<key>, or POST a JSON array to /' };
  try {
    return parseCommand(segments.map((segment) => decodeURIComponent(segment)), 'the path');
  } catch {
    return { ok: false, error: 'ERR the path is not valid URL encoding' };
  }
}
