import { describe, expect, it } from 'vitest';
import { makeKbApp } from '../helpers/kb-app';
import { makeStaff, staffHeaders } from '../helpers/staff';

describe('GET /api/kb/traffic', () => {
  it('shows an editor the threshold in use and the out-of-scope share of the traffic', async () => {
    const { app, deps } = await makeKbApp();
    const editor = await makeStaff(deps, 'editor');
    const res = await app.request('/api/kb/traffic', { headers: staffHeaders(editor.token) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ threshold: expect.any(Number), assumedShare: 0.2, estimatedShare: null, shareInUse: 0.2, bounds: { min: 0.05, max: 0.7 } });
    expect(body.samples).toBe(0);
  });

  it('is for editors: 401 without a token, 403 for an operator', async () => {
    const { app, deps } = await makeKbApp();
    const operator = await makeStaff(deps, 'operator');
    expect((await app.request('/api/kb/traffic')).status).toBe(401);
    const res = await app.request('/api/kb/traffic', { headers: staffHeaders(operator.token) });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: expect.any(String), requestId: expect.any(String) });
  });

  it('is what /health shows under kb.traffic, beside the existing fields', async () => {
    const { app, deps } = await makeKbApp();
    const editor = await makeStaff(deps, 'editor');
    const health = await (await app.request('/health')).json();
    expect(health).toMatchObject({ ok: true, store: { kind: 'memory', ok: true }, kb: { articles: expect.any(Number) } });
    const traffic = await (await app.request('/api/kb/traffic', { headers: staffHeaders(editor.token) })).json();
    expect(health.kb.traffic).toEqual(traffic);
  });
});
