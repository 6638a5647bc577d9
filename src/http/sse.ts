import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { HonoEnv } from './hono-env';

/** Idle time after which a comment line keeps proxies from closing the stream. */
const HEARTBEAT_MS = 15_000;

export interface SseOptions {
  stream: string;
}

/**
 * Serve an event log as Server-Sent Events. It resumes after `Last-Event-ID` (or `?lastEventId=`),
 * stays open SSE_MAX_SECONDS, then ends so the client reconnects, which suits Workers too. A gap
 * (events trimmed while the client was away) is announced as `resync`: reload, then go on.
 */
export function serveEvents(c: Context<HonoEnv>, opts: SseOptions): Response | Promise<Response> {
  const { store, env, clock } = c.get('deps');
  const startAfter = Number(c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? 0);
  let lastId = Number.isFinite(startAfter) && startAfter > 0 ? Math.floor(startAfter) : 0;

  if (c.req.query('poll') === '1') return poll(c, opts, lastId);

  return streamSSE(c, async (sse) => {
    const aborted = new AbortController();
    sse.onAbort(() => aborted.abort());
    const deadline = clock.now() + env.SSE_MAX_SECONDS * 1000;
    // A stream that expired and started over numbers from 1 again: an id from before is ahead of
    // it, so the client is told to reload and the stream starts from the beginning.
    if (lastId > (await store.events.lastId(opts.stream))) {
      await sse.writeSSE({ event: 'resync', data: JSON.stringify({ missedAfter: lastId }) });
      lastId = 0;
    }
    await sse.writeSSE({ event: 'ready', data: JSON.stringify({ lastEventId: lastId }), retry: 1000 });
    let lastWrite = clock.now();

    while (!aborted.signal.aborted && clock.now() < deadline) {
      const events = await store.events.after(opts.stream, lastId, 100);
      const first = events[0];
      if (first && lastId > 0 && first.id > lastId + 1) {
        await sse.writeSSE({ event: 'resync', data: JSON.stringify({ missedAfter: lastId }) });
      }
      for (const event of events) {
        lastId = event.id;
        await sse.writeSSE({ id: String(event.id), event: event.type, data: JSON.stringify(event.data) });
        lastWrite = clock.now();
      }
      if (events.length > 0) continue;
      if (clock.now() - lastWrite >= HEARTBEAT_MS) {
        await sse.write(': keep-alive\n\n');
        lastWrite = clock.now();
      }
      const wait = Math.min(HEARTBEAT_MS, Math.max(0, deadline - clock.now()));
      await store.events.wait(opts.stream, lastId, wait, aborted.signal);
    }
  });
}

/**
 * The polling fallback: the events after lastId, at once, as JSON. Gaps are told as the stream
 * tells them: `resync: true` when the id is from before the stream started over (it then
 * answers from the beginning) or when events after it were trimmed.
 */
async function poll(c: Context<HonoEnv>, opts: SseOptions, after: number): Promise<Response> {
  const { store } = c.get('deps');
  const restarted = after > (await store.events.lastId(opts.stream));
  const from = restarted ? 0 : after;
  const events = await store.events.after(opts.stream, from, 100);
  const trimmed = from > 0 && events[0] !== undefined && events[0].id > from + 1;
  const lastEventId = events.at(-1)?.id ?? from;
  return c.json({
    events: events.map((e) => ({ id: e.id, type: e.type, data: e.data })),
    lastEventId,
    ...(restarted || trimmed ? { resync: true } : {}),
  });
}
