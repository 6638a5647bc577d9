/**
 * `npm run kb:import -- --from <file.jsonl|file.csv> --out <folder> [--lang ru|en] [--dry-run] [--force]`
 * Turns an import into Markdown articles (`<out>/<lang>/<name>.md`) that `kb:lint` and the
 * loader read back. `--lang` is the language of entries that do not state one (otherwise it is
 * guessed from the script). Exits 1 if the source had errors; the valid articles are still written. It never overwrites an existing file unless --force: a KB folder is hand-
 * edited, and an import must not silently undo someone's work.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { langSchema, type Article } from '../src/kb/article';
import { loadKbSource } from './lib/kb-source';
import { articleFileName, articleToMarkdown } from './lib/article-markdown';
import { countProblems, formatProblems, plural } from './lib/print-problems';

const USAGE = 'usage: npm run kb:import -- --from <file.jsonl|file.csv> --out <folder> [--lang ru|en] [--dry-run] [--force]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (console.log(USAGE), 0);
  if (!values.from || (!values.out && !values['dry-run'])) return (console.error(USAGE), 2);
  const lang = values.lang === undefined ? undefined : langSchema.safeParse(values.lang);
  if (lang && !lang.success) return (console.error(`--lang must be ru or en, got "${values.lang}"`), 2);
  if (!/\.(jsonl|ndjson|csv)$/i.test(values.from)) return (console.error(`--from must be a .jsonl or .csv file`), 2);

  const { articles, problems } = await loadKbSource(values.from, {
    ...(lang?.success ? { lang: lang.data } : {}),
    onProgress: progressPrinter('read'),
  });
  const lines = formatProblems(problems);
  if (lines.length > 0) console.log(lines.join('\n') + '\n');

  const out = values.out ?? '.';
  const targets = planFiles(articles, out);
  const existing = targets.filter((t) => existsSync(t.path));
  if (existing.length > 0 && !values.force && !values['dry-run']) {
    console.error(`refusing to overwrite ${plural(existing.length, 'existing file')} (first: ${existing[0]?.path}); use --force`);
    return 1;
  }
  const report = progressPrinter('imported');
  let written = 0;
  for (const target of targets) {
    if (!values['dry-run']) {
      await mkdir(dirname(target.path), { recursive: true });
      await writeFile(target.path, articleToMarkdown(target.article), 'utf8');
    }
    written += 1;
    report(written, targets.length);
  }
  const { errors, warnings } = countProblems(problems);
  const verb = values['dry-run'] ? 'would write' : 'wrote';
  console.log(`${values.from}: ${verb} ${plural(written, 'article')} to ${out}; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return errors > 0 ? 1 : 0;
}

/** One target file per article; names are kebab-case and unique even when ids differ only by case or `_`. */
function planFiles(articles: Article[], out: string): { article: Article; path: string }[] {
  const taken = new Set<string>();
  return articles.map((article) => {
    const base = articleFileName(article);
    let name = base;
    for (let n = 2; taken.has(`${article.lang}/${name}`); n += 1) name = `${base}-${n}`;
    taken.add(`${article.lang}/${name}`);
    return { article, path: join(out, article.lang, `${name}.md`) };
  });
}

/** Prints `label done/total` to stderr every 5% or 500 entries, only for imports long enough to wait on. */
function progressPrinter(label: string): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    if (total < 200) return;
    const step = Math.max(1, Math.min(500, Math.ceil(total / 20)));
    if (done === total || done - last >= step) {
      last = done;
      process.stderr.write(`${label} ${done}/${total}\n`);
    }
  };
}

process.exitCode = await main();
