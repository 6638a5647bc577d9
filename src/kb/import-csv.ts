import { topicFromId, type KbLoadResult, type KbProblem } from './article';
import { parseCsv, type CsvRecord } from './csv';
import { buildArticle, guessLang, type ImportOptions } from './import-common';
import { slugify, uniqueSlug } from './slug';
import { normalizeQuestion, validateCollection, type SourcedArticle } from './validate';

/** Columns the importer understands; `question` is the only one required. */
const COLUMNS = ['question', 'answer', 'id', 'title', 'lang', 'tags', 'department', 'handoff', 'url', 'topic', 'source'] as const;
type Column = (typeof COLUMNS)[number];
type Row = { line: number } & Partial<Record<Column, string>>;

/**
 * Reads CSV with the header `question,answer[,id,title,lang,tags,department,handoff,url,topic,source]`.
 * A spreadsheet has one question per row, so rows are grouped into articles: by `id`, or, when
 * a row has no id, by identical answer. A missing id is made from the title or first question.
 *
 * @example parseCsvKb('question,answer\n"Where is it, then?","Here."\nWhere is it?,Here.')
 * // one article with two questions
 */
export function parseCsvKb(text: string, options: ImportOptions = {}): KbLoadResult {
  const file = options.file ?? 'input.csv';
  const problems: KbProblem[] = [];
  const csv = parseCsv(text);
  for (const err of csv.errors) problems.push({ file, line: err.line, message: err.message, severity: 'error' });

  const [header, ...records] = csv.records;
  if (!header) {
    problems.push({ file, line: 1, message: 'the file is empty: expected a header "question,answer,..."', severity: 'error' });
    return { articles: [], problems };
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  names.forEach((name, i) => {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      problems.push({ file, line: header.line, field: name || `column ${i + 1}`, message: 'unknown column, ignored', severity: 'warning' });
    }
  });
  if (!names.includes('question')) {
    problems.push({ file, line: header.line, field: 'question', message: 'no "question" column in the header', severity: 'error' });
    return { articles: [], problems };
  }

  const rows: Row[] = [];
  records.forEach((record, i) => {
    options.onProgress?.(i + 1, records.length);
    const row = toRow(record, names);
    if (record.fields.length !== names.length) {
      problems.push({
        file,
        line: record.line,
        message: `row has ${record.fields.length} fields, the header has ${names.length}`,
        severity: 'warning',
      });
    }
    rows.push(row);
  });

  const groups = groupRows(rows);
  const taken = new Set(rows.map((r) => r.id).filter((id): id is string => !!id));
  const entries: SourcedArticle[] = [];
  for (const group of groups) {
    const first = group[0] as Row;
    const pick = (column: Column) => group.find((r) => r[column])?.[column];
    const questions = group.map((r) => r.question ?? '').filter((q) => q !== '');
    for (const r of group) {
      if (!r.question) problems.push({ file, line: r.line, field: 'question', message: 'empty question, row skipped', severity: 'warning' });
    }
    const answers = [...new Set(group.map((r) => r.answer).filter((a): a is string => !!a))];
    if (answers.length > 1) {
      const id = first.id ?? '';
      problems.push({ file, line: first.line, field: 'answer', message: `rows for id "${id}" have ${answers.length} different answers; the first is used`, severity: 'warning' });
    }
    const title = pick('title') ?? (questions[0] ?? '').slice(0, 80);
    const id = pick('id') ?? uniqueSlug(slugify(title), taken);
    const lang = pick('lang')?.toLowerCase() ?? options.lang ?? guessLang(`${title} ${questions.join(' ')}`);
    const tags = pick('tags')?.split(/[;|,]/).map((t) => t.trim()).filter(Boolean);
    const built = buildArticle(
      {
        id,
        title,
        topic: pick('topic') ?? topicFromId(id),
        questions,
        lang,
        answer: answers[0] ?? '',
        ...(tags ? { tags } : {}),
        ...optional('department', pick('department')),
        ...optional('handoff', pick('handoff')),
        ...optional('url', pick('url')),
        ...optional('source', pick('source')),
      },
      file,
      first.line,
    );
    if (built.ok) entries.push({ article: built.article, file, line: first.line });
    else problems.push(...built.problems);
  }
  const checked = validateCollection(entries);
  return { articles: checked.articles, problems: [...problems, ...checked.problems] };
}

function toRow(record: CsvRecord, names: string[]): Row {
  const row: Row = { line: record.line };
  names.forEach((name, i) => {
    const value = record.fields[i]?.trim();
    if (value && (COLUMNS as readonly string[]).includes(name)) row[name as Column] = value;
  });
  return row;
}

/** Rows with the same id, else the same answer, are one article; the rest stand alone. */
function groupRows(rows: Row[]): Row[][] {
  const groups = new Map<string, Row[]>();
  rows.forEach((row, i) => {
    const key = row.id
      ? `id:${row.id}`
      : row.answer
        ? `answer:${normalizeQuestion(row.answer)}`
        : `row:${i}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  });
  return [...groups.values()];
}

function optional(key: string, value: string | undefined): Record<string, string> {
  return value ? { [key]: value } : {};
}
