import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, auth, json, makeTestApp, postText, startConversation, type TestApp } from '../helpers/app';
import { makeKbApp } from '../helpers/kb-app';
import { makeStaff, staffHeaders } from '../helpers/staff';

// What the visitor is told and who speaks, around a handoff: the bot keeps helping while a
// person is still to come, falls silent once one has the chat, and staff moves are announced.

type Convo = { id: string; token: string };
const transcript = async (app: TestApp, convo: Convo) =>
  ((await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json()) as { status: string; messages: { role: string; text: string }[] });
const online = (app: TestApp, token: string) => app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(token), body: JSON.stringify({ online: true }) });
const act = (app: TestApp, token: string, id: string, action: string, body: unknown = {}) =>
  app.request(`/api/operator/conversations/${id}/${action}`, { method: 'POST', headers: staffHeaders(token), body: JSON.stringify(body) });

describe('while waiting for a person', () => {
  it('the bot answers a question it is sure of, says a person still joins, and the chat stays in the queue; once claimed it is silent', async () => {
    const { app, deps } = await makeKbApp({ BUSINESS_HOURS: ALWAYS_OPEN });
    const op = await makeStaff(deps, 'operator');
    await online(app, op.token);
    const convo = await startConversation(app, { lang: 'en' });
    expect((await (await postText(app, convo, 'I want to talk to a human')).json()).decision.kind).toBe('handoff');

    const meanwhile = await (await postText(app, convo, 'meanwhile, how much is delivery?')).json();
    expect(meanwhile.decision).toMatchObject({ kind: 'answer', sources: [{ id: 'delivery-cost.en' }] });
    expect(meanwhile.decision.reasons).toContain('while_waiting');
    expect(meanwhile.reply.text).toMatch(/will still join/);
    expect((await transcript(app, convo)).status).toBe('waiting');
    const queue = await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(convo.id);

    const unsure = await (await postText(app, convo, 'hmm')).json();
    expect(unsure.decision.kind).toBe('silent');

    expect((await act(app, op.token, convo.id, 'claim')).status).toBe(200);
    const after = await (await postText(app, convo, 'how long does delivery take?')).json();
    expect(after.decision.kind).toBe('silent');
    expect(after.reply).toBeUndefined();
  });

  it('with nobody online the visitor gets the offline notice, and the bot keeps answering', async () => {
    const { app } = await makeKbApp({ BUSINESS_HOURS: ALWAYS_OPEN });
    const convo = await startConversation(app, { lang: 'ru' });
    const handoff = await (await postText(app, convo, 'позовите оператора')).json();
    expect(handoff.decision.handoff.kind).toBe('offline');
    const faq = await (await postText(app, convo, 'какие есть способы оплаты?')).json();
    expect(faq.decision).toMatchObject({ kind: 'answer', sources: [{ id: 'payment-methods.ru' }] });
    expect(faq.reply.text).toMatch(/Сотрудник всё равно подключится/);
  });
});

describe('the offline notice', () => {
  it('does not ask for the e-mail the visitor already gave', async () => {
    const { app } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN });
    const convo = await startConversation(app, { lang: 'en', visitor: { email: 'ann@example.com' } });
    const res = await app.request(`/api/conversations/${convo.id}/handoff`, json({}, convo.token));
    expect(res.status).toBeLessThan(300);
    const notice = (await transcript(app, convo)).messages.at(-1)!.text;
    expect(notice).toContain('ann@example.com');
    expect(notice).not.toMatch(/leave your e-mail/i);
  });

  it('nor for the contact the visitor left on the form before asking again', async () => {
    const { app } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN });
    const convo = await startConversation(app, { lang: 'ru' });
    expect((await app.request(`/api/conversations/${convo.id}/contact`, json({ phone: '+7 900 000-00-00' }, convo.token))).status).toBe(201);
    await app.request(`/api/conversations/${convo.id}/handoff`, json({}, convo.token));
    const notice = (await transcript(app, convo)).messages.at(-1)!.text;
    expect(notice).toContain('+7 900 000-00-00');
    expect(notice).not.toMatch(/Оставьте e-mail/);
  });
});

describe('staff moves are told to the visitor, in their language', () => {
  async function assigned() {
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app, { lang: 'ru' });
    await app.request(`/api/conversations/${convo.id}/handoff`, json({}, convo.token));
    expect((await act(app, op.token, convo.id, 'claim')).status).toBe(200);
    return { app, op, convo };
  }
  const last = async (app: TestApp, convo: Convo) => (await transcript(app, convo)).messages.at(-1)!;

  it('a transfer to another department', async () => {
    const { app, op, convo } = await assigned();
    expect((await act(app, op.token, convo.id, 'transfer', { department: 'billing' })).status).toBe(200);
    expect(await last(app, convo)).toMatchObject({ role: 'system', text: expect.stringMatching(/передал ваш чат коллегам/) });
  });

  it('a release back to the bot', async () => {
    const { app, op, convo } = await assigned();
    expect((await act(app, op.token, convo.id, 'release')).status).toBe(200);
    expect(await last(app, convo)).toMatchObject({ role: 'system', text: expect.stringMatching(/Оператор вышел из чата/) });
  });

  it('a resolve', async () => {
    const { app, op, convo } = await assigned();
    expect((await act(app, op.token, convo.id, 'resolve', { resolution: 'internal words' })).status).toBe(200);
    const line = await last(app, convo);
    expect(line).toMatchObject({ role: 'system', text: expect.stringMatching(/Разговор завершён/) });
    expect(JSON.stringify(await transcript(app, convo))).not.toContain('internal words');
  });

  it('an operator may resolve a waiting chat nobody claimed (spam, or answered meanwhile): it leaves the queue and the visitor is told', async () => {
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app, { lang: 'en' });
    await app.request(`/api/conversations/${convo.id}/handoff`, json({}, convo.token));
    expect((await act(app, op.token, convo.id, 'resolve')).status).toBe(200);
    const queue = await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json();
    expect(queue.items).toHaveLength(0);
    const view = await transcript(app, convo);
    expect(view.status).toBe('resolved');
    expect(view.messages.at(-1)?.text).toMatch(/has been closed/);
  });
});

describe('contacts, ratings, pages, policy', () => {
  it('a contact left is confirmed back to the visitor', async () => {
    const { app } = makeTestApp();
    const convo = await startConversation(app, { lang: 'en' });
    expect((await app.request(`/api/conversations/${convo.id}/contact`, json({ email: 'ann@example.com' }, convo.token))).status).toBe(201);
    expect((await transcript(app, convo)).messages.at(-1)).toMatchObject({ role: 'system', text: expect.stringContaining('ann@example.com') });
  });

  it('a javascript: page URL is refused', async () => {
    const { app } = makeTestApp();
    const res = await app.request('/api/conversations', json({ page: 'javascript:alert(1)' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBeTruthy();
    expect((await app.request('/api/conversations', json({ page: 'https://shop.example/cart' }))).status).toBe(201);
  });

  it('an unknown POLICY key stops the start, naming the key', () => {
    expect(() => makeTestApp({ POLICY: JSON.stringify({ repeatedMiss: 3 }) })).toThrow(/POLICY.*repeatedMiss/);
    expect(() => makeTestApp({ POLICY: JSON.stringify({ triggers: { lowConfidnce: false } }) })).toThrow(/POLICY.*lowConfidnce/);
    expect(() => makeTestApp({ POLICY: JSON.stringify({ repeatedMisses: 3 }) })).not.toThrow();
  });
});
