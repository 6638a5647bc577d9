/**
 * npm run bench:load [-- --seconds 10 --open-seconds 20 --rate 400 --skip-upstash]
 *
 * One table: the memory store under 100 visitors (closed loop) beside a bare Hono route on the
 * same server, an open loop at a fixed offered rate, the Upstash adapter through the project's
 * bridge against a real redis-server (round trips and commands counted at the bridge), a fault
 * run (redis-server frozen with SIGSTOP for 8 s mid-load) and a restart run (the Node server
 * killed mid-load and started again on the same Redis). Every run is bounded in time; all
 * traffic goes to 127.0.0.1. Run it alone: figures on a busy machine are the machine's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Redis as IORedis } from 'ioredis';
import { startRedis, type RedisServer } from '../tests/helpers/redis-server.js';
import { createBridgeApp } from './bridge/server.js';
import { bareLoop, closedLoop, openLoop, startVisitors, type Visitor } from './bench/load-client.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    'open-seconds': { type: 'string', default: '20' },
    rate: { type: 'string', default: '400' },
    'skip-upstash': { type: 'boolean', default: false },
  },
});
const SECONDS = Math.min(60, Number(values.seconds));
const OPEN_SECONDS = Math.min(60, Number(values['open-seconds']));
const RATE = Math.min(2000, Number(values.rate));
const SECRET = 'bench-token-secret-0123456789abcdef0123456789';
const ADMIN = { email: 'bench@local.test', password: 'bench-password-1' };
const rows: [string, string][] = [];
const row = (what: string, value: string) => {
  rows.push([what, value]);
  console.error(`  ${what}: ${value}`);
};
const f1 = (n: number) => n.toFixed(1);

interface Server {
  base: string;
  child: ChildProcess;
  cpuMs(): Promise<number>;
  stop(): void;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const child = fork(new URL('./bench/server.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LOG_LEVEL: 'silent', TOKEN_SECRET: SECRET, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`server exited: ${code}`)));
    child.on('message', (m: { port?: number }) => {
      if (m.port) {
        clearTimeout(timer);
        resolve(m.port);
      }
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    cpuMs: () =>
      new Promise((resolve) => {
        const onMessage = (m: { cpu?: { user: number; system: number } }) => {
          if (!m.cpu) return;
          child.off('message', onMessage);
          resolve((m.cpu.user + m.cpu.system) / 1000);
        };
        child.on('message', onMessage);
        child.send({ cpu: true });
      }),
    stop: () => child.kill('SIGKILL'),
  };
}

async function staffLogin(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (res.status !== 200) throw new Error(`login: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function handOff(base: string, visitor: Visitor) {
  const res = await fetch(`${base}/api/conversations/${visitor.id}/handoff`, { method: 'POST', headers: { authorization: `Bearer ${visitor.token}` } });
  if (res.status !== 200) throw new Error(`handoff: ${res.status}`);
}

/** Every acknowledged message read back through the API; returns how many are missing. */
async function lost(base: string, acked: { conversation: string; clientId: string }[], visitors: Visitor[]): Promise<number> {
  const byId = new Map(visitors.map((v) => [v.id, v]));
  const seen = new Map<string, Set<string>>();
  for (const v of visitors) {
    const res = await fetch(`${base}/api/conversations/${v.id}`, { headers: { authorization: `Bearer ${byId.get(v.id)!.token}` } });
    const body = (await res.json()) as { messages?: { clientId?: string }[] };
    seen.set(v.id, new Set((body.messages ?? []).map((m) => m.clientId ?? '')));
  }
  return acked.filter((a) => !seen.get(a.conversation)?.has(a.clientId)).length;
}

