import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readKbDir } from '../../scripts/lib/read-kb-dir';
import { dialogueSchema, scoreDialogues } from '../../scripts/lib/dialogue-run';

// The dialogue evaluation on a small subset of its own file (one of each kind of conversation),
// and the scorer itself: a script that expects the wrong thing must be scored wrong.
const all = z.array(dialogueSchema).parse(parse(readFileSync('datasets/dialogues.yaml', 'utf8')));
const SUBSET = ['en-hello-delivery-thanks-bye', 'ru-anekdot', 'en-delivery-2', 'en-delivery-followup', 'translit-operator', 'en-damaged-parcel', 'ru-waiting-then-claim', 'ru-closed-keeps-answering'];

describe('eval:dialogue', () => {
  it('has at least 60 conversations in RU and EN, every subset id among them', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    for (const id of SUBSET) expect(all.map((d) => d.id)).toContain(id);
  });

  it('gets the turns of the subset right, and scores a wrong expectation as wrong', async () => {
    const files = await readKbDir('knowledge-base');
    const subset = all.filter((d) => SUBSET.includes(d.id));
    const wrong = { id: 'wrong', setup: 'online' as const, turns: [{ say: 'спасибо', expect: 'handoff' as const }] };
    const score = await scoreDialogues(files, [...subset, wrong]);
    expect(score.wrong.map((w) => w.dialogue)).toEqual(['wrong']);
    expect(score.turns).toBeGreaterThan(subset.length);
  }, 60_000);
});
