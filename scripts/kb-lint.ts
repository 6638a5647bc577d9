/**
 * `npm run kb:lint [-- --dir <folder>]`: checks every article of a knowledge base and prints
 * every problem, not just the first. Exits 1 on any error so CI blocks a broken KB; warnings
 * (e.g. a topic not yet translated) are printed but do not fail.
 * The folder defaults to $KB_DIR, then `knowledge-base/`. A .jsonl or .csv path works too.
 */
import { parseArgs } from 'node:util';
import { loadKbSource } from './lib/kb-source';
import { countProblems, formatProblems, plural } from './lib/print-problems';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: false,
  });
  if (values.help) {
    console.log('usage: npm run kb:lint [-- --dir <folder|file.jsonl|file.csv>]');
    return 0;
  }
  // An empty KB_DIR counts as unset, as shells and CI often export empty variables.
  const dir = values.dir || process.env.KB_DIR || 'knowledge-base';
  let result;
  try {
    result = await loadKbSource(dir);
  } catch (err) {
    console.error(`kb:lint: cannot read ${dir}: ${(err as Error).message}`);
    return 1;
  }
  const { articles, problems } = result;
  const lines = formatProblems(problems);
  if (lines.length > 0) console.log(lines.join('\n') + '\n');

  const { errors, warnings } = countProblems(problems);
  const topics = new Set(articles.map((a) => a.topic)).size;
  const langs = [...new Set(articles.map((a) => a.lang))].sort().join('+') || 'none';
  console.log(
    `${dir}: ${plural(articles.length, 'article')}, ${plural(topics, 'topic')} (${langs}); ` +
      `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  );
  return errors > 0 ? 1 : 0;
}

process.exitCode = await main();
