import { createServer } from 'node:net';
import { startService, type Service } from './service';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type WranglerDev = Service;

/**
 * Runs the Worker under `wrangler dev` (workerd, offline) with the given vars, and waits until
 * /health answers. The edge build is proven by this, not only the Node one.
 */
export async function startWranglerDev(vars: Record<string, string> = {}): Promise<WranglerDev> {
  const port = await freePort();
  const inspector = await freePort();
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--log-level', 'warn'];
  for (const [key, value] of Object.entries(vars)) args.push('--var', `${key}:${value}`);
  return startService({
    name: 'wrangler dev',
    command: 'node_modules/.bin/wrangler',
    args,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_API_TOKEN: '', CI: 'true', NO_COLOR: '1' },
    url: `http://127.0.0.1:${port}`,
    timeoutMs: 90_000,
  });
}
