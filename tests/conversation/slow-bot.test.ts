import { describe, expect, it } from 'vitest';
import type { Bot, Decision } from '../../src/domain/decision';
import { ALWAYS_OPEN, auth, makeTestApp, postText, startConversation } from '../helpers/app';
import { makeStaff, staffHeaders } from '../helpers/staff';

/** A bot that answers only when the test opens its gate: the world may change while it thinks. */
function gatedBot(decision: Decision) {
  let open: () => void = () => undefined;
  let gate = new Promise<void>((r) => (open = r));
  let waiting = 0;
  const bot: Bot = {
    async decide() {
      waiting += 1;
      await gate;
      return decision;
    },
  };
  return {
    bot,
    /** resolves once `n` decisions are waiting at the gate */
    async arrived(n = 1) {
      while (waiting < n) await new Promise((r) => setTimeout(r, 5));
    },
    release() {
      open();
      gate = new Promise<void>((r) => (open = r));
    },
  };
}

const answer: Decision = { kind: 'answer', confidence: 0.97, reasons: [], sources: [], reply: 'Delivery takes 2 days.' };

describe('while the bot is still thinking', () => {
  it('an operator who takes the chat meanwhile silences the bot: no answer lands in their conversation', async () => {
    const gated = gatedBot(answer);
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: gated.bot });
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app);
    const posting = postText(app, convo, 'how long is delivery?');
    await gated.arrived();
    await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
    await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
    gated.release();
    const body = await (await posting).json();
    expect(body.decision.kind).toBe('silent');
    expect(body.reply).toBeUndefined();
    const roles = (await deps.store.transcripts.list(convo.id)).map((m) => m.role);
    expect(roles.filter((r) => r === 'bot')).toHaveLength(1); // the greeting only
  });

  it('a typed request for a person and the button at once leave one handoff notice', async () => {
    const gated = gatedBot({ kind: 'handoff', confidence: 0, reasons: ['explicit_request'], sources: [] });
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: gated.bot });
    const convo = await startConversation(app);
    const posting = postText(app, convo, 'talk to a human please');
    await gated.arrived();
    await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) });
    gated.release();
    const body = await (await posting).json();
    expect(body.decision.handoff).toBeDefined();
    const notices = (await deps.store.transcripts.list(convo.id)).filter((m) => m.role === 'system');
    expect(notices).toHaveLength(1);
  });

  it('two missed turns at once both count towards the repeated-misses rule', async () => {
    const gated = gatedBot({ kind: 'clarify', confidence: 0.5, reasons: ['unsure'], sources: [], reply: 'Could you rephrase?', options: [], miss: true });
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, RATE_LIMITS: 'off' }, { bot: gated.bot });
    const convo = await startConversation(app);
    const both = Promise.all([postText(app, convo, 'hmm one'), postText(app, convo, 'hmm two')]);
    await gated.arrived(2);
    gated.release();
    await both;
    expect((await deps.store.conversations.get(convo.id))!.missStreak).toBe(2);
  });
});

describe('a retried message that was handed off', () => {
  it('promises no wait once the conversation is resolved', async () => {
    const handingOff: Bot = { decide: async () => ({ kind: 'handoff', confidence: 0.1, reasons: ['low_confidence'], sources: [] }) };
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: handingOff });
    const op = await makeStaff(deps, 'operator');
    await app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ online: true }) });
    const convo = await startConversation(app);
    const first = await (await postText(app, convo, 'odd question', { clientId: 'r-1' })).json();
    expect(first.decision.handoff.kind).toBe('wait');
    await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
    await app.request(`/api/operator/conversations/${convo.id}/resolve`, { method: 'POST', headers: staffHeaders(op.token), body: '{}' });
    const retry = await (await postText(app, convo, 'odd question', { clientId: 'r-1' })).json();
    expect(retry.reply.id).toBe(first.reply.id);
    expect(retry.decision.handoff).toBeUndefined();
  });
});

describe('the "talk to a person" button', () => {
  it('uses the handoff policy: its default department and the priority of an explicit request', async () => {
    const policy = { defaultDepartment: 'support', priority: { explicitRequest: 40 }, departments: { support: { priorityBoost: 7 } } };
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, POLICY: JSON.stringify(policy) });
    const op = await makeStaff(deps, 'operator', { departments: ['support'] });
    await app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ online: true }) });
    const convo = await startConversation(app);
    const res = await (await app.request(`/api/conversations/${convo.id}/handoff`, { method: 'POST', ...auth(convo.token) })).json();
    expect(res.availability.kind).toBe('wait');
    const [item] = (await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json()).items;
    expect(item).toMatchObject({ department: 'support', priority: 47 });
  });
});

