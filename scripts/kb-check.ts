/**
 * `npm run kb:check [-- --dir <folder>] [--cases <file.json>]`: runs the regression set (the
 * folder's `_regression.json` unless --cases says otherwise) against the knowledge base in the
 * folder and prints every question that does not reach its article. Exits 1 when one does not,
 * so CI of a knowledge base kept in git stops an edit that broke an answer.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createKnowledgeBase } from '../src/kb/knowledge-base';
import { regressionCaseSchema, runCases } from '../src/kb/regression';
import { createMemoryStore } from '../src/store/memory/memory-store';
import { readKbDir } from './lib/read-kb-dir';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, cases: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('usage: npm run kb:check [-- --dir <folder>] [--cases <file.json>]');
    return 0;
  }
  const dir = values.dir || process.env.KB_DIR || 'knowledge-base';
  const casesPath = values.cases ?? join(dir, '_regression.json');
  let cases;
  try {
    cases = z.array(regressionCaseSchema).parse(JSON.parse(await readFile(casesPath, 'utf8')));
  } catch (err) {
    console.error(`kb:check: cannot read the regression set ${casesPath}: ${(err as Error).message}`);
    return 1;
  }
  const kb = await createKnowledgeBase({ files: await readKbDir(dir), store: createMemoryStore() });
  const articles = new Map(kb.list().map((a) => [a.id, a]));
  const results = runCases(
    cases,
    (text) => {
      const r = kb.search(text, { k: 1 });
      return { top: r.matches[0]?.article.id, confidence: r.confidence, threshold: r.threshold };
    },
    articles,
  );
  const wrong = results.filter((r) => !r.right);
  for (const r of wrong) {
    const why = !articles.has(r.expect) ? 'no such article' : r.got ? `reached ${r.got} at ${r.confidence.toFixed(2)}` : 'no match';
    console.log(`WRONG [${r.lang}] "${r.text}": expected ${r.expect}, ${why}`);
  }
  console.log(`${casesPath}: ${results.length - wrong.length}/${results.length} questions reach their article (threshold ${kb.search('x').threshold.toFixed(2)})`);
  return wrong.length > 0 ? 1 : 0;
}

process.exitCode = await main();
