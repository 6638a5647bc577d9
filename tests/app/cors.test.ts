import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/env';
import { makeTestApp } from '../helpers/app';
import { makeStaff } from '../helpers/staff';

const preflight = (path: string, origin: string): RequestInit => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
});

describe('CORS', () => {
  it('answers * on the visitor API of the embedded default', async () => {
    const { app } = makeTestApp();
    const res = await app.request('/api/conversations', preflight('/api/conversations', 'https://anyone.example'));
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers only the configured site origins when ALLOWED_ORIGINS is set', async () => {
    const { app } = makeTestApp({ ALLOWED_ORIGINS: 'https://shop.example, https://www.shop.example' });
    const ok = await app.request('/api/conversations', preflight('/api/conversations', 'https://www.shop.example'));
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.shop.example');
    const other = await app.request('/api/conversations/x/messages', preflight('/api/conversations/x/messages', 'https://evil.example'));
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  it('never answers cross-origin on staff routes', async () => {
    const { app, deps } = makeTestApp();
    const op = await makeStaff(deps, 'operator');
    const res = await app.request('/api/operator/queue', { headers: { origin: 'https://anyone.example', authorization: `Bearer ${op.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await app.request('/api/auth/login', preflight('/api/auth/login', 'https://anyone.example'));
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an origin with a path at start, naming the variable', () => {
    expect(() => parseEnv({ ALLOWED_ORIGINS: 'https://shop.example/widget' })).toThrow(/ALLOWED_ORIGINS/);
  });
});
