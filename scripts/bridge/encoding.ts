/**
 * Turns raw Redis replies (as ioredis hands them over with reply transformers bypassed) into the
 * JSON the Upstash REST protocol carries.
 *
 * The protocol has no JSON objects in results: Redis maps travel as flat arrays, the way RESP2
 * sends them, and the client rebuilds objects itself (HGETALL, for one).
 */

/** What a result may be on the wire: strings, numbers, null and arrays of those, nothing else. */
export type WireValue = string | number | null | WireValue[];

/** `base64` is what @upstash/redis asks for by default (header `Upstash-Encoding: base64`). */
export type ResponseEncoding = 'base64' | 'utf8';

export function responseEncodingOf(header: string | undefined): ResponseEncoding {
  return header?.trim().toLowerCase() === 'base64' ? 'base64' : 'utf8';
}

/**
 * Encodes one reply. With base64 every string at every depth is encoded, "OK" included, because
 * the client decodes every string it finds; numbers and null pass through as they are.
 */
export function encodeReply(reply: unknown, encoding: ResponseEncoding): WireValue {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === 'number') return reply;
  // ioredis gives numbers as strings under `stringNumbers`; the wire type is still a number.
  if (typeof reply === 'string') return /^-?\d+$/.test(reply) ? Number(reply) : encodeText(Buffer.from(reply), encoding);
  if (typeof reply === 'bigint') return Number(reply);
  if (Buffer.isBuffer(reply)) return encodeText(reply, encoding);
  if (Array.isArray(reply)) return reply.map((item) => encodeReply(item, encoding));
  // An error nested inside an array (a Lua table holding an error reply): the protocol only has
  // room for errors at the top level, so it travels as text, encoded like its neighbours.
  if (reply instanceof Error) return encodeText(Buffer.from(reply.message), encoding);
  throw new TypeError(`unexpected reply type from Redis: ${Object.prototype.toString.call(reply)}`);
}

function encodeText(bytes: Buffer, encoding: ResponseEncoding): string {
  // Base64 keeps arbitrary bytes intact; UTF-8 mode is lossy for binary, as Upstash's own is.
  return encoding === 'base64' ? bytes.toString('base64') : bytes.toString('utf8');
}

/** One command's outcome in a /pipeline or /multi-exec answer. Errors are never encoded. */
export type WireOutcome = { result: WireValue } | { error: string };

export function encodeOutcome(outcome: CommandOutcome, encoding: ResponseEncoding): WireOutcome {
  return outcome.ok ? { result: encodeReply(outcome.reply, encoding) } : { error: outcome.error };
}

/**
 * What running a command produced, before encoding: a raw reply or an error's text. `fromRedis`
 * tells Redis's own error replies (400) from a connection that failed under us (503).
 */
export type CommandOutcome = { ok: true; reply: unknown } | { ok: false; error: string; fromRedis: boolean };
