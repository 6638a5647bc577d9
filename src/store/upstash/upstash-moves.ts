import { conversationSchema, messageSchema } from '../../domain/conversation';
import { queueEntrySchema } from '../../domain/packet';
import { queueScore } from '../../domain/queue-rank';
import type { MoveResult, MoveStep, QueueRepo } from '../ports';
import type { UpstashContext } from './context';
import { MOVE, QUEUE_PAGE, QUEUE_PLACE, SNAPSHOT } from './scripts';

/**
 * The conversation moves and the queue on Redis: each is one Lua script, so one round trip
 * (and with auto-pipelining it shares that trip with whatever else is sent at the same moment).
 */
export function createUpstashMoves({ redis, keys, guard }: UpstashContext) {
  const moveScript = redis.createScript<[string, string]>(MOVE);
  const pageScript = redis.createScript<(string | number)[]>(QUEUE_PAGE);
  const placeScript = redis.createScript<(string | number)[]>(QUEUE_PLACE);
  // Not read-only on purpose: a write-mode script joins the same auto-pipeline as the rate
  // limiter's script sent beside it, so a visitor message's reads cost one round trip.
  const snapshotScript = redis.createScript<string[]>(SNAPSHOT);

  async function snapshot(id: string, clientId?: string) {
    const out = await guard('read conversation', () => snapshotScript.exec([keys.conversation(id), keys.messages(id), keys.clientIds(id)], [clientId ?? '']));
    const [record, earlier, ...messages] = out;
    return {
      conversation: record ? conversationSchema.parse(JSON.parse(record)) : null,
      earlier: earlier ? messageSchema.parse(JSON.parse(earlier)) : null,
      messages: messages.map((m) => messageSchema.parse(JSON.parse(m))),
    };
  }

  async function move(step: MoveStep): Promise<MoveResult> {
    const id = step.conversationId;
    const { queue, assign, document, append } = step;
    const args = [
      keys.prefix(),
      id,
      String(step.expectedVersion),
      step.next ? String(step.next.version) : '',
      step.next ? JSON.stringify(step.next) : '',
      queue === undefined ? '' : queue === null ? 'del' : 'put',
      queue ? JSON.stringify(queueEntrySchema.parse(queue)) : '',
      queue ? queue.department : '',
      queue ? String(queueScore(queue.priority, queue.waitingSince)) : '',
      queue?.breachAt === undefined ? '' : String(queue.breachAt),
      assign === undefined ? '' : assign === null ? 'del' : 'put',
      assign ? assign.operatorId : '',
      assign ? String(assign.capacity) : '',
      document ? keys.documents(document.namespace) : '',
      document ? document.id : '',
      document ? JSON.stringify(document.value) : '',
      append ? JSON.stringify(append.message) : '',
      append?.message.clientId ?? '',
      append ? String(append.maxMessages) : '',
      append?.reply ? JSON.stringify(append.reply) : '',
      append?.reply?.clientId ?? '',
      append?.skipIfFull ? '1' : '',
      step.retainSeconds === undefined ? '' : String(step.retainSeconds),
    ];
    const [status, payload] = await guard('move conversation', () =>
      moveScript.exec([keys.conversation(id), keys.messages(id), keys.clientIds(id), keys.queueEntries(), keys.holders()], args),
    );
    if (status === 'duplicate') return { status, message: messageSchema.parse(JSON.parse(payload)) };
    if (status === 'done') return payload === '' ? { status } : { status, index: Number(payload) };
    if (status === 'stale' || status === 'over_capacity' || status === 'full') return { status };
    throw new Error(`move: unexpected reply ${String(status)}`);
  }

  const queueRepo: QueueRepo = {
    async page({ department, offset, limit, now, documents }) {
      const line = department === undefined ? 'all' : `d:${department}`;
      const out = await guard('read queue', () =>
        pageScript.exec([keys.queueEntries()], [keys.prefix(), line, String(offset), String(limit), String(now), keys.conversation(''), keys.documents(documents)]),
      );
      const rows = [];
      for (let i = 1; i + 3 < out.length; i += 4) {
        const [entry, breached, record, doc] = [out[i], out[i + 1], out[i + 2], out[i + 3]];
        if (typeof entry !== 'string' || entry === '') continue;
        rows.push({
          entry: queueEntrySchema.parse(JSON.parse(entry)),
          breached: Number(breached) === 1,
          conversation: typeof record === 'string' && record !== '' ? conversationSchema.parse(JSON.parse(record)) : null,
          document: typeof doc === 'string' && doc !== '' ? (JSON.parse(doc) as unknown) : null,
        });
      }
      return { total: Number(out[0] ?? 0), rows };
    },
    async place(conversationId, now) {
      const out = await guard('read queue place', () => placeScript.exec([keys.queueEntries()], [keys.prefix(), conversationId, String(now)]));
      if (out.length < 3) return null;
      return { entry: queueEntrySchema.parse(JSON.parse(String(out[0]))), ahead: Number(out[1]), breached: Number(out[2]) === 1 };
    },
    held: (operatorIds) => Promise.all(operatorIds.map((operatorId) => guard('read load', () => redis.scard(keys.held(operatorId))))),
    holding: (operatorId) =>
      guard('read holders', () => (operatorId === undefined ? redis.hkeys(keys.holders()) : redis.smembers(keys.held(operatorId)))),
  };

  return { move, snapshot, queue: queueRepo };
}
