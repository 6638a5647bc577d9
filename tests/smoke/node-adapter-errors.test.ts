import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/wrangler-dev';

// Findings of issue #16 on the Node adapter: an empty 400 for a backslash path or a bad Host,
// and keep-alive announced after a 413 whose body was never read.
let child: ChildProcess;
let port: number;

beforeAll(async () => {
  port = await freePort();
  child = spawn('node_modules/.bin/tsx', ['src/entry/node.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the Node entry did not start');
}, 120_000);
afterAll(() => {
  child?.kill('SIGKILL');
});

/** Send raw bytes and collect what comes back until the server closes the socket (or 5 s pass). */
function raw(request: string | Buffer): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed: false });
    }, 5000);
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true });
    });
    socket.on('error', (error) => (text ? undefined : reject(error)));
    socket.write(request);
  });
}

const bodyOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { error: { code: string; requestId: string } };

describe('the Node adapter answers in the envelope', () => {
  it('a backslash in the path is a 400 envelope', async () => {
    const { text } = await raw('GET /api\\conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    expect(bodyOf(text).error).toMatchObject({ code: 'validation_error', requestId: expect.any(String) });
  });

  it('a bad Host header is a 400 envelope', async () => {
    const { text } = await raw('GET /health HTTP/1.1\r\nHost: exa%mple\r\nConnection: close\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    expect(bodyOf(text).error.code).toBe('validation_error');
  });

  it('closes the connection after a 413 instead of announcing keep-alive', async () => {
    const head = `POST /api/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${1_000_000}\r\n\r\n`;
    const { text, closed } = await raw(Buffer.concat([Buffer.from(head), Buffer.alloc(200_000, 0x61)]));
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text.toLowerCase()).toContain('connection: close');
    expect(text.toLowerCase()).not.toContain('keep-alive');
    expect(bodyOf(text).error.code).toBe('payload_too_large');
    expect(closed).toBe(true);
  });
});
