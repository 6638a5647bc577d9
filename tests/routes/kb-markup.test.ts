import { describe, expect, it } from 'vitest';
// First: the app loads @hono/zod-openapi, whose `.openapi()` exists only on zod schemas built after it.
import { makeTestApp } from '../helpers/app';
import { createKnowledgeBase } from '../../src/kb/knowledge-base';
import { createMemoryStore } from '../../src/store/memory/memory-store';
import { giftCards, KB_FILES } from '../kb/kb-fixtures';
import { makeStaff } from '../helpers/staff';

// Finding of issue #16: an editor's answer with raw HTML or a javascript: link was stored and
// served as it was.
async function editorApp() {
  const store = createMemoryStore();
  const kb = await createKnowledgeBase({ files: KB_FILES, store, refreshIntervalMs: 0 });
  const { app, deps } = makeTestApp({}, { store, kb });
  const editor = await makeStaff(deps, 'editor');
  const save = (answer: string) =>
    app.request('/api/kb/articles', {
      method: 'POST',
      headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...giftCards(), answer }),
    });
  return { app, save };
}

describe('the editor API refuses unsafe markup in answers', () => {
  const unsafe = [
    'Click [here](javascript:alert(1)) for a card.',
    'Click [here]( JaVaScRiPt:alert(1) ).',
    'Click [here](java\tscript:alert(1)).',
    'Click [here](&#106;avascript:alert(1)).',
    'See ![x](data:text/html;base64,PHNjcmlwdD4=).',
    '[card]: vbscript:msgbox(1)\n\nSee [card].',
    'Open <javascript:alert(1)> now.',
    'Gift cards <img src=x onerror=alert(1)> are sold online.',
    'Gift cards <script>alert(1)</script>',
    'Hidden <!-- comment --> text',
  ];
  for (const answer of unsafe) {
    it(`refuses ${JSON.stringify(answer)} with a validation error naming the answer`, async () => {
      const { save } = await editorApp();
      const res = await save(answer);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('validation_error');
      expect(body.error.message).toMatch(/^Invalid body: answer: (must not contain raw HTML|links may use)/);
    });
  }

  it('accepts ordinary Markdown: http(s), mailto and tel links, autolinks, and markup shown as code', async () => {
    const { save } = await editorApp();
    const res = await save(
      'Buy one [online](https://shop.example/cards) or write to <mailto:help@shop.example> or call [us](tel:+70000000000).\n\nType `<b>` to see `javascript:` as text; 2 < 3 and a > b.\n\n```\n<div>code</div>\n```',
    );
    expect(res.status).toBe(201);
  });
});