async function memoryRuns() {
  const server = await startServer({ STORE: 'memory', RATE_LIMITS: 'off' });
  try {
    await closedLoop(server.base, await startVisitors(server.base, 100), 2); // warm up
    const visitors = await startVisitors(server.base, 100);
    const cpu0 = await server.cpuMs();
    const load = await closedLoop(server.base, visitors, SECONDS);
    const cpuMsg = ((await server.cpuMs()) - cpu0) / load.ok;
    const cpu1 = await server.cpuMs();
    const bare = await bareLoop(server.base, 100, 3);
    const cpuBare = ((await server.cpuMs()) - cpu1) / bare;
    row('memory, 100 visitors, closed loop: messages/s', f1(load.perSecond));
    row('memory: p50 / p99 latency (ms)', `${f1(load.p50)} / ${f1(load.p99)}`);
    row('memory: errors', `${load.errors} of ${load.sent}`);
    row('memory: server CPU per message (ms)', cpuMsg.toFixed(3));
    row('bare Hono route, same server and client: CPU per request (ms)', `${cpuBare.toFixed(3)} (message = ${f1(cpuMsg / cpuBare)}x)`);
    const open = await openLoop(server.base, await startVisitors(server.base, 100), RATE, OPEN_SECONDS);
    row(`memory, open loop ${RATE} msg/s for ${OPEN_SECONDS} s: p50 / p99 (ms)`, `${f1(open.p50)} / ${f1(open.p99)}`);
    row('memory, open loop: errors', `${open.errors} of ${open.sent}`);
  } finally {
    server.stop();
  }
}

