import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, auth, postText, startConversation } from '../helpers/app';
import { makeKbApp } from '../helpers/kb-app';
import { makeStaff, staffHeaders } from '../helpers/staff';


describe('the knowledge-base bot on the sample KB', () => {
  it('answers a Russian question with the Russian article and its source', async () => {
    const { app } = await makeKbApp();
    const convo = await startConversation(app, { lang: 'ru' });
    const body = await (await postText(app, convo, 'Сколько стоит доставка курьером по Москве?')).json();
    expect(body.decision.kind).toBe('answer');
    expect(body.decision.sources[0].id).toBe('delivery-cost.ru');
    expect(body.reply.sources[0]).toMatchObject({ id: 'delivery-cost.ru', url: expect.stringContaining('delivery-cost') });
    expect(body.reply.text).toMatch(/290 ₽/);
    expect(body.decision.confidence).toBeGreaterThan(0.5);
  });

  it('answers an English question with the English article, whatever the conversation started in', async () => {
    const { app } = await makeKbApp();
    const convo = await startConversation(app, { lang: 'ru' });
    const body = await (await postText(app, convo, 'Can I pay in installments?')).json();
    expect(body.decision.kind).toBe('answer');
    expect(body.decision.sources[0].id).toBe('installments.en');
    expect(body.reply.text).toMatch(/installments/i);
  });

  it('never answers an unrelated question: says what it can help with, then hands off on the second', async () => {
    const { app } = await makeKbApp();
    const convo = await startConversation(app, { lang: 'en' });
    const first = await (await postText(app, convo, 'What is the capital of France?')).json();
    expect(first.decision).toMatchObject({ kind: 'clarify', reasons: ['off_topic'] });
    const body = await (await postText(app, convo, 'Who painted the Mona Lisa?')).json();
    expect(body.decision).toMatchObject({ kind: 'handoff', reasons: ['low_confidence'] });
    expect(body.reply.role).toBe('system');
  });

  it('hands a topic marked always off with always_human, even when it is sure', async () => {
    const { app } = await makeKbApp();
    const convo = await startConversation(app, { lang: 'en' });
    const body = await (await postText(app, convo, 'My parcel arrived damaged')).json();
    expect(body.decision.kind).toBe('handoff');
    expect(body.decision.reasons).toContain('always_human');
  });

  it('hands "talk to a human" off with explicit_request', async () => {
    const { app } = await makeKbApp();
    const convo = await startConversation(app, { lang: 'en' });
    const body = await (await postText(app, convo, 'can I talk to a human please')).json();
    expect(body.decision.kind).toBe('handoff');
    expect(body.decision.reasons[0]).toBe('explicit_request');
  });

  it('hands a Russian complaint off with reason complaint and a packet with its severity', async () => {
    const { app, deps } = await makeKbApp({ BUSINESS_HOURS: ALWAYS_OPEN });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app, { lang: 'ru' });
    const text = 'Это безобразие! Третью неделю жду заказ 778812, деньги списали, никто не отвечает. Буду писать претензию!';
    const body = await (await postText(app, convo, text)).json();
    expect(body.decision.kind).toBe('handoff');
    expect(body.decision.reasons[0]).toBe('complaint');
    const view = await (await app.request(`/api/operator/conversations/${convo.id}`, { headers: staffHeaders(op.token) })).json();
    expect(view.packet.reasons[0]).toBe('complaint');
    expect(view.packet.complaint.severity).toBe('formal');
    expect(view.packet.lang).toBe('ru');
    expect(view.packet.facts.orderNumbers).toContain('778812');
    expect(view.packet.summary.length).toBeGreaterThan(10);
    expect(view.packet.suggestedReply).toBeTruthy();
    expect(view.messages.map((m: { role: string }) => m.role)).toEqual(['bot', 'visitor', 'system']);
  });

  it('the packet shows the complaint as the policy counted it, not the raw score', async () => {
    const text = 'I still have not received my order, this is so annoying. What is the capital of France? I want to talk to a person.';
    const packetOf = async (policy: unknown) => {
      const { app, deps } = await makeKbApp({ BUSINESS_HOURS: ALWAYS_OPEN, POLICY: JSON.stringify(policy) });
      const op = await makeStaff(deps, 'operator');
      const convo = await startConversation(app, { lang: 'en' });
      const body = await (await postText(app, convo, text)).json();
      const view = await (await app.request(`/api/operator/conversations/${convo.id}`, { headers: staffHeaders(op.token) })).json();
      return { reasons: body.decision.reasons as string[], complaint: view.packet.complaint };
    };
    const ignored = await packetOf({ complaint: { threshold: 0.99 } });
    expect(ignored.reasons).not.toContain('complaint');
    expect(ignored.complaint).toBeNull();
    const counted = await packetOf({ complaint: { threshold: 0.1 } });
    expect(counted.reasons).toContain('complaint');
    expect(counted.complaint.severity).not.toBe('none');
  });

  it('counts a clarify turn as a miss and clears the streak on an answer', async () => {
    const { app, deps } = await makeKbApp();
    const convo = await startConversation(app, { lang: 'en' });
    await deps.store.conversations.replace({ ...(await deps.store.conversations.get(convo.id))!, missStreak: 1, version: 2 }, 1);
    const answered = await (await postText(app, convo, 'how much is delivery?')).json();
    expect(answered.decision.kind).toBe('answer');
    expect((await deps.store.conversations.get(convo.id))?.missStreak).toBe(0);
    const read = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
    expect(read.messages.filter((m: { role: string }) => m.role === 'visitor')).toHaveLength(1);
  });
});
