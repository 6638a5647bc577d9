import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { buildDeps } from '../build-deps';
import { ConfigError, parseEnv, type Env } from '../env';

/** The Node entry: `npm start`. Reads process.env once, builds the app, serves it on PORT. */
function readEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const env = readEnv();
const deps = buildDeps(env);
const app = createApp(deps);

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => {
  deps.logger.info('listening', { url: `http://localhost:${info.port}`, store: deps.store.kind });
  console.log(`Support chat is running at http://localhost:${info.port} (store: ${deps.store.kind})`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
