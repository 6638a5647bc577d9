import { describe, expect, it } from 'vitest';
import { signAttributes } from '../../src/security/site-attributes';
import { json, makeTestApp } from '../helpers/app';
import { makeKbApp } from '../helpers/kb-app';
import { makeStaff, staffHeaders } from '../helpers/staff';

const SITE_SECRET = 'site-secret-site-secret';

describe('signed visitor attributes (VIP)', () => {
  it('accepts attributes signed with the site secret and raises a VIP handoff in the queue', async () => {
    const { app, deps } = await makeKbApp({ SITE_SECRET, POLICY: JSON.stringify({ vipAlwaysHuman: true }) });
    const op = await makeStaff(deps, 'operator');
    const attributes = { vip: true, customerId: 'C-1009' };
    const created = await app.request('/api/conversations', json({ lang: 'en', attributes, signature: await signAttributes(SITE_SECRET, attributes) }));
    expect(created.status).toBe(201);
    const convo = await created.json();
    const posted = await app.request(`/api/conversations/${convo.id}/messages`, json({ text: 'How much does delivery cost?' }, convo.token));
    const body = await posted.json();
    expect(body.decision.kind).toBe('handoff');
    expect(body.decision.reasons).toContain('vip');
    const view = await (await app.request(`/api/operator/conversations/${convo.id}`, { headers: staffHeaders(op.token) })).json();
    expect(view.vip).toBe(true);
    expect(view.packet.attributes).toEqual(attributes);
    expect(view.packet.priority).toBeGreaterThanOrEqual(30);
  });

  it('refuses signed attributes past their exp', async () => {
    const { app } = makeTestApp({ SITE_SECRET });
    const stale = { vip: true, exp: Math.floor(Date.now() / 1000) - 60 };
    const res = await app.request('/api/conversations', json({ attributes: stale, signature: await signAttributes(SITE_SECRET, stale) }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/expired/);
    const fresh = { vip: true, exp: Math.floor(Date.now() / 1000) + 600 };
    expect((await app.request('/api/conversations', json({ attributes: fresh, signature: await signAttributes(SITE_SECRET, fresh) }))).status).toBe(201);
  });

  it('refuses forged or unsigned attributes, and attributes when no site secret is set', async () => {
    const { app } = makeTestApp({ SITE_SECRET });
    const forged = await app.request('/api/conversations', json({ attributes: { vip: true }, signature: await signAttributes('another-secret-xx', { vip: true }) }));
    expect(forged.status).toBe(400);
    expect((await forged.json()).error.message).toMatch(/signature/);
    const unsigned = await app.request('/api/conversations', json({ attributes: { vip: true } }));
    expect(unsigned.status).toBe(400);
    const noSecret = makeTestApp();
    const refused = await noSecret.app.request('/api/conversations', json({ attributes: { vip: true }, signature: 'ab'.repeat(32) }));
    expect(refused.status).toBe(400);
  });
});
