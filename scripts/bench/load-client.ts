/**
 * The client side of `npm run bench:load`: visitors over HTTP to 127.0.0.1, closed and open
 * loops, bounded in count and time. Latencies are measured from when a request was due, so a
 * slow server cannot hide its queueing (no coordinated omission in the open loop).
 */
import { percentile } from '../lib/eval-metrics.js';

export const QUESTIONS = [
  'How long does delivery take?',
  'Will this case fit my phone?',
  'how do I cancel my order',
  'Сколько стоит доставка?',
  'can I change the delivery address',
  'Как вернуть товар?',
];

export interface Visitor {
  id: string;
  token: string;
}

export interface LoadFigures {
  sent: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Acknowledged messages: conversation id and clientId, to read back. */
  acked: { conversation: string; clientId: string }[];
}

export async function startVisitors(base: string, count: number): Promise<Visitor[]> {
  const out: Visitor[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, async () => {
        const res = await fetch(`${base}/api/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"lang":"en"}' });
        if (res.status !== 201) throw new Error(`start: ${res.status} ${await res.text()}`);
        return (await res.json()) as Visitor;
      }),
    );
    out.push(...batch);
  }
  return out;
}

let sequence = 0;

/** One visitor message; resolves with its status and latency from `due`, never rejects. */
export async function send(base: string, visitor: Visitor, due: number, timeoutMs = 15_000): Promise<Sent> {
  const clientId = `b${process.pid}-${++sequence}`;
  try {
    const res = await fetch(`${base}/api/conversations/${visitor.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${visitor.token}` },
      body: JSON.stringify({ text: QUESTIONS[sequence % QUESTIONS.length], clientId }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - due, clientId, at: performance.now() };
  } catch {
    return { status: 0, ms: performance.now() - due, clientId, at: performance.now() };
  }
}

/** One answered request: status (0: no answer), latency, its clientId and when it finished. */
export interface Sent {
  status: number;
  ms: number;
  clientId: string;
  at: number;
}

type Result = Sent & { visitor: Visitor };

function figures(results: Result[], seconds: number): LoadFigures & { results: Result[] } {
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const ok = results.filter((r) => r.status === 201);
  return {
    sent: results.length,
    ok: ok.length,
    errors: results.length - ok.length,
    statuses,
    perSecond: ok.length / seconds,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? 0,
    acked: ok.map((r) => ({ conversation: r.visitor.id, clientId: r.clientId })),
    results,
  };
}

/** Every visitor writes again as soon as it has its answer, for `seconds`. */
export async function closedLoop(base: string, visitors: Visitor[], seconds: number, onTick?: (elapsed: number) => void) {
  const started = performance.now();
  const end = started + seconds * 1000;
  const results: Result[] = [];
  const ticker = onTick ? setInterval(() => onTick((performance.now() - started) / 1000), 250) : undefined;
  await Promise.all(
    visitors.map(async (visitor) => {
      while (performance.now() < end) results.push({ ...(await send(base, visitor, performance.now())), visitor });
    }),
  );
  clearInterval(ticker);
  return figures(results, (performance.now() - started) / 1000);
}

/** A fixed offered rate, whatever the answers: `rate` messages a second for `seconds`, round robin. */
export async function openLoop(base: string, visitors: Visitor[], rate: number, seconds: number) {
  const started = performance.now();
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  const results: Result[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const visitor = visitors[i % visitors.length]!;
    pending.push(send(base, visitor, due).then((r) => void results.push({ ...r, visitor })));
  }
  await Promise.all(pending);
  return figures(results, seconds);
}

/** Bare route: requests a second and latency of the framework alone, by the same client. */
export async function bareLoop(base: string, concurrency: number, seconds: number) {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const res = await fetch(`${base}/__bare`);
        await res.arrayBuffer();
        count += 1;
      }
    }),
  );
  return count;
}
