/**
 * Runs scripted visitor conversations against the app in-process (memory store, the sample
 * knowledge base, app.request()) and scores every turn: the decision kind, the article, the
 * notice kind and a reason when the script names them. Used by `npm run eval:dialogue` and by
 * a test on a subset.
 */
import { z } from 'zod';
import { createApp } from '../../src/app';
import { buildDeps, withKnowledgeBase } from '../../src/build-deps';
import { createStaffUser } from '../../src/auth/accounts';
import { parseEnv } from '../../src/env';
import type { KbFile } from '../../src/kb/loader';
import { createLogger } from '../../src/logger';
import { issueStaffToken } from '../../src/security/staff-token';

const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Open around the clock, or closed all week but Monday 09:00–18:00 Moscow time. */
const OPEN = { timeZone: 'Europe/Moscow', weekly: Object.fromEntries(ALL_DAYS.map((d) => [d, [['00:00', '24:00']]])) };
const CLOSED_NOW = { timeZone: 'Europe/Moscow', weekly: { mon: [['09:00', '18:00']] } };
/** A Saturday noon in Moscow: the CLOSED_NOW schedule is shut then. */
const SATURDAY = Date.parse('2026-06-06T09:00:00Z');

const turnSchema = z.union([
  z.object({
    say: z.string().min(1),
    expect: z.enum(['answer', 'clarify', 'handoff', 'silent']),
    /** the article's topic: the answer's source, or the always-human article */
    article: z.string().optional(),
    /** what the visitor is told besides: a wait, the offline form, or that a person still joins */
    notice: z.enum(['wait', 'offline', 'still_joining', 'none']).optional(),
    /** one reason the decision must carry (small_talk, off_topic, complaint, explicit_request…) */
    reason: z.string().optional(),
  }).strict(),
  z.object({ operator: z.enum(['claim', 'release', 'resolve']) }).strict(),
]);
export const dialogueSchema = z.object({
  id: z.string(),
  /** the language the widget starts in; without it the bot follows the visitor */
  lang: z.enum(['ru', 'en']).optional(),
  /** online: an operator is online within hours; offline: nobody is; closed: outside hours */
  setup: z.enum(['online', 'offline', 'closed']).default('online'),
  turns: z.array(turnSchema).min(1),
}).strict();
export type Dialogue = z.infer<typeof dialogueSchema>;

export interface TurnResult {
  dialogue: string;
  turn: number;
  say: string;
  ok: boolean;
  expected: string;
  got: string;
}

interface Posted {
  reply?: { text: string };
  decision: { kind: string; reasons: string[]; sources: { id: string }[]; handoff?: { kind: string } };
}

const topicOf = (id: string | undefined) => id?.replace(/\.(ru|en)$/, '');

/** One app per setup, shared by its conversations: each has its own operator, so none waits on another. */
async function appFor(files: KbFile[], setup: Dialogue['setup']) {
  const env = parseEnv({
    LOG_LEVEL: 'silent',
    TOKEN_SECRET: 'dialogue-eval-secret-dialogue-eval-secret',
    RATE_LIMITS: 'off',
    BUSINESS_HOURS: JSON.stringify(setup === 'closed' ? CLOSED_NOW : OPEN),
  });
  let now = SATURDAY;
  const clock = { now: () => (now += 1000) };
  const deps = await withKnowledgeBase(buildDeps(env, { logger: createLogger('silent'), clock }), files);
  return { app: createApp(deps), deps };
}

async function operatorFor({ app, deps }: Awaited<ReturnType<typeof appFor>>, dialogue: Dialogue) {
  const user = await createStaffUser(deps, { email: `op-${dialogue.id}@eval.local`, password: 'eval password 123', role: 'operator', name: 'Anna' });
  if (!user) throw new Error(`could not create the operator of ${dialogue.id}`);
  const { token } = await issueStaffToken(deps.staffSigner, { sub: user.id, role: 'operator', passwordHash: user.passwordHash }, 3600, deps.clock.now());
  const staff = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (dialogue.setup !== 'offline') await app.request('/api/operator/presence', { method: 'POST', headers: staff, body: JSON.stringify({ online: true }) });
  return staff;
}

function judge(turn: Extract<Dialogue['turns'][number], { say: string }>, posted: Posted): { ok: boolean; got: string } {
  const d = posted.decision;
  const topic = topicOf(d.sources[0]?.id);
  const stillJoining = d.reasons.includes('while_waiting') && !d.reasons.includes('small_talk');
  const notice = d.handoff?.kind === 'wait' || d.handoff?.kind === 'offline' ? d.handoff.kind : stillJoining ? 'still_joining' : 'none';
  const got = `${d.kind}${topic ? ` ${topic}` : ''} notice=${notice} reasons=${d.reasons.join(',') || '-'}`;
  const ok =
    d.kind === turn.expect &&
    (turn.article === undefined || turn.article === topic) &&
    (turn.notice === undefined || turn.notice === notice) &&
    (turn.reason === undefined || d.reasons.includes(turn.reason));
  return { ok, got };
}

export async function runDialogue(built: Awaited<ReturnType<typeof appFor>>, dialogue: Dialogue): Promise<TurnResult[]> {
  const { app } = built;
  const staff = await operatorFor(built, dialogue);
  const res = await app.request('/api/conversations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(dialogue.lang ? { lang: dialogue.lang } : {}) });
  const convo = (await res.json()) as { id: string; token: string };
  const results: TurnResult[] = [];
  for (const [i, turn] of dialogue.turns.entries()) {
    if ('operator' in turn) {
      await app.request(`/api/operator/conversations/${convo.id}/${turn.operator}`, { method: 'POST', headers: staff, body: '{}' });
      continue;
    }
    const posted = await app.request(`/api/conversations/${convo.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${convo.token}` },
      body: JSON.stringify({ text: turn.say }),
    });
    const expected = `${turn.expect}${turn.article ? ` ${turn.article}` : ''}${turn.notice ? ` notice=${turn.notice}` : ''}${turn.reason ? ` reason=${turn.reason}` : ''}`;
    if (posted.status !== 201) {
      results.push({ dialogue: dialogue.id, turn: i + 1, say: turn.say, ok: false, expected, got: `HTTP ${posted.status}` });
      continue;
    }
    const verdict = judge(turn, (await posted.json()) as Posted);
    results.push({ dialogue: dialogue.id, turn: i + 1, say: turn.say, expected, ...verdict });
  }
  return results;
}

export interface DialogueScore {
  turns: number;
  turnAccuracy: number;
  dialogues: number;
  /** share of conversations with no wrong turn */
  cleanDialogues: number;
  wrong: TurnResult[];
}

export async function scoreDialogues(files: KbFile[], dialogues: Dialogue[]): Promise<DialogueScore> {
  const apps = new Map<Dialogue['setup'], Awaited<ReturnType<typeof appFor>>>();
  const all: TurnResult[][] = [];
  for (const d of dialogues) {
    if (!apps.has(d.setup)) apps.set(d.setup, await appFor(files, d.setup));
    all.push(await runDialogue(apps.get(d.setup)!, d));
  }
  const turns = all.flat();
  const right = turns.filter((t) => t.ok).length;
  const clean = all.filter((r) => r.every((t) => t.ok)).length;
  return { turns: turns.length, turnAccuracy: right / turns.length, dialogues: dialogues.length, cleanDialogues: clean / dialogues.length, wrong: turns.filter((t) => !t.ok) };
}
