import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/loader';
import { makeKbApp } from '../helpers/kb-app';
import { makeStaff, staffHeaders } from '../helpers/staff';

async function editorApp() {
  const { app, deps } = await makeKbApp();
  const editor = await makeStaff(deps, 'editor');
  const call = (path: string, method = 'GET', body?: unknown) =>
    app.request(path, { method, headers: staffHeaders(editor.token), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { call };
}

describe('the editor routes', () => {
  it('reverts an edited file article to its file version, and says 404 when there is nothing to revert', async () => {
    const { call } = await editorApp();
    const file = await (await call('/api/kb/articles/delivery-cost.en')).json();
    expect((await call('/api/kb/articles/delivery-cost.en', 'PUT', { ...file, answer: 'Changed.' })).status).toBe(200);
    expect((await (await call('/api/kb/articles/delivery-cost.en')).json()).origin).toBe('edited');
    const res = await call('/api/kb/articles/delivery-cost.en/revert', 'POST');
    expect(res.status).toBe(200);
    const back = await (await call('/api/kb/articles/delivery-cost.en')).json();
    expect(back).toMatchObject({ origin: 'file', answer: file.answer });
    expect((await call('/api/kb/articles/delivery-cost.en/revert', 'POST')).status).toBe(404);
  });

  it('checks a change against the regression set before it is saved: a question taken away shows as newly wrong', { timeout: 60_000 }, async () => {
    const { call } = await editorApp();
    const list = await (await call('/api/kb/regression')).json();
    expect(list.cases.length).toBeGreaterThanOrEqual(16);
    expect(list.cases.every((c: { right: boolean }) => c.right)).toBe(true);

    const res = await call('/api/kb/check', 'POST', { remove: 'promo-codes.en' });
    expect(res.status).toBe(200);
    const diff = await res.json();
    expect(diff.newlyWrong.map((d: { after: { text: string } }) => d.after.text)).toContain('my promo code is not working');
    expect(diff.rightAfter).toBeLessThan(diff.rightBefore);
    // Nothing was stored: the article is still there and the set still passes.
    expect((await call('/api/kb/articles/promo-codes.en')).status).toBe(200);
    const again = await (await call('/api/kb/regression')).json();
    expect(again.cases.filter((c: { right: boolean }) => c.right).length).toBe(list.cases.length);
  });

  it('keeps added regression questions and refuses one aimed at no article', async () => {
    const { call } = await editorApp();
    const added = await call('/api/kb/regression', 'POST', { text: 'is delivery free', lang: 'en', expect: 'delivery-cost.en' });
    expect(added.status).toBe(201);
    const { cases } = await added.json();
    const mine = cases.find((c: { text: string }) => c.text === 'is delivery free');
    expect(mine).toMatchObject({ expect: 'delivery-cost.en' });
    const bad = await call('/api/kb/regression', 'POST', { text: 'x', lang: 'en', expect: 'nope.en' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.problems[0].field).toBe('expect');
    expect((await call(`/api/kb/regression/${encodeURIComponent(mine.id)}`, 'DELETE')).status).toBe(204);
    const after = await (await call('/api/kb/regression')).json();
    expect(after.cases.some((c: { text: string }) => c.text === 'is delivery free')).toBe(false);
  });

  it('says which words of a tried question matched each article', async () => {
    const { call } = await editorApp();
    const body = await (await call('/api/kb/try', 'POST', { text: 'how much does delivery cost', lang: 'en' })).json();
    expect(body.matches[0].matchedWords).toContain('delivery');
    expect(body.threshold).toBeGreaterThan(0);
  });

  it('exports stored edits as Markdown files the loader reads back, and lists deletions', async () => {
    const { call } = await editorApp();
    const file = await (await call('/api/kb/articles/gift-cards.en')).json();
    await call('/api/kb/articles/gift-cards.en', 'PUT', { ...file, answer: 'Gift cards are *back*.' });
    await call('/api/kb/articles/price-match.en', 'DELETE');
    const body = await (await call('/api/kb/export')).json();
    expect(body.files).toHaveLength(1);
    expect(body.files[0].path).toBe('en/gift-cards.md');
    const parsed = loadKnowledgeBase([{ path: body.files[0].path, text: body.files[0].text }]);
    expect(parsed.articles[0]).toMatchObject({ id: 'gift-cards.en', answer: 'Gift cards are *back*.', questions: file.questions });
    expect(body.deleted.map((d: { id: string }) => d.id)).toEqual(['price-match.en']);
  });
});
