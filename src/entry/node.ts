import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, RequestError } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { readKbDir } from '../../scripts/lib/read-kb-dir';
import { createApp } from '../app';
import { ensureAdmin } from '../auth/bootstrap';
import { buildDeps, withKnowledgeBase } from '../build-deps';
import { ConfigError, parseEnv } from '../env';
import { adapterErrorResponse } from '../http/adapter-error';

/**
 * The Node entry: `npm start`. Reads process.env once, loads the knowledge base from KB_DIR,
 * makes sure an admin exists, and serves the app on PORT.
 */
async function main() {
  const env = parseEnv(process.env);
  const remoteAddress = (c: Context) => getConnInfo(c).remote.address;
  const deps = await withKnowledgeBase(buildDeps(env, { remoteAddress }), await readKbDir(env.KB_DIR));
  const demoAdmin = await ensureAdmin(deps);
  const app = createApp(deps);

  // serve() would drop errorHandler: requests the adapter cannot build (a backslash in the path,
  // a bad Host) get the envelope this way, not an empty 400.
  const errorHandler = (error: unknown) => adapterErrorResponse(error instanceof RequestError);
  const server = createServer(getRequestListener(app.fetch, { hostname: env.HOST, errorHandler }));
  server.listen(env.PORT, env.HOST, () => {
    const info = server.address() as AddressInfo;
    deps.logger.info('listening', { port: info.port, store: deps.store.kind, articles: deps.kb?.size ?? 0 });
    console.log(`Support chat is running at http://localhost:${info.port} (store: ${deps.store.kind}, ${deps.kb?.size ?? 0} articles)`);
    console.log(`  API reference: http://localhost:${info.port}/docs`);
    if (demoAdmin) {
      console.log(`  demo admin: ${demoAdmin.email} / ${demoAdmin.password} (memory store, gone on restart; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)`);
    }
  });
  const stop = () => {
    server.close(() => process.exit(0));
    // Open event streams would hold close() for up to SSE_MAX_SECONDS; their clients reconnect.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
