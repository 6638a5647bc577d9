import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/wrangler-dev';

/** `npm start`'s entry, as a process: it serves, and it stops at once even with a console's event stream open. */
describe('the Node entry (npm start)', () => {
  it('stops on SIGINT while an operator event stream is open', async () => {
    const port = await freePort();
    // node itself (tsx as a loader), as `npm start` runs it: tsx's CLI would SIGKILL a child that
    // takes over 30 ms to acknowledge a relayed signal, which a loaded machine does.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ADMIN_EMAIL: 'boss@test.local', ADMIN_PASSWORD: 'boss-password-1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'boss@test.local', password: 'boss-password-1' }),
      });
      const { token } = (await login.json()) as { token: string };
      const stream = await fetch(`${url}/api/operator/events`, { headers: { authorization: `Bearer ${token}` } });
      expect(stream.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 8000))]);
      expect(code).toBe(0);
      await stream.body?.cancel().catch(() => undefined);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 150_000);
});