async function upstashRuns() {
  let redis: RedisServer | undefined = await startRedis();
  const token = 'bench-bridge-token';
  const bridge = createBridgeApp({ redis: redis.url, token, logError: () => undefined });
  const http = await new Promise<{ close(): void; closeAllConnections?(): void; port: number }>((resolve) => {
    const s = serve({ fetch: bridge.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(Object.assign(s, { port: info.port })));
  });
  const direct = new IORedis(redis.url, { protocol: 2 });
  const env = { STORE: 'upstash', UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${http.port}`, UPSTASH_REDIS_REST_TOKEN: token, RATE_MESSAGES_PER_MINUTE: '10000', RATE_CONVERSATIONS_PER_HOUR: '100000' };
  let server = await startServer(env);
  const redisCalls = async () => {
    const info = await direct.info('commandstats');
    return [...info.matchAll(/calls=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  };
  try {
    await closedLoop(server.base, await startVisitors(server.base, 20), 2); // warm up, scripts loaded
    const visitors = await startVisitors(server.base, 20);
    const [s0, r0] = [bridge.stats(), await redisCalls()];
    const load = await closedLoop(server.base, visitors, Math.min(SECONDS, 8));
    const [s1, r1] = [bridge.stats(), await redisCalls()];
    row('upstash via bridge, 20 visitors: messages/s', f1(load.perSecond));
    row('upstash: p50 / p99 (ms)', `${f1(load.p50)} / ${f1(load.p99)}`);
    row('upstash: round trips / commands sent / Redis commands run, per message', `${f1((s1.requests - s0.requests) / load.ok)} / ${f1((s1.commands - s0.commands) / load.ok)} / ${f1((r1 - r0 - 1) / load.ok)}`);

    const staff = await staffLogin(server.base);
    const waiting = await startVisitors(server.base, 21);
    for (const v of waiting) await handOff(server.base, v);
    const claim = (v: Visitor) => fetch(`${server.base}/api/operator/conversations/${v.id}/claim`, { method: 'POST', headers: { authorization: `Bearer ${staff}` } });
    // Each claimed chat is resolved again (outside the count), so capacity never refuses a claim.
    const resolve = (v: Visitor) =>
      fetch(`${server.base}/api/operator/conversations/${v.id}/resolve`, { method: 'POST', headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' }, body: '{}' });
    await claim(waiting[0]!); // warm
    await resolve(waiting[0]!);
    let [claimed, trips, sent, run] = [0, 0, 0, 0];
    for (const v of waiting.slice(1)) {
      const [c0, q0] = [bridge.stats(), await redisCalls()];
      const status = (await claim(v)).status;
      const [c1, q1] = [bridge.stats(), await redisCalls()];
      if (status !== 200) continue;
      claimed += 1;
      [trips, sent, run] = [trips + c1.requests - c0.requests, sent + c1.commands - c0.commands, run + q1 - q0 - 1];
      await resolve(v);
    }
    row(`upstash: round trips / commands sent / Redis commands run, per claim (${claimed} claims; session check and events included)`, `${f1(trips / claimed)} / ${f1(sent / claimed)} / ${f1(run / claimed)}`);
    await fetch(`${server.base}/api/operator/queue`, { headers: { authorization: `Bearer ${staff}` } }); // warm
    const v0 = bridge.stats();
    await fetch(`${server.base}/api/operator/queue`, { headers: { authorization: `Bearer ${staff}` } });
    row('upstash: round trips per queue view (session check included)', String(bridge.stats().requests - v0.requests));

    // Fault run: Redis frozen for 8 s in the middle of 20 s of load.
    const faultVisitors = await startVisitors(server.base, 20);
    let pausedAt = 0;
    let resumedAt = 0;
    const fault = await closedLoop(server.base, faultVisitors, 20, (t) => {
      if (t >= 5 && !pausedAt) {
        pausedAt = performance.now();
        redis!.pause();
      } else if (pausedAt && !resumedAt && t >= 13) {
        resumedAt = performance.now();
        redis!.resume();
      }
    });
    const during = fault.results.filter((r) => r.at > pausedAt && r.at <= resumedAt);
    const statuses: Record<string, number> = {};
    for (const r of during) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const firstOk = fault.results.filter((r) => r.at > resumedAt && r.status === 201).map((r) => r.at).sort((a, b) => a - b)[0];
    row('fault (Redis frozen 8 s): statuses while down', JSON.stringify(statuses));
    row('fault: longest wait (ms) / recovery after resume (ms)', `${f1(fault.max)} / ${firstOk ? f1(firstOk - resumedAt) : 'none'}`);
    row('fault: acknowledged messages lost', `${await lost(server.base, fault.acked, faultVisitors)} of ${fault.ok}`);

    // Restart run: the Node server killed mid-load, started again on the same Redis.
    const restartVisitors = await startVisitors(server.base, 20);
    const queued = restartVisitors.slice(0, 4);
    for (const v of queued) await handOff(server.base, v);
    if ((await claim(queued[0]!)).status !== 200) throw new Error('restart run: the claim before the kill failed');
    const killer = setTimeout(() => server.stop(), 3_000);
    const before = await closedLoop(server.base, restartVisitors, 6);
    clearTimeout(killer);
    server = await startServer(env);
    const staff2 = await staffLogin(server.base);
    const queue = (await (await fetch(`${server.base}/api/operator/queue?limit=500`, { headers: { authorization: `Bearer ${staff2}` } })).json()) as { items: { conversationId: string }[] };
    const stillQueued = queued.slice(1).filter((v) => queue.items.some((i) => i.conversationId === v.id)).length;
    const view = (await (await fetch(`${server.base}/api/operator/conversations/${queued[0]!.id}`, { headers: { authorization: `Bearer ${staff2}` } })).json()) as { status?: string };
    const tokensOk = (await Promise.all(restartVisitors.map((v) => fetch(`${server.base}/api/conversations/${v.id}`, { headers: { authorization: `Bearer ${v.token}` } })))).filter((r) => r.status === 200).length;
    row('restart: queue / claim intact', `${stillQueued} of 3 still queued, claimed one ${view.status}`);
    row('restart: visitor tokens valid after restart', `${tokensOk} of ${restartVisitors.length}`);
    row('restart: acknowledged messages lost', `${await lost(server.base, before.acked, restartVisitors)} of ${before.ok}`);
  } finally {
    server.stop();
    redis?.resume();
    await direct.quit();
    http.closeAllConnections?.();
    http.close();
    await bridge.close();
    await redis?.stop();
    redis = undefined;
  }
}

const deadline = setTimeout(() => {
  console.error('bench:load: over its 10-minute bound, stopping');
  process.exit(2);
}, 600_000);
await memoryRuns();
if (!values['skip-upstash']) await upstashRuns();
clearTimeout(deadline);
const width = Math.max(...rows.map(([w]) => w.length));
console.log(`\n${'run'.padEnd(width)} | figure\n${'-'.repeat(width)} | ------`);
for (const [what, value] of rows) console.log(`${what.padEnd(width)} | ${value}`);
process.exit(0);
