import { Ratelimit } from '@upstash/ratelimit';
import { conversationSchema, messageSchema, type Conversation, type Message } from '../../domain/conversation';
import type { AppendResult, RateLimitResult, RateRule, Store, StoredEvent } from '../ports';
import { createUpstashContext, type UpstashStoreOptions } from './context';
import { EVENTS_KEPT } from '../ports';
import { EVENT_TTL_SECONDS } from './keys';
import { createUpstashDocuments } from './upstash-documents';
import { createUpstashMoves } from './upstash-moves';
import { createUpstashUsers } from './upstash-users';
import { APPEND_EVENT, APPEND_MESSAGE, CAS_RECORD } from './scripts';

export type { UpstashStoreOptions };

/**
 * The store on Upstash Redis over its REST protocol (or a plain Redis behind the project's
 * bridge). Records are JSON validated with the same zod schemas on the way out.
 */
export function createUpstashStore(opts: UpstashStoreOptions): Store {
  const ctx = createUpstashContext(opts);
  const { redis, keys, guard } = ctx;
  const poll = ctx.pollIntervalMs;
  const cas = redis.createScript<number>(CAS_RECORD);
  const appendMessage = redis.createScript<[string, string]>(APPEND_MESSAGE);
  const appendEvent = redis.createScript<number>(APPEND_EVENT);
  const limiters = new Map<string, Ratelimit>();
  const moves = createUpstashMoves(ctx);

  const readRecord = async (id: string): Promise<Conversation | null> => {
    const data = await guard('read conversation', () => redis.hget<string>(keys.conversation(id), 'data'));
    return data ? conversationSchema.parse(JSON.parse(data)) : null;
  };

  const writeRecord = (next: Conversation, expected: string, retainSeconds?: number) =>
    guard('write conversation', () =>
      cas.exec([keys.conversation(next.id)], [expected, String(next.version), JSON.stringify(next), retainSeconds === undefined ? '' : String(retainSeconds)]),
    ).then((r) => Number(r) === 1);

  return {
    kind: 'upstash',
    conversations: {
      create: (conversation, retainSeconds) => writeRecord(conversation, '', retainSeconds),
      get: readRecord,
      replace: (next, expectedVersion) => writeRecord(next, String(expectedVersion)),
      move: moves.move,
      snapshot: moves.snapshot,
    },
    queue: moves.queue,
    transcripts: {
      async append(conversationId: string, message: Message, maxMessages: number): Promise<AppendResult> {
        const [status, payload] = await guard('append message', () =>
          appendMessage.exec(
            [keys.messages(conversationId), keys.clientIds(conversationId), keys.conversation(conversationId)],
            [JSON.stringify(message), message.clientId ?? '', String(maxMessages)],
          ),
        );
        if (status === 'full') return { status: 'full' };
        if (status === 'duplicate') return { status: 'duplicate', message: messageSchema.parse(JSON.parse(payload)) };
        return { status: 'stored', message, index: Number(payload) };
      },
      async findByClientId(conversationId, clientId) {
        const index = await guard('read client id', () => redis.hget<string>(keys.clientIds(conversationId), clientId));
        if (index === null || index === undefined) return null;
        const raw = await guard('read message', () => redis.lindex(keys.messages(conversationId), Number(index)) as Promise<string | null>);
        return raw ? messageSchema.parse(JSON.parse(raw)) : null;
      },
      async list(conversationId, { offset = 0, limit } = {}) {
        // LRANGE's end is inclusive and -1 means "to the end": a limit of 0 must not become that.
        if (limit !== undefined && limit <= 0) return [];
        const end = limit === undefined ? -1 : offset + limit - 1;
        const raw = await guard('read transcript', () => redis.lrange<string>(keys.messages(conversationId), offset, end));
        return raw.map((item) => messageSchema.parse(JSON.parse(item)));
      },
    },
    events: {
      async append(stream, event): Promise<StoredEvent> {
        const at = Date.now();
        const body = JSON.stringify({ type: event.type, data: event.data, at });
        const id = await guard('append event', () =>
          appendEvent.exec([keys.events(stream), keys.eventSeq(stream)], [body, String(EVENTS_KEPT), String(EVENT_TTL_SECONDS)]),
        );
        return { id: Number(id), type: event.type, data: event.data, at };
      },
      async lastId(stream) {
        const seq = await guard('read event id', () => redis.get<string>(keys.eventSeq(stream)));
        return seq ? Number(seq) : 0;
      },
      async after(stream, afterId, limit = 100) {
        const raw = await guard('read events', () =>
          redis.zrange<string[]>(keys.events(stream), `(${afterId}`, '+inf', { byScore: true, offset: 0, count: limit }),
        );
        return raw.map(parseEvent);
      },
      wait: (_stream, _afterId, timeoutMs, signal) => sleep(Math.min(poll, timeoutMs), signal),
    },
    rateLimiter: {
      async limit(rule: RateRule, key: string): Promise<RateLimitResult> {
        let limiter = limiters.get(rule.name);
        if (!limiter) {
          limiter = new Ratelimit({
            redis,
            prefix: keys.rateLimit(rule.name),
            limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
            analytics: false,
          });
          limiters.set(rule.name, limiter);
        }
        const r = await guard('rate limit', () => limiter.limit(key));
        return { success: r.success, remaining: r.remaining, reset: r.reset };
      },
    },
    users: createUpstashUsers(ctx),
    documents: createUpstashDocuments(ctx),
    async ping() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
  };
}

function parseEvent(member: string): StoredEvent {
  const space = member.indexOf(' ');
  const parsed = JSON.parse(member.slice(space + 1)) as { type: string; data: unknown; at: number };
  return { id: Number(member.slice(0, space)), type: parsed.type, data: parsed.data, at: parsed.at };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
