import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A throwaway redis-server for one test file: nothing persisted, nothing left behind. */
export interface RedisServer {
  url: string;
  port: number;
  /** Freeze the server (SIGSTOP): connections stay open and nothing answers, the worst outage for a client. */
  pause(): void;
  /** Let a paused server run again (SIGCONT). */
  resume(): void;
  stop(): Promise<void>;
}

const INSTALL_HINT = 'install redis-server: apt-get install -y redis-server';
const READY_TIMEOUT_MS = 10_000;

/**
 * Starts redis-server on a free 127.0.0.1 port as a child process (not daemonized, so it dies
 * with `stop()` and cannot outlive the test run unnoticed) and resolves once it answers PING.
 */
export async function startRedis(): Promise<RedisServer> {
  const binary = findRedisServer();
  const dir = await mkdtemp(join(tmpdir(), 'redis-test-'));
  // The free port is only free until someone takes it; if redis-server loses that race, try another.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitForPing(port, child);
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        pause: () => void child.kill('SIGSTOP'),
        resume: () => void child.kill('SIGCONT'),
        async stop() {
          child.kill('SIGCONT');
          await stopChild(child);
          await rm(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      await stopChild(child);
      lastError = new Error(`redis-server did not start on port ${port}: ${errorText(error)}\n${output.trim()}`);
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

function findRedisServer(): string {
  const candidates = ['/usr/bin/redis-server', ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'redis-server'))];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  throw new Error(`redis-server was not found in /usr/bin or on PATH; ${INSTALL_HINT}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited || child.exitCode !== null) throw new Error('redis-server exited during startup');
    if (await answersPing(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no PING reply within ${READY_TIMEOUT_MS} ms`);
}

/** Speaks just enough RESP to ask PING, so the helper needs no Redis client. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // SIGKILL is the fallback if redis-server ignores SIGTERM (it should not, with nothing to save).
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
