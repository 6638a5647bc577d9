import { describe, expect, it } from 'vitest';
import { auth, json, makeTestApp, postText, startConversation } from '../helpers/app';
import { bothStores, STORE_KINDS } from '../helpers/both-stores';
import { staffToken } from '../helpers/staff';

// Found by the probe of issue #16: on Upstash, a lone surrogate in an account made it
// impossible to change, and two clientIds differing only in one collided.
const stores = bothStores('unicode');
const patch = (body: unknown, token: string): RequestInit => ({ ...json(body, token), method: 'PATCH' });

for (const kind of STORE_KINDS) {
  describe(`text at the boundary (${kind})`, () => {
    it('keeps an account whose name held a lone surrogate changeable, and refuses one in a department', async () => {
      const { app, deps } = makeTestApp({}, { store: stores.fresh(kind) });
      const admin = await staffToken(app, deps, 'admin');
      const created = await app.request('/api/admin/users', json({ email: 'anna@shop.example', password: 'anna-password', role: 'operator', name: 'Anna \ud83d' }, admin.token));
      expect(created.status).toBe(201);
      const user = (await created.json()) as { id: string; name: string };
      expect(user.name).toBe('Anna \ufffd');
      const disabled = await app.request(`/api/admin/users/${user.id}`, patch({ disabled: true }, admin.token));
      expect(disabled.status).toBe(200);
      expect(await disabled.json()).toMatchObject({ disabled: true });

      const renamed = await app.request(`/api/admin/users/${user.id}`, patch({ name: 'Anna \udc00 K' }, admin.token));
      expect(await renamed.json()).toMatchObject({ name: 'Anna \ufffd K' });
      const badDepartment = await app.request(`/api/admin/users/${user.id}`, patch({ departments: ['billing\ud800'] }, admin.token));
      expect(badDepartment.status).toBe(400);
      expect(((await badDepartment.json()) as { error: { code: string } }).error.code).toBe('validation_error');
    });

    it('refuses clientIds with a lone surrogate instead of letting two of them collide', async () => {
      const { app } = makeTestApp({}, { store: stores.fresh(kind) });
      const convo = await startConversation(app);
      for (const clientId of ['k\ud800', 'k\udc00']) {
        const res = await postText(app, convo, `message ${clientId}`, { clientId });
        expect(res.status).toBe(400);
      }
      const emoji = await postText(app, convo, 'hello 👋', { clientId: 'k👋' });
      expect(emoji.status).toBe(201);
    });

    it('stores message text with a lone surrogate as U+FFFD and reads it back', async () => {
      const { app } = makeTestApp({}, { store: stores.fresh(kind) });
      const convo = await startConversation(app);
      const res = await postText(app, convo, 'half an emoji \ud83d');
      expect(res.status).toBe(201);
      const read = (await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json()) as { messages: { role: string; text: string }[] };
      expect(read.messages.filter((m) => m.role === 'visitor').map((m) => m.text)).toEqual(['half an emoji \ufffd']);
    });
  });
}
