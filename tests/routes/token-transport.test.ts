import { describe, expect, it } from 'vitest';
import { auth, makeTestApp, startConversation } from '../helpers/app';
import { makeStaff } from '../helpers/staff';

// Finding of issue #16: `?token=` was taken on every visitor route, and even when a malformed
// Authorization header was present. Tokens in URLs end up in logs, history and Referer.
describe('where a token may travel', () => {
  it('takes ?token= on the visitor event stream only', async () => {
    const { app } = makeTestApp();
    const convo = await startConversation(app);
    expect((await app.request(`/api/conversations/${convo.id}?token=${convo.token}`)).status).toBe(401);
    const post = await app.request(`/api/conversations/${convo.id}/handoff?token=${convo.token}`, { method: 'POST' });
    expect(post.status).toBe(401);
    expect((await app.request(`/api/conversations/${convo.id}/events?poll=1&token=${convo.token}`)).status).toBe(200);
    expect((await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).status).toBe(200);
  });

  it('ignores ?token= when an Authorization header is present but malformed', async () => {
    const { app } = makeTestApp();
    const convo = await startConversation(app);
    for (const authorization of ['Bearer', 'Basic abc', `Bearer ${convo.token} extra`, 'garbage']) {
      const res = await app.request(`/api/conversations/${convo.id}/events?poll=1&token=${convo.token}`, { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });

  it('does the same for staff: ?token= only on the operator stream, never beside a malformed header', async () => {
    const { app, deps } = makeTestApp();
    const op = await makeStaff(deps, 'operator');
    expect((await app.request(`/api/operator/queue?token=${op.token}`)).status).toBe(401);
    expect((await app.request('/api/operator/queue', auth(op.token))).status).toBe(200);
    const stream = await app.request(`/api/operator/events?token=${op.token}`, { headers: { authorization: 'Token nope' } });
    expect(stream.status).toBe(401);
  });
});
