import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, auth, postText, startConversation, type TestApp } from '../helpers/app';
import { makeKbApp } from '../helpers/kb-app';
import { makeStaff, staffHeaders } from '../helpers/staff';

// The bot's manners through the API, on the sample knowledge base: small talk, off-topic,
// clarify answers, follow-ups, long and pasted messages, translit, always-human articles.
// One app for the file (building the knowledge base is the slow part); every test starts its
// own conversation, and conversations share nothing, so no test depends on another.
let shared: ReturnType<typeof makeKbApp> | undefined;
const kbApp = () => (shared ??= makeKbApp({ BUSINESS_HOURS: ALWAYS_OPEN }));

async function say(app: TestApp, convo: { id: string; token: string }, text: string) {
  const res = await postText(app, convo, text);
  expect(res.status).toBe(201);
  return (await res.json()) as {
    reply?: { role: string; text: string };
    decision: { kind: string; reasons: string[]; sources: { id: string }[]; handoff?: { kind: string } };
  };
}

const status = async (app: TestApp, convo: { id: string; token: string }) =>
  ((await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json()) as { status: string }).status;

describe('small talk and closings', () => {
  it.each([
    ['en', 'great, thanks!', /glad to help/i],
    ['ru', 'спасибо', /рад помочь/i],
    ['en', 'bye', /goodbye/i],
    ['ru', 'Добрый день!', /чем могу помочь/i],
    ['en', 'are you a bot?', /virtual assistant/i],
    ['en', '👍', /anything else/i],
  ] as const)('%s %j is answered in kind and never handed off', async (lang, text, reply) => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang });
    const body = await say(app, convo, text);
    expect(body.decision).toMatchObject({ kind: 'answer', reasons: ['small_talk'] });
    expect(body.reply?.text).toMatch(reply);
    expect(await status(app, convo)).toBe('bot');
  });

  it('a chat whose visitor only said thanks and goodbye is not in the queue', async () => {
    const { app, deps } = await kbApp();
    const op = await makeStaff(deps, 'operator');
    const convo = await startConversation(app, { lang: 'en' });
    await say(app, convo, 'thanks');
    await say(app, convo, 'bye');
    const queue = (await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json()) as { items?: unknown[] } | unknown[];
    const items = Array.isArray(queue) ? queue : (queue.items ?? []);
    expect(JSON.stringify(items)).not.toContain(convo.id);
  });
});

describe('off-topic', () => {
  it('the first unrelated line says what the bot can help with, with popular topics and a person offered', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'en' });
    const body = await say(app, convo, 'what is the weather tomorrow?');
    expect(body.decision.kind).toBe('clarify');
    expect(body.decision.reasons).toEqual(['off_topic']);
    expect(body.decision.sources.length).toBeGreaterThanOrEqual(2);
    expect(body.reply?.text).toMatch(/1\. .+\n2\. /);
    expect(body.reply?.text).toMatch(/person/);
    expect(body.reply?.text).not.toMatch(/what went wrong/);
    expect(await status(app, convo)).toBe('bot');
  });

  it('a second unrelated line in a row goes to a person (low_confidence)', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'ru' });
    expect((await say(app, convo, 'расскажи анекдот')).decision.kind).toBe('clarify');
    const second = await say(app, convo, 'кто выиграл матч вчера');
    expect(second.decision).toMatchObject({ kind: 'handoff', reasons: ['low_confidence'] });
  });

  it('after an off-topic line a real question is answered', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'en' });
    await say(app, convo, 'tell me a joke');
    const body = await say(app, convo, 'ok, how much is delivery then');
    expect(body.decision).toMatchObject({ kind: 'answer', sources: [{ id: 'delivery-cost.en' }] });
  });
});

describe('clarify with memory', () => {
  it('"delivery?" then "2" answers the second option', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'en' });
    const asked = await say(app, convo, 'delivery?');
    expect(asked.decision.kind).toBe('clarify');
    const second = asked.decision.sources[1]!.id;
    const body = await say(app, convo, '2');
    expect(body.decision).toMatchObject({ kind: 'answer', reasons: ['clarify_answer'], sources: [{ id: second }] });
  });

  it('"доставка" then "сроки" answers delivery time, the option the words name', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'ru' });
    expect((await say(app, convo, 'доставка')).decision.kind).toBe('clarify');
    const body = await say(app, convo, 'сроки');
    expect(body.decision).toMatchObject({ kind: 'answer', sources: [{ id: 'delivery-time.ru' }] });
  });

  it('a new question instead of a pick is answered as the new question', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'en' });
    await say(app, convo, 'delivery');
    const body = await say(app, convo, 'actually, can I return headphones I did not like?');
    expect(body.decision).toMatchObject({ kind: 'answer', sources: [{ id: 'returns.en' }] });
  });

  it('a number past the options is no pick', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'en' });
    await say(app, convo, 'delivery?');
    expect((await say(app, convo, '7')).decision.kind).not.toBe('answer');
  });
});

describe('follow-ups and long messages', () => {
  it('a short follow-up is read with the previous question', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'en' });
    await say(app, convo, 'how much is delivery to St Petersburg?');
    const body = await say(app, convo, 'and how fast if I order today?');
    expect(body.decision).toMatchObject({ kind: 'answer', sources: [{ id: 'delivery-time.en' }] });
  });

  it('"do they expire?" stays on the loyalty points just answered', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'en' });
    await say(app, convo, 'how do the Volts loyalty points work?');
    const body = await say(app, convo, 'do they expire?');
    expect(body.decision).toMatchObject({ kind: 'answer', reasons: ['follow_up'], sources: [{ id: 'loyalty-points.en' }] });
  });

  it('a long story is matched on its question sentence', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'en' });
    const body = await say(
      app,
      convo,
      "Hello! I placed an order on Monday for a vacuum cleaner, paid by card, and got the confirmation email. But I realised that I will be at my parents' place all next week, so nobody will be home. Can I change the delivery address to another city?",
    );
    expect(body.decision).toMatchObject({ kind: 'answer', sources: [{ id: 'change-delivery-address.en' }] });
  });

  it('HTML tags pasted with a question are ignored', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'en' });
    const body = await say(app, convo, '<p>Hi,</p><p>which <b>payment methods</b> do you accept?</p>');
    expect(body.decision).toMatchObject({ kind: 'answer', sources: [{ id: 'payment-methods.en' }] });
  });
});

describe('translit Russian', () => {
  it('"skolko stoit dostavka" is answered with the Russian article', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app);
    const body = await say(app, convo, 'skolko stoit dostavka');
    expect(body.decision).toMatchObject({ kind: 'answer', sources: [{ id: 'delivery-cost.ru' }] });
  });

  it('"pozovite operatora" is an explicit request, and the notice is in Russian', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app);
    const body = await say(app, convo, 'pozovite operatora');
    expect(body.decision.kind).toBe('handoff');
    expect(body.decision.reasons).toContain('explicit_request');
    expect(body.reply?.text).toMatch(/[а-я]/);
  });
});

describe('always-human articles', () => {
  it('the visitor gets the shop’s authored answer and the handoff', async () => {
    const { app } = await kbApp();
    const convo = await startConversation(app, { lang: 'en' });
    const body = await say(app, convo, 'My parcel arrived damaged');
    expect(body.decision.kind).toBe('handoff');
    expect(body.decision.reasons).toContain('always_human');
    expect(body.decision.sources[0]?.id).toBe('damaged-parcel.en');
    expect(body.reply?.text).toMatch(/photo/i);
    expect(await status(app, convo)).toBe('waiting');
  });
});
