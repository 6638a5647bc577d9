import { createApp } from '../../src/app';
import { buildDeps, type BuildOptions } from '../../src/build-deps';
import type { Deps } from '../../src/deps';
import { parseEnv } from '../../src/env';
import type { Bot } from '../../src/domain/decision';
import { createLogger } from '../../src/logger';

/** A schedule open around the clock, so tests do not depend on the hour they run at. */
export const ALWAYS_OPEN = JSON.stringify({
  timeZone: 'Europe/Moscow',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
});

/** A bot that always answers, so a handoff in a test comes from what the test does. */
export const answeringBot: Bot = {
  async decide({ text }) {
    return { kind: 'answer', confidence: 0.97, reasons: [], sources: [{ id: 'delivery.en', title: 'Delivery' }], reply: `About "${text}": delivery takes 2 days.` };
  },
};

/** A fresh app on the memory store (unless a store is given), quiet, with test configuration. */
export function makeTestApp(vars: Record<string, string> = {}, opts: BuildOptions = {}) {
  const env = parseEnv({ LOG_LEVEL: 'silent', TOKEN_SECRET: 'test-secret-test-secret-test-secret-1234', ...vars });
  const deps: Deps = buildDeps(env, { logger: createLogger('silent'), ...opts });
  const app = createApp(deps);
  return { app, deps };
}

export type TestApp = ReturnType<typeof makeTestApp>['app'];

export const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

export const auth = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

/** Start a conversation and return its id, token and greeting. */
export async function startConversation(app: TestApp, body: Record<string, unknown> = {}) {
  const res = await app.request('/api/conversations', json(body));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; token: string; status: string; messages: { role: string; text: string }[] };
}

export async function postText(app: TestApp, convo: { id: string; token: string }, text: string, extra: Record<string, unknown> = {}) {
  return app.request(`/api/conversations/${convo.id}/messages`, json({ text, ...extra }, convo.token));
}

/** Read an SSE response body until `count` events arrived (or the stream ends). */
export async function readEvents(res: Response, count: number, timeoutMs = 5000) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: { id?: string; event?: string; data?: unknown }[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (events.length < count && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<{ done: true; value: undefined }>((r) => setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now())),
    ]);
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let split: number;
    while ((split = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, split);
      buffer = buffer.slice(split + 2);
      const event: { id?: string; event?: string; data?: unknown } = {};
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) event.id = line.slice(4);
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('data: ')) event.data = JSON.parse(line.slice(6));
      }
      if (event.event) events.push(event);
    }
  }
  await reader.cancel();
  return events;
}