describe('retries and refusals', () => {
  it('a retry racing the first attempt gets the same answer, stored once', async () => {
    const gated = gatedBot(answer);
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: gated.bot });
    const convo = await startConversation(app);
    const first = postText(app, convo, 'how long is delivery?', { clientId: 'p-1' });
    await gated.arrived();
    const retry = postText(app, convo, 'how long is delivery?', { clientId: 'p-1' });
    await gated.arrived(2);
    gated.release();
    const [a, b] = await Promise.all([(await first).json(), (await retry).json()]);
    expect(a.decision.kind).toBe('answer');
    expect(b.reply.id).toBe(a.reply.id);
    const bots = (await deps.store.transcripts.list(convo.id)).filter((m) => m.role === 'bot');
    expect(bots).toHaveLength(2); // the greeting and one answer
    expect(a.reply).not.toHaveProperty('clientId');
  });

  it('a retry after the bot failed is answered now', async () => {
    let calls = 0;
    const flaky: Bot = {
      async decide() {
        calls += 1;
        if (calls === 1) throw new Error('model timeout');
        return answer;
      },
    };
    const { app } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: flaky });
    const convo = await startConversation(app);
    expect((await postText(app, convo, 'delivery?', { clientId: 'f-1' })).status).toBe(500);
    const retry = await postText(app, convo, 'delivery?', { clientId: 'f-1' });
    expect(retry.status).toBe(201);
    expect((await retry.json()).reply.text).toBe(answer.reply);
  });

  it('two messages at once near the limit: each stored one comes with its answer, the other is refused whole', async () => {
    const gated = gatedBot(answer);
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, MAX_MESSAGES: '10', RATE_LIMITS: 'off' }, { bot: gated.bot });
    const convo = await startConversation(app); // 1
    for (let i = 0; i < 3; i++) {
      const p = postText(app, convo, `q${i}`);
      await gated.arrived(i + 1);
      gated.release();
      expect((await p).status).toBe(201);
    } // 7
    const both = Promise.all([postText(app, convo, 'first'), postText(app, convo, 'second')]);
    await gated.arrived(5);
    gated.release();
    // A message and its answer are stored in one step, so at once is as in turn: room for one pair.
    expect((await both).map((r) => r.status).sort()).toEqual([201, 413]);
    const transcript = await deps.store.transcripts.list(convo.id);
    expect(transcript).toHaveLength(9);
    const stored = transcript.filter((m) => m.text === 'first' || m.text === 'second');
    expect(stored).toHaveLength(1);
    expect(transcript.some((m) => m.replyTo === stored[0]!.id)).toBe(true);
  });

  it('a message refused on a full transcript does not reopen a resolved conversation', async () => {
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, MAX_MESSAGES: '10' }, { bot: { decide: async () => answer } });
    const convo = await startConversation(app);
    for (let i = 0; (await postText(app, convo, `question ${i}`)).status === 201; i++);
    expect((await app.request(`/api/conversations/${convo.id}/resolve`, { method: 'POST', ...auth(convo.token) })).status).toBe(200);
    expect((await postText(app, convo, 'one more')).status).toBe(413);
    expect((await deps.store.conversations.get(convo.id))!.status).toBe('resolved');
  });
});

describe('one handoff, one language', () => {
  it('a Russian conversation handed off on a product name speaks Russian throughout: notice, packet, queue, joined', async () => {
    const handingOff: Bot = { decide: async () => ({ kind: 'handoff', confidence: 0.1, reasons: ['low_confidence'], sources: [] }) };
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: handingOff });
    const op = await makeStaff(deps, 'operator', { name: 'Anna' });
    await app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ online: true }) });
    const convo = await startConversation(app, { lang: 'ru' });
    const body = await (await postText(app, convo, 'iPhone 15 Pro Max')).json();
    expect(body.reply.text).toMatch(/Оператор/);
    const [item] = (await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json()).items;
    expect(item.lang).toBe('ru');
    expect(item.packet.lang).toBe('ru');
    await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
    const last = (await deps.store.transcripts.list(convo.id)).at(-1)!;
    expect(last.text).toMatch(/К чату подключился/);
  });

  it('an English message in a Russian conversation: the handoff, the queue row and the joined line are all English', async () => {
    const handingOff: Bot = { decide: async () => ({ kind: 'handoff', confidence: 0.1, reasons: ['low_confidence'], sources: [] }) };
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: handingOff });
    const op = await makeStaff(deps, 'operator', { name: 'Anna' });
    await app.request('/api/operator/presence', { method: 'POST', headers: staffHeaders(op.token), body: JSON.stringify({ online: true }) });
    const convo = await startConversation(app, { lang: 'ru' });
    const body = await (await postText(app, convo, 'Where is my order? It has not arrived yet')).json();
    expect(body.reply.text).toMatch(/operator/i);
    const [item] = (await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json()).items;
    expect(item.lang).toBe('en');
    await app.request(`/api/operator/conversations/${convo.id}/claim`, { method: 'POST', headers: staffHeaders(op.token) });
    expect((await deps.store.transcripts.list(convo.id)).at(-1)!.text).toBe('Anna joined the chat.');
  });
});

describe('answering again on a retry', () => {
  it('counts a missed turn once, however many attempts answer it', async () => {
    const gated = gatedBot({ kind: 'clarify', confidence: 0.5, reasons: ['unsure'], sources: [], reply: 'Could you rephrase?', options: [], miss: true });
    const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN }, { bot: gated.bot });
    const convo = await startConversation(app);
    const first = postText(app, convo, 'blah blah', { clientId: 'c1' });
    await gated.arrived();
    const retry = postText(app, convo, 'blah blah', { clientId: 'c1' });
    await gated.arrived(2);
    gated.release();
    await Promise.all([first, retry]);
    expect((await deps.store.conversations.get(convo.id))!.missStreak).toBe(1);
  });

  it('a retry that runs the bot again counts against the retry limit, and leaves the message limit alone', async () => {
    let calls = 0;
    const broken: Bot = {
      async decide() {
        calls += 1;
        throw new Error('model down');
      },
    };
    const { app } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, RATE_MESSAGES_PER_MINUTE: '2' }, { bot: broken });
    const convo = await startConversation(app);
    expect((await postText(app, convo, 'delivery?', { clientId: 'same' })).status).toBe(500);
    for (let i = 0; i < 2; i++) expect((await postText(app, convo, 'delivery?', { clientId: 'same' })).status).toBe(500);
    for (let i = 0; i < 3; i++) expect((await postText(app, convo, 'delivery?', { clientId: 'same' })).status).toBe(429);
    expect(calls).toBe(3);
    // The visitor's next, different message still has its slot (the bot is down, so 500, not 429).
    expect((await postText(app, convo, 'returns?', { clientId: 'other' })).status).toBe(500);
    expect(calls).toBe(4);
  });
});
