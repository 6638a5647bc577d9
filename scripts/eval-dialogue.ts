/**
 * The dialogue evaluation: scripted visitor conversations run against the app in-process.
 *
 *   npm run eval:dialogue [-- --data datasets/dialogues.yaml] [--json] [--verbose]
 *
 * Prints turn accuracy and the share of conversations with no wrong turn, then every wrong
 * turn with what was expected and what the bot did.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { dialogueSchema, scoreDialogues } from './lib/dialogue-run';
import { readKbDir } from './lib/read-kb-dir';

const args = process.argv.slice(2);
const at = args.indexOf('--data');
const path = at >= 0 ? args[at + 1]! : 'datasets/dialogues.yaml';
const dialogues = z.array(dialogueSchema).parse(parse(readFileSync(path, 'utf8')));
const files = await readKbDir('knowledge-base');
const score = await scoreDialogues(files, dialogues);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`dialogue eval on ${path}: ${score.dialogues} conversations, ${score.turns} turns`);
console.log(`turn accuracy ${pct(score.turnAccuracy)}; conversations with no wrong turn ${pct(score.cleanDialogues)}`);
for (const w of score.wrong) console.log(`  ✗ ${w.dialogue}#${w.turn} "${w.say}": expected ${w.expected}; got ${w.got}`);
if (args.includes('--json')) {
  console.log(JSON.stringify({ turns: score.turns, turnAccuracy: score.turnAccuracy, dialogues: score.dialogues, cleanDialogues: score.cleanDialogues, wrong: score.wrong.length }));
}
