import { spawn } from 'node:child_process';

export interface Service {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Start a server process in its own process group (so stop() ends its children too) and wait
 * until `${url}/health` answers 200; fails with what the process printed if it exits or is late.
 */
export async function startService(opts: { name: string; command: string; args: string[]; env: NodeJS.ProcessEnv; url: string; timeoutMs: number }): Promise<Service> {
  const child = spawn(opts.command, opts.args, { env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  };
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${opts.name} exited (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${opts.url}/health`)).status === 200) return { url: opts.url, output: () => log, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`${opts.name} did not answer /health within ${opts.timeoutMs / 1000} s:\n${log}`);
}
