/**
 * The server side of `npm run bench:load`, run as a child process so its CPU is its own: the
 * product as `npm start` builds it (configuration from the environment), plus a bare Hono route
 * at /__bare beside it for the framework's own cost. Reports its port and, on request, its CPU
 * time over IPC.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../src/app';
import { ensureAdmin } from '../../src/auth/bootstrap';
import { buildDeps, withKnowledgeBase } from '../../src/build-deps';
import { parseEnv } from '../../src/env';
import { readKbDir } from '../lib/read-kb-dir';

const env = parseEnv(process.env);
const deps = await withKnowledgeBase(buildDeps(env, { remoteAddress: () => '127.0.0.1' }), await readKbDir(env.KB_DIR));
await ensureAdmin(deps);
const app = createApp(deps);
const bare = new Hono().get('/__bare', (c) => c.json({ ok: true }));

const server = serve({ port: 0, hostname: '127.0.0.1', fetch: (req, ...rest) => (new URL(req.url).pathname === '/__bare' ? bare.fetch(req) : app.fetch(req, ...rest)) }, (info) =>
  process.send?.({ port: info.port }),
);
process.on('message', (message: { cpu?: boolean }) => {
  if (message.cpu) process.send?.({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => {
  server.close();
  process.exit(0);
});
