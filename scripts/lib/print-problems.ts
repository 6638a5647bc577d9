import type { KbProblem } from '../../src/kb/article';

/**
 * Problems as `file[:line]: field: message` lines, grouped by file (errors before warnings
 * within a file), so an editor fixes one file at a time.
 */
export function formatProblems(problems: readonly KbProblem[]): string[] {
  const byFile = new Map<string, KbProblem[]>();
  for (const p of problems) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  const lines: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const list = (byFile.get(file) ?? []).sort(
      (a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0),
    );
    if (lines.length > 0) lines.push('');
    for (const p of list) {
      const where = p.line ? `${p.file}:${p.line}` : p.file;
      const field = p.field ? `${p.field}: ` : '';
      lines.push(`${p.severity === 'error' ? 'error  ' : 'warning'} ${where}: ${field}${p.message}`);
    }
  }
  return lines;
}

export function countProblems(problems: readonly KbProblem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function rank(p: KbProblem): number {
  return p.severity === 'error' ? 0 : 1;
}
