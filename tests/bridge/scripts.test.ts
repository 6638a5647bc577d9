import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptRegistry, sha1Hex, stripUpstashFlags } from '../../scripts/bridge/scripts.js';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge.js';

describe('stripUpstashFlags', () => {
  it.each([
    ['drops the only flag but keeps the shebang line', '#!lua flags=allow-key-locking\nreturn 1', '#!lua\nreturn 1'],
    ['keeps flags Redis knows', '#!lua flags=no-writes,allow-key-locking\nreturn 1', '#!lua flags=no-writes\nreturn 1'],
    ['leaves scripts without a shebang alone', 'return 1', 'return 1'],
    ['leaves other shebang flags alone', '#!lua flags=no-writes\nreturn 1', '#!lua flags=no-writes\nreturn 1'],
    ['ignores the flag outside the first line', 'return 1 -- flags=allow-key-locking', 'return 1 -- flags=allow-key-locking'],
  ])('%s', (_, script, expected) => {
    expect(stripUpstashFlags(script)).toBe(expected);
  });
});

describe('ScriptRegistry', () => {
  const original = '#!lua flags=allow-key-locking\nreturn 1';
  const stripped = '#!lua\nreturn 1';

  it('rewrites EVALSHA for the client SHA once the script has been seen', () => {
    const registry = new ScriptRegistry();
    expect(registry.rewrite(['EVALSHA', sha1Hex(original), '0'])).toEqual(['EVALSHA', sha1Hex(original), '0']);
    expect(registry.rewrite(['eval', original, '0'])).toEqual(['eval', stripped, '0']);
    expect(registry.rewrite(['EVALSHA', sha1Hex(original), '0'])).toEqual(['EVALSHA', sha1Hex(stripped), '0']);
    expect(registry.rewrite(['SCRIPT', 'EXISTS', sha1Hex(original)])).toEqual(['SCRIPT', 'EXISTS', sha1Hex(stripped)]);
  });

  it('leaves other commands untouched', () => {
    expect(new ScriptRegistry().rewrite(['SET', '#!lua flags=allow-key-locking', 'x'])).toEqual([
      'SET',
      '#!lua flags=allow-key-locking',
      'x',
    ]);
  });
});

describe('scripting through the bridge', () => {
  let bridge: UpstashBridge;
  beforeAll(async () => {
    bridge = await startUpstashBridge();
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  async function call(body: unknown) {
    const response = await fetch(bridge.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${bridge.token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as unknown };
  }

  it('SCRIPT LOAD answers with the client SHA, which EVALSHA and SCRIPT EXISTS then accept', async () => {
    const script = `#!lua flags=allow-key-locking\nreturn {KEYS[1], '${randomUUID()}'}`;
    const sha = sha1Hex(script);
    expect(await call(['SCRIPT', 'EXISTS', sha])).toEqual({ status: 200, json: { result: [0] } });
    expect(await call(['SCRIPT', 'LOAD', script])).toEqual({ status: 200, json: { result: sha } });
    expect(await call(['SCRIPT', 'EXISTS', sha])).toEqual({ status: 200, json: { result: [1] } });
    const { status, json } = await call(['EVALSHA', sha, 1, 'k']);
    expect(status).toBe(200);
    expect((json as { result: string[] }).result[0]).toBe('k');
  });

  it('passes NOSCRIPT through unchanged for an unknown SHA', async () => {
    const { status, json } = await call(['EVALSHA', sha1Hex(randomUUID()), 0]);
    expect(status).toBe(400);
    expect(json).toEqual({ error: expect.stringMatching(/^NOSCRIPT /) });
  });

  it('lets Redis judge other flags: an unknown one still fails', async () => {
    const { status, json } = await call(['EVAL', '#!lua flags=made-up-flag\nreturn 1', 0]);
    expect(status).toBe(400);
    expect(json).toEqual({ error: expect.stringMatching(/Unexpected flag/) });
  });
});
