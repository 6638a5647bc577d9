import { describe, expect, it } from 'vitest';
import { makeKbApp } from '../helpers/kb-app';
import { makeStaff, staffHeaders } from '../helpers/staff';

describe('POST /api/kb/try', () => {
  it('shows an editor the ranked matches, confidence and the decision, storing nothing', async () => {
    const { app, deps } = await makeKbApp();
    const editor = await makeStaff(deps, 'editor');
    const res = await app.request('/api/kb/try', { method: 'POST', headers: staffHeaders(editor.token), body: JSON.stringify({ text: 'сколько стоит доставка' }) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.lang).toBe('ru');
    expect(body.matches[0]).toMatchObject({ topic: 'delivery-cost' });
    expect(body.matches.length).toBeGreaterThan(1);
    expect(body.matches[0].score).toBeGreaterThanOrEqual(body.matches[1].score);
    expect(body.confidence).toBeGreaterThan(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(body.decision.kind).toBe('answer');
    expect(body.decision.reply).toMatch(/₽/);
  });

  it('treats one topic in two languages at the top as one answer, not a choice between two', async () => {
    const { app, deps } = await makeKbApp();
    const editor = await makeStaff(deps, 'editor');
    // Mixed-language text: the English and the Russian article of one topic rank first and second.
    const res = await app.request('/api/kb/try', { method: 'POST', headers: staffHeaders(editor.token), body: JSON.stringify({ text: 'account войти', lang: 'ru' }) });
    const body = await res.json();
    expect(body.matches[0].topic).toBe(body.matches[1].topic);
    expect(body.confidence).toBeGreaterThanOrEqual(body.signals.top2);
    expect(body.decision.kind).toBe('answer');
    expect(body.decision.sources[0]).toMatchObject({ id: `${body.matches[0].topic}.ru` });
  });

  it('shows why a message would be handed off', async () => {
    const { app, deps } = await makeKbApp();
    const editor = await makeStaff(deps, 'editor');
    const res = await app.request('/api/kb/try', { method: 'POST', headers: staffHeaders(editor.token), body: JSON.stringify({ text: 'talk to a human now', lang: 'en' }) });
    const body = await res.json();
    expect(body.humanRequested.requested).toBe(true);
    expect(body.decision).toMatchObject({ kind: 'handoff' });
    expect(body.decision.reasons).toContain('explicit_request');
  });

  it('is for editors: 401 without a token, 403 for an operator, 400 for an empty text', async () => {
    const { app, deps } = await makeKbApp();
    const operator = await makeStaff(deps, 'operator');
    const editor = await makeStaff(deps, 'editor');
    expect((await app.request('/api/kb/try', { method: 'POST', body: '{"text":"x"}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    expect((await app.request('/api/kb/try', { method: 'POST', headers: staffHeaders(operator.token), body: '{"text":"x"}' })).status).toBe(403);
    expect((await app.request('/api/kb/try', { method: 'POST', headers: staffHeaders(editor.token), body: '{"text":" "}' })).status).toBe(400);
  });

  it('an edit through the API changes the bot’s next answer without a restart', async () => {
    const { app, deps } = await makeKbApp();
    const editor = await makeStaff(deps, 'editor');
    const current = await (await app.request('/api/kb/articles/delivery-cost.en', { headers: staffHeaders(editor.token) })).json();
    const { origin: _o, updatedBy: _b, updatedAt: _a, ...article } = current;
    const put = await app.request('/api/kb/articles/delivery-cost.en', {
      method: 'PUT',
      headers: staffHeaders(editor.token),
      body: JSON.stringify({ ...article, answer: 'Delivery is free this week on every order.' }),
    });
    expect(put.status).toBe(200);
    const { startConversation, postText } = await import('../helpers/app');
    const convo = await startConversation(app, { lang: 'en' });
    const body = await (await postText(app, convo, 'how much is delivery?')).json();
    expect(body.decision.kind).toBe('answer');
    expect(body.reply.text).toBe('Delivery is free this week on every order.');
  });
});
